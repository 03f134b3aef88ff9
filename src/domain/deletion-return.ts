import { z } from 'zod';
import { type IsoDate, isoDateSchema } from './calendar/index.js';
import { ukAddressSchema } from './child.js';
import { createCodec } from './codec.js';
import {
  DeletionGroundSchema,
  deletionGrounds,
  groundText,
  legacyGround,
  StoredDeletionGroundSchema,
  untracedGrounds,
} from './deletion-grounds.js';
import { ChildSchema, ParentCarerSchema, ReasonSchema, SchoolSchema } from './ehe/values.js';
import type { CaseReferral } from './referral-checks.js';

/**
 * A parent or carer on a return. Reg 13(4)(c)–(d) of the 2024 Regulations has the school give, for each
 * parent the pupil normally lives with, their full name and address and at least one telephone number they
 * can be reached on in an emergency; other parents are named as far as the register holds them.
 */
const ReturnParentSchema = ParentCarerSchema.superRefine((parent, ctx) => {
  if (!parent.livesWithChild) return;
  if (!parent.phone)
    ctx.addIssue({
      code: 'custom',
      path: ['phone'],
      message: 'reg 13(4)(d): an emergency telephone number for each parent the pupil lives with',
    });
  if (!parent.address)
    ctx.addIssue({
      code: 'custom',
      path: ['address'],
      message: 'reg 13(4)(c): the address of each parent the pupil lives with',
    });
});

/**
 * A deletion return as reg 13(4) of the 2024 Regulations has a school make it when it deletes a pupil: the
 * pupil's full name and address (reg 13(4)(a)–(b)), the parents they live with (c)–(d), what the admission
 * register holds under reg 8(3) (e): the address the pupil will live at and the parent they will live with
 * there, the school they will attend and the date they start, and the ground of deletion (reg 9(1)).
 */
export const SchoolDeletionReturnSchema = z.strictObject({
  school: SchoolSchema,
  previousSchoolType: z.string().trim().min(1).max(200).default('other_or_unknown'),
  pupil: ChildSchema,
  parentsCarers: z.array(ReturnParentSchema).max(10).default([]),
  deletedOn: isoDateSchema,
  ground: DeletionGroundSchema,
  groundDetail: z.string().trim().min(1).max(2000).optional(),
  /** Reg 9(1)(f): the date the parent's notice says education otherwise begins. */
  homeEducationFrom: isoDateSchema.optional(),
  /**
   * The pupil was placed at a special school under arrangements the council made: the council's consent
   * comes before an education otherwise deletion (the special-school condition of reg 9; DOMAIN.md).
   */
  placedAtSpecialSchoolByCouncil: z.boolean().default(false),
  primaryReason: ReasonSchema.optional(),
  /** Reg 8(3): where the pupil will live, and with which parent, when the register holds it. */
  futureAddress: ukAddressSchema.optional(),
  futureParentName: z.string().trim().min(1).max(200).optional(),
  destinationSchool: SchoolSchema.optional(),
  destinationStartDate: isoDateSchema.optional(),
});
export type SchoolDeletionReturn = z.infer<typeof SchoolDeletionReturnSchema>;

/** What a return leads to: a case of either type, or a record for the committee figures only. */
export const DeletionReturnOutcomeSchema = z.enum(['ehe_case_opened', 'cme_case_opened', 'recorded']);
export type DeletionReturnOutcome = z.infer<typeof DeletionReturnOutcomeSchema>;

/**
 * What the ground calls for. Reg 9(1)(f), the parent's written notice of education otherwise, opens an EHE
 * case (its consent decision first where the council placed the pupil at a special school). A pupil deleted
 * under reg 9(1)(g), (h) or (i) with no known destination school is missing education (s.436A): a CME case.
 * A named destination, or any other ground, is recorded only (the committee figures count every return).
 */
export function deletionReturnOutcome(
  sent: Pick<SchoolDeletionReturn, 'ground' | 'destinationSchool'>,
): DeletionReturnOutcome {
  if (sent.ground === 'f_parent_notice_education_otherwise') return 'ehe_case_opened';
  if (sent.destinationSchool) return 'recorded';
  return untracedGrounds.has(sent.ground) ? 'cme_case_opened' : 'recorded';
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
            ground: groundText(ground),
            futureAddress,
            destinationSchool,
            destinationStartDate,
          },
          child: pupil,
          parentsCarers: sent.parentsCarers,
          schoolLeft: school,
          previousSchoolType: sent.previousSchoolType,
          placedAtSpecialSchoolByCouncil: sent.placedAtSpecialSchoolByCouncil,
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
        whatIsKnown: `Deleted from roll of ${school.name} on ${deletedOn} (${deletionGrounds[ground].regulation})${detail}; destination unknown.`,
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

/**
 * v2 (issue 15 item 7): the ground as reg 9(1) names it, the reg 13 content whole, and `receivedOn`: the
 * London day the return arrived, set by the application, so late returns (received after the deletion date:
 * the CME statutory guidance has the return made no later than the deletion) are reported by school.
 */
export const DeletionReturnReceivedSchema = z.strictObject({
  ...SchoolDeletionReturnSchema.shape,
  ground: StoredDeletionGroundSchema,
  /** Only a return stored before v2: the ground in the words it was sent with. */
  legacyGround: z.string().min(1).max(2000).optional(),
  returnId: z.uuid(),
  /** Null only for a return stored before the arrival day was recorded. */
  receivedOn: isoDateSchema.nullable(),
  outcome: DeletionReturnOutcomeSchema,
  /** The case the return opened, if any. */
  caseId: z.uuid().optional(),
});

const DeletionReturnReceivedV1Schema = DeletionReturnReceivedSchema.omit({
  legacyGround: true,
  receivedOn: true,
  placedAtSpecialSchoolByCouncil: true,
  futureParentName: true,
}).extend({ ground: z.string(), parentsCarers: z.array(ParentCarerSchema) });

export const deletionReturnEvents = {
  DeletionReturnReceived: { schemaVersion: 2, data: DeletionReturnReceivedSchema },
} as const;

/**
 * A v1 return's ground was the council's own word for it, not a letter of reg 9(1): it reads as
 * `unspecified_legacy` with the word kept, never mapped to a letter; its arrival day was not recorded (null),
 * and it was not asked about a special-school placement (false: no consent was sought then either).
 */
function returnBeforeV2(data: unknown): unknown {
  const { ground, ...rest } = data as z.output<typeof DeletionReturnReceivedV1Schema>;
  return {
    ...rest,
    ground: legacyGround,
    legacyGround: ground,
    receivedOn: null,
    placedAtSpecialSchoolByCouncil: false,
  };
}

/** Writes a return's record with its schema version and reads it back, upcast, through its schema. */
export const deletionReturnCodec = createCodec(
  deletionReturnEvents,
  { DeletionReturnReceived: { 1: returnBeforeV2 } },
  'deletion return',
);

/** The record of a return as received, with what it led to. */
export const deletionReturnReceived = (
  sent: SchoolDeletionReturn & { returnId?: string | undefined },
  ids: { returnId: string; caseId: string | undefined },
  receivedOn: IsoDate,
  outcome: DeletionReturnOutcome,
) => ({
  type: 'DeletionReturnReceived' as const,
  data: {
    ...sent,
    returnId: ids.returnId,
    receivedOn,
    outcome,
    ...(ids.caseId ? { caseId: ids.caseId } : {}),
  },
});
