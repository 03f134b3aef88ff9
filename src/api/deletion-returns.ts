import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isoDateSchema } from '../domain/calendar/index.js';
import { ukAddressSchema } from '../domain/child.js';
import { ChildSchema, ParentCarerSchema, ReasonSchema, SchoolSchema } from '../domain/ehe/index.js';
import { WrongExpectedVersionError } from '../eventstore/errors.js';
import { checkEventMetadata } from '../eventstore/metadata.js';
import { actorOf } from './auth.js';
import {
  type CaseCommand,
  type CommandServices,
  eventMetadataOf,
  keyReused,
  requestHash,
} from './case-commands.js';
import { CommandResultSchema, ReferralReceiptSchema } from './command-result.js';
import { deletionReturnExamples } from './examples-referrals.js';
import { requestMeta } from './http.js';
import { openCase } from './open-case.js';
import {
  assertStaffOnlyFieldsAbsent,
  checkSchoolAge,
  newCaseId,
  possibleDuplicatesOf,
  ReferralOverridesSchema,
} from './referral-checks.js';
import type { Projections } from './views.js';

/** The grounds for deleting a pupil from roll that a return reports, in the council's words. */
export const DeletionGroundSchema = z.enum([
  'parent_notice_home_education',
  'registered_at_another_school',
  'moved_away',
  'continuous_absence_twenty_school_days',
  'not_returned_after_leave',
  'permanently_excluded',
  'ceased_compulsory_school_age',
  'died',
  'other',
]);

/** Grounds that need no case whatever the destination. */
const recordOnlyGrounds = new Set(['permanently_excluded', 'ceased_compulsory_school_age', 'died']);

const ParentWithEmergencyPhone = ParentCarerSchema.extend({
  phone: z.string().regex(/^\+?[\d ()-]{6,20}$/, 'a phone number'),
});

/** A deletion return as reg 13 of the 2024 Regulations has a school send it (DOMAIN.md "Words"). */
export const DeletionReturnBody = z
  .strictObject({
    returnId: z.uuid().optional().meta({
      description:
        "Chosen by the portal, or derived from Idempotency-Key; bound to the school that sent it: another sender's return id is refused",
    }),
    school: SchoolSchema,
    previousSchoolType: z.string().trim().min(1).max(200).default('other_or_unknown'),
    pupil: ChildSchema,
    parentsCarers: z.array(ParentWithEmergencyPhone).max(10).default([]),
    deletedOn: isoDateSchema,
    ground: DeletionGroundSchema,
    groundDetail: z.string().trim().min(1).max(2000).optional(),
    /** The date the parent's notice says home education begins. */
    homeEducationFrom: isoDateSchema.optional(),
    primaryReason: ReasonSchema.optional(),
    futureAddress: ukAddressSchema.optional(),
    destinationSchool: SchoolSchema.optional(),
    destinationStartDate: isoDateSchema.optional(),
    ...ReferralOverridesSchema,
  })
  // Named examples: the document shows each in the request body's example list.
  .meta({ 'x-examples': deletionReturnExamples });
type DeletionReturn = z.infer<typeof DeletionReturnBody>;

export const DeletionReturnResultSchema = z.object({
  returnId: z.uuid(),
  outcome: z.enum(['ehe_case_opened', 'cme_case_opened', 'recorded']),
  case: z.union([CommandResultSchema, ReferralReceiptSchema]).optional(),
});

function outcomeOf(body: DeletionReturn): 'ehe_case_opened' | 'cme_case_opened' | 'recorded' {
  if (body.ground === 'parent_notice_home_education') return 'ehe_case_opened';
  if (body.destinationSchool || recordOnlyGrounds.has(body.ground)) return 'recorded';
  return 'cme_case_opened';
}

function caseCommandFor(
  body: DeletionReturn,
  caseId: string,
  possibleDuplicateOf: string[] | undefined,
): CaseCommand {
  const { school, pupil, deletedOn, ground, futureAddress, destinationSchool, destinationStartDate } = body;
  if (outcomeOf(body) === 'ehe_case_opened') {
    return {
      caseType: 'ehe',
      command: {
        type: 'ReceiveEheReferral',
        data: {
          caseId,
          receivedOn: deletedOn,
          source: 'deletion_return',
          deletionReturn: {
            school,
            deletedOn,
            ground,
            futureAddress,
            destinationSchool,
            destinationStartDate,
          },
          child: pupil,
          parentsCarers: body.parentsCarers,
          schoolLeft: school,
          previousSchoolType: body.previousSchoolType,
          placedAtSpecialSchoolByCouncil: false,
          eheStartDate: body.homeEducationFrom ?? deletedOn,
          primaryReason: body.primaryReason,
          otherReasons: [],
          priorityFlags: [],
          possibleDuplicateOf,
        },
      },
    };
  }
  return {
    caseType: 'cme',
    command: {
      type: 'ReceiveCmeReferral',
      data: {
        caseId,
        receivedOn: deletedOn,
        source: 'deletion_return_no_destination',
        referrer: school.name,
        child: pupil,
        whatIsKnown: `Deleted from roll of ${school.name} on ${deletedOn} (${ground.replaceAll('_', ' ')})${body.groundDetail ? `: ${body.groundDetail}` : ''}; destination unknown.`,
        timeMissing: 'unknown',
        lastSchool: { name: school.name, ...(school.urn ? { urn: school.urn } : {}) },
        possibleDuplicateOf,
      },
    },
  };
}

/** The return already recorded under this id, if any, with the hash of the request that sent it. */
async function recordedReturn(
  services: CommandServices,
  stream: string,
): Promise<{ requestHash: unknown } | undefined> {
  for await (const event of services.store.readStream(stream, { maxCount: 1 })) {
    return { requestHash: event.metadata.requestHash };
  }
  return undefined;
}

/**
 * Records a school's return in `deletionreturn-<returnId>` and opens the case it calls for. A retry (same
 * return id or key, same sender, same body) answers as the first did and writes nothing; the same id with
 * another body or from another sender is refused before anything is written, including when two such
 * requests race (the case's own key check, then the return's `no_stream`, catch the second).
 */
export async function deletionReturnRoute(
  { services, projections }: { services: CommandServices; projections: Projections },
  request: FastifyRequest,
  reply: FastifyReply,
  body: DeletionReturn,
) {
  const actor = actorOf(request);
  assertStaffOnlyFieldsAbsent(actor, body);
  const key = request.headers['idempotency-key'] as string | undefined;
  const returnId = newCaseId(body.returnId, key, 'deletion-return', actor);
  const stream = `deletionreturn-${returnId}`;
  const hash = requestHash(actor.id, body);
  const earlier = await recordedReturn(services, stream);
  if (earlier && earlier.requestHash !== hash) throw keyReused();
  const outcome = outcomeOf(body);
  const { deliberateNewCase, schoolAgeOverride, ...record } = body;
  let opened: Awaited<ReturnType<typeof openCase>> | undefined;
  let caseId: string | undefined;
  if (outcome !== 'recorded') {
    caseId = newCaseId(undefined, returnId, 'deletion-return-case', actor);
    const extra = {
      ...(outcome === 'ehe_case_opened'
        ? checkSchoolAge(body.pupil.dateOfBirth, body.deletedOn, schoolAgeOverride)
        : {}),
      ...(deliberateNewCase ? { duplicateOverride: deliberateNewCase.reason } : {}),
    };
    const duplicates = possibleDuplicatesOf(projections, body.pupil, deliberateNewCase, caseId);
    const command = caseCommandFor(body, caseId, duplicates);
    opened = await openCase(services, projections, request, reply, caseId, command, extra, returnId);
  }
  const metadata = {
    ...eventMetadataOf({ actor, ...requestMeta(request) }, services.now()),
    schemaVersion: 1,
    requestHash: hash,
  };
  checkEventMetadata(metadata);
  try {
    await services.store.append(
      stream,
      [
        {
          type: 'DeletionReturnReceived',
          data: { ...record, returnId, outcome, ...(caseId ? { caseId } : {}) },
          metadata,
        },
      ],
      'no_stream',
    );
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    // Recorded meanwhile: by a retry of this request (the same answer again), or by another (refused).
    if ((await recordedReturn(services, stream))?.requestHash !== hash) throw keyReused();
  }
  reply.code(201).header('location', caseId ? `/v1/cases/${caseId}` : `/v1/deletion-returns/${returnId}`);
  if (earlier) reply.header('idempotent-replayed', 'true');
  return { returnId, outcome, ...(opened ? { case: opened } : {}) };
}
