import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deletionReturnCodec, deletionReturnStreamOf } from '../../domain/deletion-return.js';
import { lateReturnsBySchool, type ReturnArrival } from '../../domain/deletion-return-report.js';
import { readRoles } from '../../domain/roles.js';
import type { EventStore } from '../../eventstore/types.js';
import type { RouteDeps } from '../cases/commands.js';
import { validationProblemExample } from '../examples/index.js';
import { lateDeletionReturnsExample } from '../examples/reports.js';
import { problemResponses, security } from '../http.js';
import { authorize } from '../plugins/auth.js';
import { PeriodQuerySchema } from './reports.js';

const streamPrefix = deletionReturnStreamOf('');

/** Every stored deletion return, read through its codec (so returns stored before v2 are upcast). */
async function* storedReturns(store: EventStore): AsyncIterable<ReturnArrival> {
  for await (const recorded of store.readAll({ filter: { streamPrefixes: [streamPrefix] } })) {
    const schemaVersion = Number(recorded.metadata.schemaVersion ?? 1);
    const { data } = deletionReturnCodec.decode({ type: recorded.type, data: recorded.data, schemaVersion });
    yield {
      returnId: data.returnId,
      school: data.school,
      deletedOn: data.deletedOn,
      receivedOn: data.receivedOn,
    };
  }
}

export const LateReturnsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    schools: z.array(
      z.object({
        school: z.object({ name: z.string(), urn: z.string().optional() }),
        returns: z.number(),
        late: z.number(),
        arrivalNotRecorded: z.number(),
        lateReturns: z.array(
          z.object({
            returnId: z.string(),
            deletedOn: z.string(),
            receivedOn: z.string(),
            daysLate: z.number(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'LateDeletionReturns' });

/** When the schools' deletion returns arrived against their deletion dates: managers and auditors. */
export const deletionReturnReportRoutesPlugin: FastifyPluginAsyncZod<RouteDeps> = async (
  app,
  { services },
) => {
  app.get(
    '/reports/late-deletion-returns',
    {
      onRequest: authorize(readRoles.dashboards),
      schema: {
        operationId: 'getLateDeletionReturns',
        summary: 'Deletion returns by school, with those that arrived after the deletion date',
        description:
          'Returns whose deletion date falls in the period, both ends included. A return is late when it arrived ' +
          'after the pupil was deleted (reg 13(4), School Attendance (Pupil Registration) (England) Regulations ' +
          '2024; CME statutory guidance: no later than the deletion). Returns stored before the arrival day was ' +
          'recorded count as arrivalNotRecorded.',
        tags: ['reports'],
        security,
        querystring: PeriodQuerySchema,
        response: {
          200: {
            description: 'Each school with returns in the period, the most late returns first',
            content: {
              'application/json': { schema: LateReturnsSchema, example: lateDeletionReturnsExample },
            },
          },
          ...problemResponses('/v1/reports/late-deletion-returns', {
            400: validationProblemExample(
              '/v1/reports/late-deletion-returns',
              'querystring.to',
              'must be on or after `from`',
            ),
          }),
        },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      return {
        from,
        to,
        schools: lateReturnsBySchool(await collect(storedReturns(services.store)), from, to),
      };
    },
  );
};

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
