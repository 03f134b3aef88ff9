import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { londonDate } from '../../domain/calendar/index.js';
import {
  DeletionReturnOutcomeSchema,
  deletionReturnCodec,
  deletionReturnOutcome,
  deletionReturnReceived,
  deletionReturnStreamOf,
  referralForDeletionReturn,
  SchoolDeletionReturnSchema,
} from '../../domain/deletion-return.js';
import { overrideReasons } from '../../domain/referral-checks.js';
import { newEventOf } from '../../eventstore/codec-events.js';
import { deletionReturnExamples } from '../examples/referrals.js';
import { requestMeta } from '../http.js';
import { actorOf } from '../plugins/auth.js';
import type { Projections } from '../views.js';
import { CommandResultSchema, ReferralReceiptSchema } from './command-result.js';
import { type CommandServices, eventMetadataOf } from './commands.js';
import { openCase } from './open.js';
import {
  assertSchoolAge,
  assertStaffOnlyFieldsAbsent,
  newCaseId,
  possibleDuplicatesOf,
  ReferralOverridesSchema,
} from './referral-checks.js';
import { recordSchoolReturnOnce, schoolReturnOf } from './school-returns.js';

/** The request: the return as a school sends it (domain/deletion-return.ts), its id, and staff's overrides. */
export const DeletionReturnBody = z
  .strictObject({
    returnId: z.uuid().optional().meta({
      description:
        "Chosen by the portal, or derived from Idempotency-Key; bound to the school that sent it: another sender's return id is refused",
    }),
    ...SchoolDeletionReturnSchema.shape,
    ...ReferralOverridesSchema,
  })
  // Named examples: the document shows each in the request body's example list.
  .meta({ 'x-examples': deletionReturnExamples });
type DeletionReturn = z.infer<typeof DeletionReturnBody>;

export const DeletionReturnResultSchema = z.object({
  returnId: z.uuid(),
  outcome: DeletionReturnOutcomeSchema,
  case: z.union([CommandResultSchema, ReferralReceiptSchema]).optional(),
});

/** Opens the case a return calls for, after the checks every referral of its type passes. */
function openCaseFor(
  { services, projections }: { services: CommandServices; projections: Projections },
  request: FastifyRequest,
  reply: FastifyReply,
  body: DeletionReturn,
  ids: { returnId: string; caseId: string },
) {
  const { deliberateNewCase, schoolAgeOverride } = body;
  const ehe = deletionReturnOutcome(body) === 'ehe_case_opened';
  if (ehe) assertSchoolAge(body.pupil.dateOfBirth, body.deletedOn, schoolAgeOverride);
  const extra = overrideReasons({ deliberateNewCase, ...(ehe ? { schoolAgeOverride } : {}) });
  const duplicates = possibleDuplicatesOf(projections, body.pupil, deliberateNewCase, ids.caseId);
  const command = referralForDeletionReturn(body, ids.caseId, duplicates);
  return openCase(services, projections, request, reply, ids.caseId, command, extra, ids.returnId);
}

/**
 * Records a school's return in its own stream and opens the case it calls for (domain/deletion-return.ts).
 * A retry (same return id or key, same sender, same body) answers as the first did and writes nothing; the
 * same id with another body or from another sender is refused before anything is written, including when
 * two such requests race (the case's own key check, then the return's `no_stream`, catch the second).
 */
export async function deletionReturnRoute(
  deps: { services: CommandServices; projections: Projections },
  request: FastifyRequest,
  reply: FastifyReply,
  body: DeletionReturn,
) {
  const { services } = deps;
  assertStaffOnlyFieldsAbsent(actorOf(request), body);
  const received = await schoolReturnOf(services, request, body, 'deletion-return', deletionReturnStreamOf);
  const { actor, returnId, hash, earlier } = received;
  const { deliberateNewCase, schoolAgeOverride, ...sent } = body;
  const outcome = deletionReturnOutcome(sent);
  const caseId =
    outcome === 'recorded' ? undefined : newCaseId(undefined, returnId, 'deletion-return-case', actor);
  // The record is checked against its schema before the case is opened: a refused record opens nothing.
  // The day the return arrived (London), against its deletion date: the late-returns report reads it.
  const receivedOn = londonDate(services.now());
  const record = deletionReturnReceived(sent, { returnId, caseId }, receivedOn, outcome);
  const event = newEventOf(deletionReturnCodec, record, {
    ...eventMetadataOf({ actor, ...requestMeta(request) }, services.now()),
    requestHash: hash,
  });
  const opened =
    caseId === undefined ? undefined : await openCaseFor(deps, request, reply, body, { returnId, caseId });
  await recordSchoolReturnOnce(services, received, event);
  reply.code(201).header('location', caseId ? `/v1/cases/${caseId}` : `/v1/deletion-returns/${returnId}`);
  if (earlier) reply.header('idempotent-replayed', 'true');
  return { returnId, outcome, ...(opened ? { case: opened } : {}) };
}
