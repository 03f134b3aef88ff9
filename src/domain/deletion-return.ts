import { z } from 'zod';
import { isoDateSchema } from './calendar/index.js';
import { ukAddressSchema } from './child.js';
import { createCodec } from './codec.js';
import { ChildSchema, ParentCarerSchema, ReasonSchema, SchoolSchema } from './ehe/values.js';
import type { CaseReferral } from './referral-checks.js';

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
export const SchoolDeletionReturnSchema = z.strictObject({
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
});
export type SchoolDeletionReturn = z.infer<typeof SchoolDeletionReturnSchema>;

/** What a return leads to: a case of either type, or a record for the committee figures only. */
export const DeletionReturnOutcomeSchema = z.enum(['ehe_case_opened', 'cme_case_opened', 'recorded']);
export type DeletionReturnOutcome = z.infer<typeof DeletionReturnOutcomeSchema>;

/**
 * The parent's written notice of home education opens an EHE case; a pupil whose destination is unknown
 * opens a CME case; a pupil moved to a named school, or deleted on a ground that needs no case, is recorded.
 */
export function deletionReturnOutcome(sent: SchoolDeletionReturn): DeletionReturnOutcome {
  if (sent.ground === 'parent_notice_home_education') return 'ehe_case_opened';
  if (sent.destinationSchool || recordOnlyGrounds.has(sent.ground)) return 'recorded';
  return 'cme_case_opened';
}

/** The referral that opens the case a return's outcome calls for (`ehe_case_opened` or `cme_case_opened`). */
export function referralForDeletionReturn(
  sent: SchoolDeletionReturn,
  caseId: string,
  possibleDuplicateOf: string[] | undefined,
): CaseReferral {
  const { school, pupil, deletedOn, ground, futureAddress, destinationSchool, destinationStartDate } = sent;
  if (deletionReturnOutcome(sent) === 'ehe_case_opened') {
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
          parentsCarers: sent.parentsCarers,
          schoolLeft: school,
          previousSchoolType: sent.previousSchoolType,
          placedAtSpecialSchoolByCouncil: false,
          eheStartDate: sent.homeEducationFrom ?? deletedOn,
          primaryReason: sent.primaryReason,
          otherReasons: [],
          priorityFlags: [],
          possibleDuplicateOf,
        },
      },
    };
  }
  const detail = sent.groundDetail ? `: ${sent.groundDetail}` : '';
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
        parentsCarers: sent.parentsCarers,
        whatIsKnown: `Deleted from roll of ${school.name} on ${deletedOn} (${ground.replaceAll('_', ' ')})${detail}; destination unknown.`,
        // The return says the destination is unknown: that is the reason, and no longer being a registered
        // pupil (s.436A(1)(a)) dates the missing education from the deletion.
        primaryReason: { code: 'whereabouts_unknown' },
        missingSince: deletedOn,
        lastSchool: { name: school.name, ...(school.urn ? { urn: school.urn } : {}) },
        possibleDuplicateOf,
      },
    },
  };
}

/** Every return, kept in its own stream `deletionreturn-<returnId>` for the committee figures. */
export const deletionReturnStreamOf = (returnId: string): string => `deletionreturn-${returnId}`;

export const DeletionReturnReceivedSchema = SchoolDeletionReturnSchema.extend({
  returnId: z.uuid(),
  outcome: DeletionReturnOutcomeSchema,
  /** The case the return opened, if any. */
  caseId: z.uuid().optional(),
});

export const deletionReturnEvents = {
  DeletionReturnReceived: { schemaVersion: 1, data: DeletionReturnReceivedSchema },
} as const;

/** Writes a return's record with its schema version and reads it back through its schema. */
export const deletionReturnCodec = createCodec(deletionReturnEvents, {}, 'deletion return');

/** The record of a return as received, with what it led to. */
export const deletionReturnReceived = (
  sent: SchoolDeletionReturn & { returnId?: string | undefined },
  returnId: string,
  outcome: DeletionReturnOutcome,
  caseId: string | undefined,
) => ({
  type: 'DeletionReturnReceived' as const,
  data: { ...sent, returnId, outcome, ...(caseId ? { caseId } : {}) },
});
