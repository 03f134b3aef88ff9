import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { streamOf } from '../../domain/case-types.js';
import {
  ChangeArrangedAbsenceBody,
  type CnisCommand,
  cnisCommandRoles,
  EndArrangedAbsenceBody,
  RecordArrangedAbsenceBody,
} from '../../domain/cnis/index.js';
import type { EventStore } from '../../eventstore/types.js';
import {
  type CommandResult,
  CommandResultSchema,
  commandResult,
  type ReferralReceipt,
  ReferralReceiptSchema,
} from '../cases/command-result.js';
import { type CommandOutcome, type RouteDeps, runCaseCommand } from '../cases/commands.js';
import { openCase } from '../cases/open.js';
import { assertStaffOnlyFieldsAbsent, newCaseId } from '../cases/referral-checks.js';
import {
  arrangedAbsenceChangeExample,
  arrangedAbsenceChangeResultExample,
  arrangedAbsenceEndExample,
  arrangedAbsenceEndResultExample,
  arrangedAbsenceExample,
  arrangedAbsenceIds,
  arrangedAbsenceProblemExamples,
  arrangedAbsenceReceiptExample,
  arrangedAbsenceResultExample,
} from '../examples/arranged-absences.js';
import {
  bodyProblems,
  CommandHeadersSchema,
  commandOptionsFrom,
  problemResponse,
  problemResponses,
  ReferralHeadersSchema,
  requestMeta,
  security,
  sendCommandResult,
} from '../http.js';
import { type Actor, actorOf, authorize } from '../plugins/auth.js';
import { HttpProblem } from '../plugins/errors.js';

/*
 * A school's pupil it has arranged or agreed absence for (EA 1996 s.436B(5)(b)-(c), inserted by CWSA 2026
 * s.38): the pupil stays on the school's roll and on the Children Not In School register, in a stream of its
 * own (`cnis-{id}`), never as an EHE or CME case (their DfE returns would count the child). A school sends it
 * with its referrer token, as it sends deletion returns; casework staff may record what a school told them.
 */

const ArrangedAbsenceRequest = RecordArrangedAbsenceBody.omit({ caseId: true })
  .extend({
    caseId: z
      .uuid()
      .optional()
      .meta({ description: 'Staff only: chosen by the client, or derived from Idempotency-Key' }),
  })
  .meta({ examples: [arrangedAbsenceExample] });

const ParamsSchema = z.object({ caseId: z.uuid().meta({ examples: [arrangedAbsenceIds.leo] }) });

/** Staff get the command's result, a school a receipt. */
export const ArrangedAbsenceAnswerSchema = z.union([CommandResultSchema, ReferralReceiptSchema]);

const answer = (example: CommandResult) =>
  ArrangedAbsenceAnswerSchema.meta({
    description:
      'Staff get the events written and the revision (also the ETag); a school gets a receipt that reveals nothing else',
    examples: [example, arrangedAbsenceReceiptExample],
  });

const instanceOf = (path: string) => `/v1/arranged-absences${path}`;

/** When the event `eventId` of `stream` was recorded: a replay answers the first request's time. */
async function recordedAt(store: EventStore, stream: string, eventId: string | undefined): Promise<string> {
  for await (const event of store.readStream(stream)) {
    if (event.id === eventId) return event.recordedAt.toISOString();
  }
  throw new Error(`${stream} has no event ${eventId}`);
}

/** The school that reported the pupil, from the report's own metadata. */
async function reportedBy(store: EventStore, caseId: string): Promise<unknown> {
  for await (const event of store.readStream(streamOf('cnis', caseId), { maxCount: 1 }))
    return event.metadata.actor;
  return undefined;
}

/**
 * The entry must exist; a school may change or end only its own report, and is told no more than that
 * there is no such report of its own (the same answer whether the entry exists or not).
 */
async function assertMayChange(
  deps: RouteDeps,
  caseTypeOf: (id: string) => Promise<string | undefined>,
  actor: Actor,
  caseId: string,
) {
  const notFound = new HttpProblem(404, 'case_not_found', `no arranged absence ${caseId}`);
  if ((await caseTypeOf(caseId)) !== 'cnis') throw notFound;
  if (actor.role === 'referrer' && (await reportedBy(deps.services.store, caseId)) !== actor.id)
    throw notFound;
}

export const arrangedAbsenceRoutesPlugin: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { services, projections } = deps;

  /** Staff get the command's result; a school a receipt. */
  const reply = async (
    request: FastifyRequest,
    response: FastifyReply,
    outcome: CommandOutcome,
  ): Promise<CommandResult | ReferralReceipt> => {
    if (actorOf(request).role !== 'referrer')
      return sendCommandResult(response, outcome, await commandResult(projections, outcome));
    if (outcome.replayed) response.header('idempotent-replayed', 'true');
    const stream = streamOf('cnis', outcome.caseId);
    const receivedAt = await recordedAt(services.store, stream, outcome.events[0]?.id);
    return { caseId: outcome.caseId, receivedAt, replayed: outcome.replayed };
  };

  const change = async (
    request: FastifyRequest,
    response: FastifyReply,
    caseId: string,
    command: CnisCommand,
    headers: z.infer<typeof CommandHeadersSchema>,
  ) => {
    const actor = actorOf(request);
    await assertMayChange(deps, app.caseTypeOf, actor, caseId);
    const outcome = await runCaseCommand(
      services,
      caseId,
      { caseType: 'cnis', command },
      { actor, ...requestMeta(request) },
      commandOptionsFrom(headers),
    );
    return reply(request, response, outcome);
  };

  app.post(
    '/arranged-absences',
    {
      onRequest: authorize(cnisCommandRoles.RecordArrangedAbsence),
      schema: {
        operationId: 'recordArrangedAbsence',
        summary: "Receive a school's report of a pupil with arranged absence (s.436B(5)(b)-(c))",
        description:
          'Flexi-schooling, off-site provision, a part-time timetable, or a part-time student of a s.436B(7)(d) ' +
          'institution: the pupil is on the Children Not In School register (GET /v1/register, condition C(b) ' +
          'or C(c)) while the arrangement lasts, and is never an EHE or CME case: no caseload, no clock, no DfE ' +
          'return counts it. Before commencement.cnisRegister the entry is voluntary.',
        tags: ['referrals'],
        security,
        headers: ReferralHeadersSchema,
        body: ArrangedAbsenceRequest,
        response: {
          201: answer(arrangedAbsenceResultExample),
          ...problemResponses(instanceOf(''), arrangedAbsenceProblemExamples(instanceOf(''))),
          409: problemResponse(
            'The case id a staff client chose is already a case',
            arrangedAbsenceProblemExamples(instanceOf(''))[409],
          ),
          ...bodyProblems(instanceOf(''), arrangedAbsenceProblemExamples(instanceOf(''))),
        },
      },
    },
    async (request, response) => {
      const actor = actorOf(request);
      assertStaffOnlyFieldsAbsent(actor, request.body);
      const { caseId, ...data } = request.body;
      const key = request.headers['idempotency-key'];
      const id = newCaseId(caseId, key, 'arranged-absence', actor);
      const command = {
        caseType: 'cnis',
        command: { type: 'RecordArrangedAbsence', data: { ...data, caseId: id } },
      } as const;
      return openCase(services, projections, request, response, id, command, {}, key);
    },
  );

  const routes = [
    {
      path: 'changes',
      type: 'ChangeArrangedAbsence',
      operationId: 'changeArrangedAbsence',
      summary: 'Record a change to the arrangement, from its new first day',
      body: ChangeArrangedAbsenceBody.meta({ examples: [arrangedAbsenceChangeExample] }),
      result: arrangedAbsenceChangeResultExample,
    },
    {
      path: 'ends',
      type: 'EndArrangedAbsence',
      operationId: 'endArrangedAbsence',
      summary: 'Record the end of the arrangement: the pupil leaves the register the day after its last day',
      body: EndArrangedAbsenceBody.meta({ examples: [arrangedAbsenceEndExample] }),
      result: arrangedAbsenceEndResultExample,
    },
  ] as const;

  for (const route of routes) {
    const instance = instanceOf(`/${arrangedAbsenceIds.leo}/${route.path}`);
    const examples = arrangedAbsenceProblemExamples(instance);
    app.post(
      `/arranged-absences/:caseId/${route.path}`,
      {
        onRequest: authorize(cnisCommandRoles[route.type]),
        schema: {
          operationId: route.operationId,
          summary: route.summary,
          description: `Command ${route.type}. A school may change or end only its own report.`,
          tags: ['referrals'],
          security,
          params: ParamsSchema,
          headers: CommandHeadersSchema,
          body: route.body,
          response: {
            200: answer(route.result),
            ...problemResponses(instance, examples),
            404: problemResponse('No arranged absence with this id (of this school)', examples[404]),
            409: problemResponse('The arrangement has ended', examples[409]),
            412: problemResponse('If-Match is stale: the entry has changed', examples[412]),
            ...bodyProblems(instance, examples),
          },
        },
      },
      async (request, response) =>
        change(
          request,
          response,
          request.params.caseId,
          { type: route.type, data: request.body } as CnisCommand,
          request.headers,
        ),
    );
  }
};
