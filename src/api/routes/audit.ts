import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type CaseTypeName as CaseType, caseTypeNames, streamOf } from '../../domain/case-types.js';
import { readRoles } from '../../domain/roles.js';
import { AccessLogEntrySchema, readAccessLog, recordCaseRead } from '../access-log.js';
import type { RouteDeps } from '../cases/commands.js';
import { allocatedOfficerOf, caseStateAsOf, eventView, publishedState } from '../cases/history.js';
import { boundedDateTime } from '../date-bounds.js';
import {
  exampleIds,
  exampleOfficers,
  invalidCursorExample,
  problemExample,
  validationProblemExample,
} from '../examples/index.js';
import { accessLogExample, caseStateExample, eventsExample } from '../examples/queries.js';
import { CaseParamsSchema, notFoundResponse, problemResponses, security, withEtag } from '../http.js';
import { type Actor, actorOf, authorize } from '../plugins/auth.js';
import { HttpProblem } from '../plugins/errors.js';

const historyRoles = ['auditor', 'manager', 'officer', 'senior'] as const;

const EventSchema = z
  .object({
    id: z.string(),
    revision: z.string(),
    position: z.string(),
    type: z.string(),
    data: z.unknown(),
    metadata: z.record(z.string(), z.unknown()),
    recordedAt: z.string(),
  })
  .meta({ id: 'RecordedEvent' });

export const EventPageSchema = z.object({
  caseType: z.enum(caseTypeNames),
  events: z.array(EventSchema),
  next: z.string().nullable(),
});
export const CaseStateSchema = z.object({
  caseType: z.enum(caseTypeNames),
  asOf: z.string().nullable(),
  basis: z.enum(['recorded', 'occurred']),
  revision: z.string(),
  eventsApplied: z.int(),
  state: z.unknown(),
});
export const AccessLogPageSchema = z.object({
  entries: z.array(AccessLogEntrySchema),
  next: z.string().nullable(),
});

const notACursor = 'must be the `next` of a previous page';
const eventsInstance = `/v1/cases/${exampleIds.eheCase}/events`;
const stateInstance = `/v1/cases/${exampleIds.eheCase}/state`;

/** Full history and past states: auditors and managers, and the officer the case is allocated to. */
/** How many entries a page holds: 100 unless asked, at most 1,000. */
const pageLimit = z.coerce
  .number()
  .int()
  .min(1)
  .max(1000)
  .default(100)
  .meta({ examples: [100] });

export const auditRoutesPlugin: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const { store } = services;

  const caseForHistory = async (
    request: FastifyRequest,
    caseId: string,
  ): Promise<{ actor: Actor; caseType: CaseType }> => {
    const actor = actorOf(request);
    const caseType = await app.caseTypeOf(caseId);
    if (!caseType) throw new HttpProblem(404, 'case_not_found', `no case ${caseId}`);
    const fullHistory: readonly string[] = readRoles.fullHistory;
    if (
      !fullHistory.includes(actor.role) &&
      (await allocatedOfficerOf(store, caseType, caseId)) !== actor.id
    ) {
      throw new HttpProblem(
        403,
        'forbidden',
        "only auditors, managers and the case's officer read its history",
      );
    }
    return { actor, caseType };
  };
  const recordRead = (request: FastifyRequest, actor: Actor, caseId: string) =>
    recordCaseRead(store, {
      actor,
      caseIds: [caseId],
      route: request.routeOptions.url ?? request.url,
      requestId: request.id,
      clientRequestId: request.clientRequestId,
      at: services.now(),
    });

  app.get(
    '/cases/:caseId/events',
    {
      onRequest: authorize(historyRoles),
      schema: {
        operationId: 'listCaseEvents',
        summary: "The case's full history, with each event's metadata",
        description:
          "Every event of the case in order, each with who recorded it, when, and under which legal basis. Auditors and managers read any case's history; officers and seniors that of cases of their service. The read is recorded in the access log.",
        tags: ['audit'],
        security,
        params: CaseParamsSchema,
        querystring: z.object({
          after: z.coerce
            .number({ error: notACursor })
            .int({ error: notACursor })
            .min(-1, { error: notACursor })
            .optional()
            .meta({ description: 'The last revision already read', examples: [1] }),
          limit: pageLimit,
        }),
        response: {
          200: EventPageSchema.meta({ examples: [eventsExample] }),
          ...notFoundResponse(eventsInstance),
          ...problemResponses(eventsInstance, {
            400: invalidCursorExample(eventsInstance, 'querystring.after', notACursor),
          }),
        },
      },
    },
    async (request) => {
      const { caseId } = request.params;
      const { after, limit } = request.query;
      const { actor, caseType } = await caseForHistory(request, caseId);
      const events = [];
      for await (const event of store.readStream(streamOf(caseType, caseId), {
        ...(after === undefined ? {} : { fromRevision: BigInt(after + 1) }),
        maxCount: limit + 1,
      })) {
        events.push(eventView(event));
      }
      const page = events.slice(0, limit);
      await recordRead(request, actor, caseId);
      return { caseType, events: page, next: events.length > limit ? (page.at(-1)?.revision ?? null) : null };
    },
  );

  app.get(
    '/cases/:caseId/state',
    {
      onRequest: authorize(historyRoles),
      schema: {
        operationId: 'getCaseAsAt',
        summary: 'The case as at an instant: as the system knew it, or as things had happened',
        description:
          "The case's state folded from its events up to an instant: with basis=recorded, the events recorded by then (what the service knew); with basis=occurred, those that had happened by then. For audits and complaints; the read is recorded in the access log.",
        tags: ['audit'],
        security,
        params: CaseParamsSchema,
        querystring: z.object({
          asOf: boundedDateTime.optional().meta({ examples: ['2025-12-01T17:00:00Z'] }),
          basis: z
            .enum(['recorded', 'occurred'])
            .default('recorded')
            .meta({ examples: ['recorded'] }),
        }),
        response: {
          200: CaseStateSchema.meta({ examples: [caseStateExample] }),
          ...notFoundResponse(stateInstance),
          ...problemResponses(stateInstance, {
            400: validationProblemExample(stateInstance, 'querystring.asOf', 'Invalid ISO datetime'),
          }),
        },
      },
    },
    async (request, reply) => {
      const { caseId } = request.params;
      const { asOf, basis } = request.query;
      const { actor, caseType } = await caseForHistory(request, caseId);
      const at = asOf === undefined ? undefined : new Date(asOf);
      const { state, revision, eventsApplied } = await caseStateAsOf(store, caseType, caseId, at, basis);
      await recordRead(request, actor, caseId);
      withEtag(reply, revision);
      return {
        caseType,
        asOf: at?.toISOString() ?? null,
        basis,
        revision: revision.toString(),
        eventsApplied,
        state: publishedState(caseType, state),
      };
    },
  );

  app.get(
    '/access-log',
    {
      onRequest: authorize(readRoles.accessLog),
      schema: {
        operationId: 'listAccessLog',
        summary: "Who read which case's personal data, and when",
        description:
          "Who read which case's personal data, when and through which route, a page at a time; auditors only.",
        tags: ['audit'],
        security,
        querystring: z.object({
          after: z.coerce
            .number({ error: notACursor })
            .int({ error: notACursor })
            .min(0, { error: notACursor })
            .optional()
            .meta({ description: 'The cursor from the previous page', examples: [50] }),
          limit: pageLimit,
          caseId: z
            .uuid()
            .optional()
            .meta({ examples: [exampleIds.eheCase] }),
          actor: z
            .string()
            .max(200)
            .optional()
            .meta({ examples: [exampleOfficers.ehe] }),
        }),
        response: {
          200: AccessLogPageSchema.meta({ examples: [accessLogExample] }),
          ...problemResponses('/v1/access-log', {
            400: invalidCursorExample('/v1/access-log', 'querystring.after', notACursor),
            403: problemExample(403, '/v1/access-log', 'forbidden', 'the manager role may not do this'),
          }),
        },
      },
    },
    async (request) => {
      const { after, limit, caseId, actor } = request.query;
      return readAccessLog(store, {
        limit,
        ...(after === undefined ? {} : { after: BigInt(after) }),
        ...(caseId === undefined ? {} : { caseId }),
        ...(actor === undefined ? {} : { actor }),
      });
    },
  );
};
