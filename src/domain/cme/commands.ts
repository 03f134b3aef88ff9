import { z } from 'zod';
import { isoDateSchema } from '../calendar/index.js';
import { PossibleDuplicateOfSchema } from '../duplicates.js';
import {
  CloseAtEndOfSchoolAgeBody,
  EscalateCaseBody,
  ReallocateCaseBody,
  RecordDeadlineMissedBody,
  ReopenCaseBody,
} from '../shared-commands.js';
import {
  CmeChildSchema,
  CmeDestinationSchema,
  CmeParentCarerSchema,
  CmePrimaryReasonValueSchema,
  EnquiryAgencySchema,
  EnquiryOutcomeSchema,
  FreeTextSchema,
  NameTextSchema,
  ReferralSourceSchema,
  RiskLevelSchema,
  SchoolSchema,
  WhereaboutsSchema,
} from './values.js';

/*
 * Each command's body is a strict schema the REST API reuses as its request body; the command is the body
 * under `data`, with its `type`, as for EHE. Dates are London calendar dates ('YYYY-MM-DD'); the moment a
 * report was made is an instant. Ids come in the command, never from the decider.
 */

const instant = z.iso.datetime({ offset: true });
const id = z.string().trim().min(1).max(100);

export const ReceiveCmeReferralBody = z.strictObject({
  caseId: z.uuid(),
  receivedOn: isoDateSchema,
  source: ReferralSourceSchema,
  /** Who referred (the agency, the school, the member of the public); required for "other agency". */
  referrer: NameTextSchema.optional(),
  /** The child as far as known; `child.address` is the last known address. */
  child: CmeChildSchema,
  /** The parents or carers as far as known (a deletion return names those the child lives with). */
  parentsCarers: z.array(CmeParentCarerSchema).max(10).default([]),
  /** What the referrer knows of the child's situation and where they may be. */
  whatIsKnown: FreeTextSchema,
  /** The DfE CME collection's primary reason (a code of the policy's `cmePrimaryReasons`); required. */
  primaryReason: CmePrimaryReasonValueSchema,
  /**
   * The day the child has been missing education since, or null when unknown: the DfE return measures the
   * length of time missing at each census date from it.
   */
  missingSince: isoDateSchema.nullable(),
  /** The school the child was last on roll at, when the referral comes from one. */
  lastSchool: SchoolSchema.optional(),
  /** The EHE case whose education was judged unsuitable, for that source. */
  eheCaseId: z.uuid().optional(),
  /** Set by the application, never taken from a request: the open cases this child may already have. */
  possibleDuplicateOf: PossibleDuplicateOfSchema,
});

export const AllocateCaseBody = z.strictObject({ officerId: id, allocatedOn: isoDateSchema });

export const MakeCmeEnquiryBody = z.strictObject({
  enquiryId: id,
  agency: EnquiryAgencySchema,
  /** Which agency, required when `agency` is "other". */
  agencyDetail: NameTextSchema.optional(),
  madeOn: isoDateSchema,
  details: FreeTextSchema.optional(),
});

export const RecordCmeEnquiryOutcomeBody = z.strictObject({
  enquiryId: id,
  outcome: EnquiryOutcomeSchema,
  receivedOn: isoDateSchema,
  details: FreeTextSchema.optional(),
});

export const AssessCmeRiskBody = z.strictObject({
  assessedOn: isoDateSchema,
  level: RiskLevelSchema,
  rationale: FreeTextSchema,
});

export const ReportToSocialCareBody = z.strictObject({
  reportedAt: instant,
  reference: NameTextSchema.optional(),
  details: FreeTextSchema.optional(),
});

export const ReportToPoliceBody = ReportToSocialCareBody;

export const EstablishWhereaboutsBody = z.strictObject({
  establishedOn: isoDateSchema,
  whereabouts: WhereaboutsSchema,
  details: FreeTextSchema.optional(),
});

export const ApplyForSchoolPlaceBody = z.strictObject({
  appliedOn: isoDateSchema,
  school: SchoolSchema.optional(),
});

export const ReferToFairAccessBody = z.strictObject({
  referredOn: isoDateSchema,
  details: FreeTextSchema.optional(),
});

/** School Admissions Code 2021, Fair Access Protocols: the child agreed to be considered under the protocol. */
export const AgreeFairAccessConsiderationBody = z.strictObject({
  agreedOn: isoDateSchema,
  details: FreeTextSchema.optional(),
});

/** The school place the protocol allocated (the child's start at the school is whereabouts on roll). */
export const RecordFairAccessPlaceAllocatedBody = z.strictObject({
  allocatedOn: isoDateSchema,
  school: SchoolSchema,
});

/**
 * An estimate of the date of birth of a child whose date of birth is not known (an untraced child), so that
 * compulsory school age (EA 1996 s.8) and the year group can be worked out; always shown as an estimate.
 */
export const EstimateDateOfBirthBody = z.strictObject({
  estimatedOn: isoDateSchema,
  dateOfBirth: isoDateSchema,
  /** What the estimate rests on: a sibling's year group, a school's record abroad, what a neighbour said. */
  basis: FreeTextSchema,
});

export const HandToAnotherCouncilBody = z.strictObject({
  handedOn: isoDateSchema,
  council: NameTextSchema,
  contact: NameTextSchema.optional(),
});

export const RecordBecameEheBody = z.strictObject({
  /** The EHE case the application opens in its own stream (`ehe-{eheCaseId}`). */
  eheCaseId: z.uuid(),
  establishedOn: isoDateSchema,
});

export const RecordUntracedReviewBody = z.strictObject({
  reviewedOn: isoDateSchema,
  notes: FreeTextSchema,
});

export const CloseCaseBody = z.strictObject({
  closedOn: isoDateSchema,
  destination: CmeDestinationSchema,
  /** Required when the destination is "other". */
  reasonText: FreeTextSchema.optional(),
});

export const ChangeCmePrimaryReasonBody = z.strictObject({
  changedOn: isoDateSchema,
  primaryReason: CmePrimaryReasonValueSchema,
});

export const RecordMissingSinceBody = z.strictObject({
  recordedOn: isoDateSchema,
  /** Null: the date is not known. */
  missingSince: isoDateSchema.nullable(),
});

export const RecordLeftRollBody = z.strictObject({
  /** The day the school deleted the child from its admission register. */
  deletedOn: isoDateSchema,
  school: SchoolSchema.optional(),
  details: FreeTextSchema.optional(),
});

/** Sent by the intake of a school's new pupil return (reg 13(1)), never by a case route. */
export const RecordFoundOnRollByReturnBody = z.strictObject({
  returnId: z.uuid(),
  school: SchoolSchema,
  onRollFrom: isoDateSchema,
  receivedOn: isoDateSchema,
  matchedOn: z.enum(['upn', 'name_and_date_of_birth']),
});

export const cmeCommandBodies = {
  ReceiveCmeReferral: ReceiveCmeReferralBody,
  AllocateCase: AllocateCaseBody,
  ReallocateCase: ReallocateCaseBody,
  MakeCmeEnquiry: MakeCmeEnquiryBody,
  RecordCmeEnquiryOutcome: RecordCmeEnquiryOutcomeBody,
  AssessCmeRisk: AssessCmeRiskBody,
  ReportToSocialCare: ReportToSocialCareBody,
  ReportToPolice: ReportToPoliceBody,
  EstablishWhereabouts: EstablishWhereaboutsBody,
  ApplyForSchoolPlace: ApplyForSchoolPlaceBody,
  ReferToFairAccess: ReferToFairAccessBody,
  AgreeFairAccessConsideration: AgreeFairAccessConsiderationBody,
  RecordFairAccessPlaceAllocated: RecordFairAccessPlaceAllocatedBody,
  HandToAnotherCouncil: HandToAnotherCouncilBody,
  RecordBecameEhe: RecordBecameEheBody,
  RecordUntracedReview: RecordUntracedReviewBody,
  ChangeCmePrimaryReason: ChangeCmePrimaryReasonBody,
  RecordMissingSince: RecordMissingSinceBody,
  RecordLeftRoll: RecordLeftRollBody,
  EstimateDateOfBirth: EstimateDateOfBirthBody,
  RecordFoundOnRollByReturn: RecordFoundOnRollByReturnBody,
  CloseCase: CloseCaseBody,
  ReopenCase: ReopenCaseBody,
  RecordDeadlineMissed: RecordDeadlineMissedBody,
  CloseAtEndOfSchoolAge: CloseAtEndOfSchoolAgeBody,
  EscalateCase: EscalateCaseBody,
} as const;

export type CmeCommandType = keyof typeof cmeCommandBodies;
export type CmeCommandOf<T extends CmeCommandType> = { type: T; data: z.infer<(typeof cmeCommandBodies)[T]> };
export type CmeCommand = { [T in CmeCommandType]: CmeCommandOf<T> }[CmeCommandType];
/** What a client may send: defaults not yet applied. */
export type CmeCommandInput = {
  [T in CmeCommandType]: { type: T; data: z.input<(typeof cmeCommandBodies)[T]> };
}[CmeCommandType];

/**
 * Tracing work on a case is done by its allocated officer (seniors and managers may step in). Assessing risk
 * and telling social care and the police are not on this list: safeguarding never waits for allocation.
 */
export const allocatedWork: ReadonlySet<CmeCommandType> = new Set<CmeCommandType>([
  'MakeCmeEnquiry',
  'RecordCmeEnquiryOutcome',
  'EstablishWhereabouts',
  'ApplyForSchoolPlace',
  'ReferToFairAccess',
  'AgreeFairAccessConsideration',
  'RecordFairAccessPlaceAllocated',
  'HandToAnotherCouncil',
  'RecordBecameEhe',
  'RecordUntracedReview',
]);

/** What the deadline worker sends: idempotent, and silent on a case with nothing open. */
export const clockCommands: ReadonlySet<CmeCommandType> = new Set<CmeCommandType>([
  'RecordDeadlineMissed',
  'EscalateCase',
  'CloseAtEndOfSchoolAge',
]);

export { EscalateCaseBody, ReallocateCaseBody, RecordDeadlineMissedBody, ReopenCaseBody };
