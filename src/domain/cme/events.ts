import { z } from 'zod';
import { isoDateSchema } from '../calendar/index.js';
import { StartedClockSchema } from '../clocks.js';
import { ClockNameSchema } from '../policy.js';
import { RoleSchema } from '../roles.js';
import {
  CmeChildSchema,
  CmeDestinationSchema,
  CmeLegalBasisSchema,
  EnquiryAgencySchema,
  EnquiryOutcomeSchema,
  EscalationLevelSchema,
  FreeTextSchema,
  LastKnownAddressSchema,
  NameTextSchema,
  ReferralSourceSchema,
  RiskLevelSchema,
  SchoolSchema,
  TimeMissingSchema,
  WhereaboutsSchema,
} from './values.js';

/*
 * The facts of a CME case. Every step the s436A duty requires records its legal basis and the officer who
 * decided it; every clock an event starts is recorded with its due date and the policy version that set it.
 */

const DecidedBySchema = z.strictObject({ id: z.string().min(1), role: RoleSchema });
const statutory = { legalBasis: CmeLegalBasisSchema, decidedBy: DecidedBySchema };
const clocksStarted = z.array(StartedClockSchema);
const clocksStopped = z.array(ClockNameSchema);
const id = z.string().min(1);

export const cmeEventSchemas = {
  CmeReferralReceived: z.strictObject({
    caseId: z.uuid(),
    receivedOn: isoDateSchema,
    source: ReferralSourceSchema,
    referrer: NameTextSchema.optional(),
    child: CmeChildSchema,
    lastKnownAddress: LastKnownAddressSchema.optional(),
    whatIsKnown: FreeTextSchema,
    timeMissing: TimeMissingSchema,
    lastSchool: SchoolSchema.optional(),
    eheCaseId: z.uuid().optional(),
    clocksStarted,
    ...statutory,
  }),
  CaseAllocated: z.strictObject({ officerId: id, allocatedOn: isoDateSchema, decidedBy: DecidedBySchema }),
  CaseReallocated: z.strictObject({
    fromOfficerId: id.nullable(),
    officerId: id,
    reallocatedOn: isoDateSchema,
    reason: FreeTextSchema,
    decidedBy: DecidedBySchema,
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
    reason: FreeTextSchema.optional(),
    ...statutory,
  }),
  CmeCaseReopened: z.strictObject({
    reopenedOn: isoDateSchema,
    reason: FreeTextSchema,
    clocksStarted,
    ...statutory,
  }),
  DeadlineMissed: z.strictObject({ clock: ClockNameSchema, dueOn: isoDateSchema, missedOn: isoDateSchema }),
  CaseEscalated: z.strictObject({
    clock: ClockNameSchema,
    dueOn: isoDateSchema,
    level: EscalationLevelSchema,
    escalatedOn: isoDateSchema,
  }),
} as const;

export type CmeEventType = keyof typeof cmeEventSchemas;
export type CmeEventData<T extends CmeEventType> = z.infer<(typeof cmeEventSchemas)[T]>;
export type CmeEventOf<T extends CmeEventType> = { type: T; data: CmeEventData<T> };
export type CmeEvent = { [T in CmeEventType]: CmeEventOf<T> }[CmeEventType];
export const cmeEventTypes = Object.keys(cmeEventSchemas) as CmeEventType[];

/** Builds an event, typed by its `type`. */
export const cmeEvent = <T extends CmeEventType>(type: T, data: CmeEventData<T>): CmeEventOf<T> => ({
  type,
  data,
});
