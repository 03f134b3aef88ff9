import { z } from 'zod';
import { isoDateSchema } from '../calendar/index.js';
import { StartedClockSchema } from '../clocks.js';
import { PossibleDuplicateFlaggedSchema } from '../duplicates.js';
import { ClockNameSchema } from '../policy.js';
import {
  CmeChildSchema,
  CmeDestinationSchema,
  CmeLegalBasisSchema,
  CmeParentCarerSchema,
  CmePrimaryReasonValueSchema,
  EnquiryAgencySchema,
  EnquiryOutcomeSchema,
  EscalationLevelSchema,
  FreeTextSchema,
  NameTextSchema,
  ReferralSourceSchema,
  RiskLevelSchema,
  RollStatusSchema,
  SchoolSchema,
  TimeMissingSchema,
  WhereaboutsSchema,
} from './values.js';

/*
 * The facts of a CME case. Every step the s436A duty requires records its legal basis and the officer who
 * decided it; every clock an event starts is recorded with its due date and the policy version that set it.
 */

const officer = z.string().min(1);
const statutory = { legalBasis: CmeLegalBasisSchema, decidedBy: officer };
const clocksStarted = z.array(StartedClockSchema);
const clocksStopped = z.array(ClockNameSchema);
const id = z.string().min(1);
/** As the allocation commands (both case types') take them. */
const officerId = z.string().trim().min(1).max(100);
const reallocationReason = z.string().trim().min(1).max(5000);

const schemas = {
  /**
   * v2 (issue 15 items 2, 4, 7): the DfE's CME primary reason, the date the child has been missing education
   * since (null: unknown) in place of a length fixed at referral, whether the child was still on a roll, and
   * the parents a deletion return named. `timeMissingAtReferral` is only ever a v1 referral's upcast length.
   */
  CmeReferralReceived: z.strictObject({
    caseId: z.uuid(),
    receivedOn: isoDateSchema,
    source: ReferralSourceSchema,
    referrer: NameTextSchema.optional(),
    child: CmeChildSchema,
    parentsCarers: z.array(CmeParentCarerSchema).max(10),
    whatIsKnown: FreeTextSchema,
    primaryReason: CmePrimaryReasonValueSchema,
    missingSince: isoDateSchema.nullable(),
    timeMissingAtReferral: TimeMissingSchema.optional(),
    rollStatus: RollStatusSchema,
    lastSchool: SchoolSchema.optional(),
    eheCaseId: z.uuid().optional(),
    clocksStarted,
    ...statutory,
  }),
  // The same facts, under the same names, as an EHE case's allocation, so caseload views read both alike.
  CaseAllocated: z.strictObject({ officerId, allocatedOn: isoDateSchema, allocatedBy: officer }),
  CaseReallocated: z.strictObject({
    officerId,
    reallocatedOn: isoDateSchema,
    reason: reallocationReason,
    previousOfficerId: id,
    reallocatedBy: officer,
  }),
  CmeEnquiryMade: z.strictObject({
    enquiryId: id,
    agency: EnquiryAgencySchema,
    agencyDetail: NameTextSchema.optional(),
    madeOn: isoDateSchema,
    details: FreeTextSchema.optional(),
    ...statutory,
  }),
  CmeEnquiryOutcomeRecorded: z.strictObject({
    enquiryId: id,
    outcome: EnquiryOutcomeSchema,
    receivedOn: isoDateSchema,
    details: FreeTextSchema.optional(),
    ...statutory,
  }),
  CmeRiskAssessed: z.strictObject({
    assessedOn: isoDateSchema,
    level: RiskLevelSchema,
    rationale: FreeTextSchema,
    clocksStarted,
    ...statutory,
  }),
  ReportedToSocialCare: z.strictObject({
    reportedAt: z.iso.datetime({ offset: true }),
    reportedOn: isoDateSchema,
    reference: NameTextSchema.optional(),
    details: FreeTextSchema.optional(),
    clocksStopped,
    ...statutory,
  }),
  ReportedToPolice: z.strictObject({
    reportedAt: z.iso.datetime({ offset: true }),
    reportedOn: isoDateSchema,
    reference: NameTextSchema.optional(),
    details: FreeTextSchema.optional(),
    clocksStopped,
    ...statutory,
  }),
  WhereaboutsEstablished: z.strictObject({
    establishedOn: isoDateSchema,
    whereabouts: WhereaboutsSchema,
    details: FreeTextSchema.optional(),
    clocksStopped,
    ...statutory,
  }),
  CmeSchoolPlaceAppliedFor: z.strictObject({
    appliedOn: isoDateSchema,
    school: SchoolSchema.optional(),
    ...statutory,
  }),
  CmeFairAccessReferralMade: z.strictObject({
    referredOn: isoDateSchema,
    details: FreeTextSchema.optional(),
    clocksStarted,
    ...statutory,
  }),
  CmeFairAccessConsiderationAgreed: z.strictObject({
    agreedOn: isoDateSchema,
    details: FreeTextSchema.optional(),
    clocksStarted,
    ...statutory,
  }),
  CmeFairAccessPlaceAllocated: z.strictObject({
    allocatedOn: isoDateSchema,
    school: SchoolSchema,
    clocksStopped,
    ...statutory,
  }),
  CmeDateOfBirthEstimated: z.strictObject({
    estimatedOn: isoDateSchema,
    dateOfBirth: isoDateSchema,
    basis: FreeTextSchema,
    ...statutory,
  }),
  CmeCaseHandedToAnotherCouncil: z.strictObject({
    handedOn: isoDateSchema,
    council: NameTextSchema,
    contact: NameTextSchema.optional(),
    ...statutory,
  }),
  CmeChildBecameEhe: z.strictObject({ eheCaseId: z.uuid(), establishedOn: isoDateSchema, ...statutory }),
  CmeUntracedReviewRecorded: z.strictObject({
    reviewedOn: isoDateSchema,
    notes: FreeTextSchema,
    clocksStarted,
    ...statutory,
  }),
  CmeCaseClosed: z.strictObject({
    closedOn: isoDateSchema,
    destination: CmeDestinationSchema,
    reasonText: FreeTextSchema.optional(),
    ...statutory,
  }),
  CmeCaseReopened: z.strictObject({
    reopenedOn: isoDateSchema,
    reason: FreeTextSchema,
    clocksStarted,
    ...statutory,
  }),
  // The DfE's CME primary reason as the council now understands it (the collection asks it at each census).
  CmePrimaryReasonChanged: z.strictObject({
    changedOn: isoDateSchema,
    primaryReason: CmePrimaryReasonValueSchema,
    previous: CmePrimaryReasonValueSchema,
    ...statutory,
  }),
  // The date the child has been missing education since, as now known (null: unknown).
  CmeMissingSinceRecorded: z.strictObject({
    recordedOn: isoDateSchema,
    missingSince: isoDateSchema.nullable(),
    previous: isoDateSchema.nullable(),
    ...statutory,
  }),
  // The school deleted the child from its roll (reg 9 of the 2024 Regulations): from `deletedOn` the child
  // is not a registered pupil and is missing education within s.436A.
  CmeChildLeftRoll: z.strictObject({
    deletedOn: isoDateSchema,
    school: SchoolSchema.optional(),
    details: FreeTextSchema.optional(),
    ...statutory,
  }),
  // A school's new pupil return (reg 13(1), 2024 Regulations) matched the child: found on roll there, and
  // the case's closure (destination on roll) proposed to its officer, who decides it.
  CmeFoundOnRollByNewPupilReturn: z.strictObject({
    returnId: z.uuid(),
    school: SchoolSchema,
    onRollFrom: isoDateSchema,
    receivedOn: isoDateSchema,
    matchedOn: z.enum(['upn', 'name_and_date_of_birth']),
    closureProposed: z.literal(true),
    clocksStopped,
    ...statutory,
  }),
  DeadlineMissed: z.strictObject({ clock: ClockNameSchema, dueOn: isoDateSchema, recordedOn: isoDateSchema }),
  CaseEscalated: z.strictObject({
    clock: ClockNameSchema,
    dueOn: isoDateSchema,
    level: EscalationLevelSchema,
    escalatedOn: isoDateSchema,
  }),
} as const;

const v1 = <S extends z.ZodType>(data: S) => ({ schemaVersion: 1 as const, data });
const v2 = <S extends z.ZodType>(data: S) => ({ schemaVersion: 2 as const, data });

/** A referral as stored before v2 (read by its upcaster only). */
export const CmeReferralReceivedV1 = schemas.CmeReferralReceived.omit({
  parentsCarers: true,
  primaryReason: true,
  missingSince: true,
  timeMissingAtReferral: true,
  rollStatus: true,
}).extend({ timeMissing: TimeMissingSchema });

/** Every CME event type with its current schema version; older versions are upcast in the codec. */
export const cmeEvents = {
  CmeReferralReceived: v2(schemas.CmeReferralReceived),
  PossibleDuplicateFlagged: v1(PossibleDuplicateFlaggedSchema),
  CaseAllocated: v1(schemas.CaseAllocated),
  CaseReallocated: v1(schemas.CaseReallocated),
  CmeEnquiryMade: v1(schemas.CmeEnquiryMade),
  CmeEnquiryOutcomeRecorded: v1(schemas.CmeEnquiryOutcomeRecorded),
  CmeRiskAssessed: v1(schemas.CmeRiskAssessed),
  ReportedToSocialCare: v1(schemas.ReportedToSocialCare),
  ReportedToPolice: v1(schemas.ReportedToPolice),
  WhereaboutsEstablished: v1(schemas.WhereaboutsEstablished),
  CmeSchoolPlaceAppliedFor: v1(schemas.CmeSchoolPlaceAppliedFor),
  CmeFairAccessReferralMade: v1(schemas.CmeFairAccessReferralMade),
  CmeFairAccessConsiderationAgreed: v1(schemas.CmeFairAccessConsiderationAgreed),
  CmeFairAccessPlaceAllocated: v1(schemas.CmeFairAccessPlaceAllocated),
  CmeCaseHandedToAnotherCouncil: v1(schemas.CmeCaseHandedToAnotherCouncil),
  CmeChildBecameEhe: v1(schemas.CmeChildBecameEhe),
  CmeUntracedReviewRecorded: v1(schemas.CmeUntracedReviewRecorded),
  CmeCaseClosed: v1(schemas.CmeCaseClosed),
  CmeCaseReopened: v1(schemas.CmeCaseReopened),
  CmePrimaryReasonChanged: v1(schemas.CmePrimaryReasonChanged),
  CmeMissingSinceRecorded: v1(schemas.CmeMissingSinceRecorded),
  CmeChildLeftRoll: v1(schemas.CmeChildLeftRoll),
  CmeDateOfBirthEstimated: v1(schemas.CmeDateOfBirthEstimated),
  CmeFoundOnRollByNewPupilReturn: v1(schemas.CmeFoundOnRollByNewPupilReturn),
  DeadlineMissed: v1(schemas.DeadlineMissed),
  CaseEscalated: v1(schemas.CaseEscalated),
} as const;

export type CmeEventType = keyof typeof cmeEvents;
export type CmeEventData<T extends CmeEventType> = z.infer<(typeof cmeEvents)[T]['data']>;
export type CmeEventOf<T extends CmeEventType> = { type: T; data: CmeEventData<T> };
export type CmeEvent = { [T in CmeEventType]: CmeEventOf<T> }[CmeEventType];
export const cmeEventTypes = Object.keys(cmeEvents) as CmeEventType[];

/** Builds an event, typed by its `type`. */
export const cmeEvent = <T extends CmeEventType>(type: T, data: CmeEventData<T>): CmeEventOf<T> => ({
  type,
  data,
});
