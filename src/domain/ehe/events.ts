import { z } from 'zod';
import { isoDateSchema } from '../calendar/index.js';
import { StartedClockSchema } from '../clocks.js';
import { PossibleDuplicateFlaggedSchema } from '../duplicates.js';
import { ClockNameSchema, PriorityFlagSchema } from '../policy.js';
import { registerEvents } from './events-register.js';
import { saoLifeEvents } from './events-sao-life.js';
import { LegalBasisSchema } from './legal-basis.js';
import {
  ChildSchema,
  ContactMethodSchema,
  ContactOutcomeSchema,
  DeletionReturnSchema,
  FreeTextSchema,
  IdentifiedParentCarerSchema,
  IdSchema,
  PanelSchema,
  ParentCarerSchema,
  ReasonSchema,
  ReferralSourceSchema,
  SaoAmendmentInitiativeSchema,
  SaoRevocationGroundSchema,
  SchoolSchema,
  ServedOnBasisSchema,
  ServiceMethodSchema,
  ServiceSchema,
  ShortTextSchema,
  SuitabilityOutcomeSchema,
} from './values.js';

/**
 * EHE events: what happened, with everything an auditor needs to see why (the due dates set and the policy
 * version that set them, the legal basis and the deciding officer of each statutory step).
 */

const officer = z.string().min(1);
const clocksStarted = z.array(StartedClockSchema);
const statutory = { legalBasis: LegalBasisSchema, decidedBy: officer };
const text = FreeTextSchema;
const shortText = ShortTextSchema;
const id = IdSchema;

// Each schema is the event's own stored contract, written out field by field: never derived from a command
// body, so a request rule that changes does not change what is already on disk. Value objects are shared.

export const EheReferralReceived = z.strictObject({
  caseId: z.uuid(),
  receivedOn: isoDateSchema,
  source: ReferralSourceSchema,
  sourceDetail: shortText.optional(),
  deletionReturn: DeletionReturnSchema.optional(),
  cmeCaseId: z.uuid().optional(),
  child: ChildSchema,
  /** v2: each with its `parentId` (v1 entries read as `parent-1`, `parent-2`… by position). */
  parentsCarers: z.array(IdentifiedParentCarerSchema).max(10).default([]),
  schoolLeft: SchoolSchema.optional(),
  previousSchoolType: shortText,
  placedAtSpecialSchoolByCouncil: z.boolean().default(false),
  eheStartDate: isoDateSchema,
  /** `no_reason_given` when the parents gave none. */
  primaryReason: ReasonSchema,
  otherReasons: z.array(ReasonSchema).max(20).default([]),
  priorityFlags: z.array(PriorityFlagSchema).default([]),
  mosaicGroup: shortText.optional(),
  priority: z.boolean(),
  /** The family may feel advised into home education (reason `school_suggestion`): offer support to return. */
  flaggedForSupportToReturn: z.boolean(),
  /** Placed at a special school by the council: no EHE without the council's consent. */
  consentNeeded: z.boolean(),
  recordedBy: officer,
  clocksStarted,
});
export const SpecialSchoolConsentRequested = z.strictObject({
  requestedOn: isoDateSchema,
  requestedBy: z.enum(['parent', 'school']),
  school: SchoolSchema.optional(),
  legalBasis: LegalBasisSchema,
  recordedBy: officer,
  clocksStarted,
});
export const SpecialSchoolConsentGiven = z.strictObject({
  decidedOn: isoDateSchema,
  rationale: text.optional(),
  ...statutory,
});
export const SpecialSchoolConsentRefused = z.strictObject({
  decidedOn: isoDateSchema,
  rationale: text,
  ...statutory,
});
export const CaseAllocated = z.strictObject({
  officerId: id,
  allocatedOn: isoDateSchema,
  reason: text.optional(),
  allocatedBy: officer,
});
export const CaseReallocated = z.strictObject({
  officerId: id,
  reallocatedOn: isoDateSchema,
  reason: text,
  previousOfficerId: z.string().min(1),
  reallocatedBy: officer,
});
const contactAttempt = {
  attemptedOn: isoDateSchema,
  method: ContactMethodSchema,
  outcome: ContactOutcomeSchema,
  notes: text.optional(),
  recordedBy: officer,
  clocksStarted,
};
export const ContactAttempted = z.strictObject(contactAttempt);
export const FirstContactMade = z.strictObject(contactAttempt);
export const VisitOffered = z.strictObject({
  visitId: id,
  offeredOn: isoDateSchema,
  proposedFor: isoDateSchema,
  location: z.enum(['home', 'council_office', 'other']),
  recordedBy: officer,
});
export const VisitAccepted = z.strictObject({ visitId: id, acceptedOn: isoDateSchema, recordedBy: officer });
export const VisitHeld = z.strictObject({
  visitId: id,
  heldOn: isoDateSchema,
  notes: text,
  outcome: z.enum(['satisfactory', 'further_information_needed', 'concerns_raised']),
  recordedBy: officer,
});
export const VisitDeclined = z.strictObject({
  visitId: id.optional(),
  declinedOn: isoDateSchema,
  reason: text.optional(),
  /** A priority child's family refused: local policy treats that as a reason for formal enquiries. */
  formalEnquiryPrompted: z.boolean(),
  recordedBy: officer,
});
export const InformalEnquirySent = z.strictObject({
  sentOn: isoDateSchema,
  method: z.enum(['letter', 'email', 'in_person']),
  notes: text.optional(),
  recordedBy: officer,
  clocksStarted,
});
export const EvidenceReceived = z.strictObject({
  receivedOn: isoDateSchema,
  kind: z.enum(['report', 'samples', 'meeting', 'tutor_report', 'other']),
  description: text,
  recordedBy: officer,
});
export const SuitabilityJudged = z.strictObject({
  judgedOn: isoDateSchema,
  outcome: SuitabilityOutcomeSchema,
  rationale: text,
  /** The parents refused to provide any information (usually: education does not appear suitable). */
  informationRefused: z.boolean().default(false),
  decidedBy: officer,
  clocksStarted,
});
export const PriorityFlagsChanged = z.strictObject({
  changedOn: isoDateSchema,
  /** The complete set of flags from now on. */
  flags: z.array(PriorityFlagSchema),
  toldBy: z.enum(['social_care', 'send_service', 'youth_justice', 'police', 'health', 'school', 'other']),
  notes: text.optional(),
  previousFlags: z.array(PriorityFlagSchema),
  priority: z.boolean(),
  recordedBy: officer,
  clocksStarted,
  clocksStopped: z.array(ClockNameSchema),
});
/** SEN support from a date (N or K); dated so the DfE return reads it as at the census date. */
export const SenSupportRecorded = z.strictObject({
  changedOn: isoDateSchema,
  senStatus: z.enum(['N', 'K']),
  notes: text.optional(),
  recordedBy: officer,
});
export const EhcpAnnualReviewHeld = z.strictObject({
  heldOn: isoDateSchema,
  notes: text.optional(),
  recordedBy: officer,
  clocksStarted,
});
export const PanelReferralMade = z.strictObject({
  panel: PanelSchema,
  referredOn: isoDateSchema,
  reason: text,
  decidedBy: officer,
});
export const PanelDecisionRecorded = z.strictObject({
  panel: PanelSchema,
  decidedOn: isoDateSchema,
  decision: text,
  actions: z.array(text).max(50).default([]),
  /** A Fair Access place: starts the placement clock. */
  placementSchool: SchoolSchema.optional(),
  decidedBy: officer,
  clocksStarted,
});
/**
 * One service of a notice or order on one parent (v2 of the three served events). Events written before v2
 * read with `parentId`, `service` and the document's id null, `servedOn` as the officer typed it, and
 * `servedOnBasis` `recorded_as_entered`.
 */
const servedOnParent = {
  /** s.443(1): "a parent on whom a school attendance order is served"; null before services named one. */
  parentId: id.nullable(),
  /** The same document served before on another parent: the route does not start again. */
  additionalService: z.boolean(),
  issuedOn: isoDateSchema,
  serviceMethod: ServiceMethodSchema,
  /** What the officer recorded (posting date and class, receipt, sending); null before v2. */
  service: ServiceSchema.nullable(),
  /** The effective day of service, from which the notice's period runs. */
  servedOn: isoDateSchema,
  servedOnBasis: ServedOnBasisSchema,
};
export const Section437NoticeServed = z.strictObject({
  noticeId: id.nullable(),
  ...servedOnParent,
  /** The period stated in the notice, in days beginning with the day of service. */
  periodDays: z.int().positive(),
  /** Last day of the period (beginning with the day of service). */
  periodEndsOn: isoDateSchema,
  ...statutory,
  clocksStarted,
});
export const Section437ResponseJudged = z.strictObject({
  judgedOn: isoDateSchema,
  satisfied: z.boolean(),
  rationale: text,
  ...statutory,
  clocksStarted,
});
export const AttendanceExpediencyDecided = z.strictObject({
  decidedOn: isoDateSchema,
  expedient: z.boolean(),
  rationale: text,
  ...statutory,
});
/** v2 (issue 14 item 5): whether the school is maintained, and whether the child is excluded from it. */
export const SchoolConsulted = z.strictObject({
  school: SchoolSchema,
  consultedOn: isoDateSchema,
  response: text.optional(),
  /** A maintained school's governing body may seek a direction (s.439); null: not recorded (v1 events). */
  maintained: z.boolean().nullable(),
  /** A school the child is permanently excluded from cannot be named (s.439). */
  childPermanentlyExcluded: z.boolean(),
  ...statutory,
});
export const Section438NoticeServed = z.strictObject({
  noticeId: id.nullable(),
  ...servedOnParent,
  intendedSchool: SchoolSchema,
  alternativeSchools: z.array(SchoolSchema).max(10).default([]),
  choiceEndsOn: isoDateSchema,
  ...statutory,
  clocksStarted,
});
/**
 * v2 (issue 14 item 5): a school the notice named, chosen within the 15 days; or an application for a place
 * elsewhere, made and notified to the council within them, whose offer may come later (s.438). v1's
 * `place_offered_elsewhere` recorded only the offer: it reads as an application with unknown dates.
 */
export const SchoolChosenByParent = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('named_school'),
    chosenOn: isoDateSchema,
    school: SchoolSchema,
    ...statutory,
  }),
  z.strictObject({
    kind: z.literal('application_elsewhere'),
    school: SchoolSchema,
    applicationMadeOn: isoDateSchema.nullable(),
    notifiedOn: isoDateSchema.nullable(),
    /** Null until the school decides (SchoolApplicationDecided); set on v1 events, which recorded the offer. */
    offeredOn: isoDateSchema.nullable(),
    ...statutory,
  }),
]);
export const SchoolAttendanceOrderServed = z.strictObject({
  orderId: id.nullable(),
  ...servedOnParent,
  school: SchoolSchema,
  /** For a child with an EHCP the order names the school named in the plan. */
  schoolNamedInEhcp: z.boolean().default(false),
  ...statutory,
  clocksStarted,
});
/** Version 1: every amendment was at the parent's request, with no offer recorded (upcast in codec.ts). */
export const SchoolAttendanceOrderAmendedV1 = z.strictObject({
  requestedOn: isoDateSchema,
  amendedOn: isoDateSchema,
  school: SchoolSchema,
  ...statutory,
  clocksStarted,
});
export const SchoolAttendanceOrderAmended = z.strictObject({
  initiatedBy: SaoAmendmentInitiativeSchema,
  amendedOn: isoDateSchema,
  /** The school the order names from now on. */
  school: SchoolSchema,
  /** s.440(2): the parent's application, the place offered and the request (null unless the parent asked). */
  parentRequest: z
    .strictObject({
      requestedOn: isoDateSchema,
      /** Null on amendments recorded before the application was asked for. */
      appliedOn: isoDateSchema.nullable(),
      offeredOn: isoDateSchema.nullable(),
    })
    .nullable(),
  rationale: text.optional(),
  ...statutory,
  clocksStarted,
});
export const SaoRevocationRequested = z.strictObject({
  requestedOn: isoDateSchema,
  /** s442's one ground: the child is receiving suitable education otherwise than at school. */
  arrangements: text,
  ...statutory,
});
/** Version 1: every revocation granted the parent's request (upcast in codec.ts). */
export const SchoolAttendanceOrderRevokedV1 = z.strictObject({
  revokedOn: isoDateSchema,
  rationale: text,
  ...statutory,
});
export const SchoolAttendanceOrderRevoked = z.strictObject({
  revokedOn: isoDateSchema,
  ground: SaoRevocationGroundSchema,
  rationale: text,
  ...statutory,
});
export const SaoRevocationRefused = z.strictObject({
  refusedOn: isoDateSchema,
  rationale: text,
  ...statutory,
});
export const SaoRefusalReferredToSecretaryOfState = z.strictObject({
  referredOn: isoDateSchema,
  notes: text.optional(),
  ...statutory,
});
/** The Secretary of State's direction on a refusal to revoke referred under s.442. */
export const SaoSecretaryOfStateDirectionRecorded = z.strictObject({
  directedOn: isoDateSchema,
  direction: z.enum(['revoke', 'uphold']),
  notes: text.optional(),
  ...statutory,
});
/** From this day the child's EHC plan names `namedSchool` (null: it names none). */
export const EhcPlanSchoolRecorded = z.strictObject({
  recordedOn: isoDateSchema,
  namedSchool: SchoolSchema.nullable(),
  previousSchool: SchoolSchema.nullable(),
  notes: text.optional(),
  recordedBy: officer,
});
/** The council asked for the plan to be amended to name a school: until it does, no order can be served. */
export const EhcPlanAmendmentRequested = z.strictObject({
  requestedOn: isoDateSchema,
  notes: text.optional(),
  ...statutory,
});
export const SchoolAttendanceOrderComplied = z.strictObject({
  registeredOn: isoDateSchema,
  school: SchoolSchema,
  ...statutory,
});
export const EsoConsidered = z.strictObject({
  consideredOn: isoDateSchema,
  decision: z.enum(['apply_for_eso', 'prosecute', 'no_further_action']),
  rationale: text,
  ...statutory,
});
/** Version 1: no offence period was recorded (upcast in codec.ts). */
export const ProsecutionStartedV1 = z.strictObject({
  startedOn: isoDateSchema,
  court: shortText.optional(),
  ...statutory,
});
/** v2 (issue 14 item 3): the days of non-compliance the prosecution is for, within the order's life. */
export const ProsecutionStarted = z.strictObject({
  startedOn: isoDateSchema,
  court: shortText.optional(),
  /** s.443(1) "fails to comply with the requirements of the order": null on v1 events, which did not say. */
  offencePeriod: z.strictObject({ from: isoDateSchema, to: isoDateSchema }).nullable(),
  ...statutory,
});
export const ProsecutionOutcomeRecorded = z.strictObject({
  decidedOn: isoDateSchema,
  outcome: z.enum(['convicted', 'acquitted', 'withdrawn']),
  /** On acquittal the court may direct that the order ceases to be in force. */
  orderCeases: z.boolean().default(false),
  sentence: text.optional(),
  ...statutory,
});
/** v2 (issue 14 item 7): the conviction it follows, and whose period the reasons clock runs to. */
export const EsoDirectionReceived = z.strictObject({
  directedOn: isoDateSchema,
  court: shortText.optional(),
  /** The s.443 conviction the direction follows (s.447(2)(a)); null on v1 events, which did not check it. */
  convictedOn: isoDateSchema.nullable(),
  /** s.447(4): eight weeks "unless the court has directed otherwise". */
  reasonsPeriod: z.enum(['statute', 'court']),
  ...statutory,
  clocksStarted,
});
export const EsoDirectionAnswered = z.strictObject({
  answeredOn: isoDateSchema,
  answer: z.enum(['eso_applied', 'reasons_given']),
  reasons: text.optional(),
  ...statutory,
});
export const ReturnedToSchool = z.strictObject({
  school: SchoolSchema,
  startDate: isoDateSchema,
  recordedBy: officer,
});
export const ReclassifiedAsCme = z.strictObject({
  reclassifiedOn: isoDateSchema,
  cmeCaseId: z.uuid(),
  reason: text,
  decidedBy: officer,
});
export const EheCaseClosed = z.strictObject({
  closedOn: isoDateSchema,
  reason: shortText,
  reasonText: text.optional(),
  /** For a move out of the area: the council told. */
  receivingCouncil: shortText.optional(),
  closedBy: officer,
});
export const EheCaseReopened = z.strictObject({
  reopenedOn: isoDateSchema,
  reason: text,
  reopenedBy: officer,
});
export const DeadlineMissed = z.strictObject({
  clock: ClockNameSchema,
  dueOn: isoDateSchema,
  recordedOn: isoDateSchema,
});
export const CaseEscalated = z.strictObject({
  clock: ClockNameSchema,
  dueOn: isoDateSchema,
  level: z.enum(['manager', 'head_of_service']),
  escalatedOn: isoDateSchema,
});
export const AnnualContactDue = z.strictObject({
  dueOn: isoDateSchema,
  remindOn: isoDateSchema,
  recordedOn: isoDateSchema,
});
/** A parent or carer not known at referral (a non-resident parent, say), with the id services name. */
export const ParentCarerRecorded = z.strictObject({
  parentId: id,
  recordedOn: isoDateSchema,
  parent: ParentCarerSchema,
  recordedBy: officer,
});
/** The parent agreed to receive notices by email at this address (how: `evidence`). */
export const ElectronicServiceConsentRecorded = z.strictObject({
  parentId: id,
  email: z.email(),
  givenOn: isoDateSchema,
  evidence: text,
  recordedBy: officer,
});
export const ElectronicServiceConsentWithdrawn = z.strictObject({
  parentId: id,
  withdrawnOn: isoDateSchema,
  notes: text.optional(),
  recordedBy: officer,
});

const v1 = <S extends z.ZodType>(data: S) => ({ schemaVersion: 1 as const, data });
const v2 = <S extends z.ZodType>(data: S) => ({ schemaVersion: 2 as const, data });

/** Every EHE event type with its current schema version; older versions are upcast in the codec. */
export const eheEvents = {
  EheReferralReceived: v2(EheReferralReceived),
  PossibleDuplicateFlagged: v1(PossibleDuplicateFlaggedSchema),
  SpecialSchoolConsentRequested: v1(SpecialSchoolConsentRequested),
  SpecialSchoolConsentGiven: v1(SpecialSchoolConsentGiven),
  SpecialSchoolConsentRefused: v1(SpecialSchoolConsentRefused),
  CaseAllocated: v1(CaseAllocated),
  CaseReallocated: v1(CaseReallocated),
  ContactAttempted: v1(ContactAttempted),
  FirstContactMade: v1(FirstContactMade),
  VisitOffered: v1(VisitOffered),
  VisitAccepted: v1(VisitAccepted),
  VisitHeld: v1(VisitHeld),
  VisitDeclined: v1(VisitDeclined),
  InformalEnquirySent: v1(InformalEnquirySent),
  EvidenceReceived: v1(EvidenceReceived),
  SuitabilityJudged: v1(SuitabilityJudged),
  PriorityFlagsChanged: v1(PriorityFlagsChanged),
  EhcpAnnualReviewHeld: v1(EhcpAnnualReviewHeld),
  SenSupportRecorded: v1(SenSupportRecorded),
  PanelReferralMade: v1(PanelReferralMade),
  PanelDecisionRecorded: v1(PanelDecisionRecorded),
  Section437NoticeServed: v2(Section437NoticeServed),
  Section437ResponseJudged: v1(Section437ResponseJudged),
  AttendanceExpediencyDecided: v1(AttendanceExpediencyDecided),
  SchoolConsulted: v2(SchoolConsulted),
  Section438NoticeServed: v2(Section438NoticeServed),
  SchoolChosenByParent: v2(SchoolChosenByParent),
  SchoolAttendanceOrderServed: v2(SchoolAttendanceOrderServed),
  SchoolAttendanceOrderAmended: v2(SchoolAttendanceOrderAmended),
  SaoRevocationRequested: v1(SaoRevocationRequested),
  SchoolAttendanceOrderRevoked: v2(SchoolAttendanceOrderRevoked),
  SaoRevocationRefused: v1(SaoRevocationRefused),
  SaoRefusalReferredToSecretaryOfState: v1(SaoRefusalReferredToSecretaryOfState),
  SaoSecretaryOfStateDirectionRecorded: v1(SaoSecretaryOfStateDirectionRecorded),
  SchoolAttendanceOrderComplied: v1(SchoolAttendanceOrderComplied),
  EsoConsidered: v1(EsoConsidered),
  ProsecutionStarted: v2(ProsecutionStarted),
  ProsecutionOutcomeRecorded: v1(ProsecutionOutcomeRecorded),
  EsoDirectionReceived: v2(EsoDirectionReceived),
  EsoDirectionAnswered: v1(EsoDirectionAnswered),
  ReturnedToSchool: v1(ReturnedToSchool),
  ReclassifiedAsCme: v1(ReclassifiedAsCme),
  EheCaseClosed: v1(EheCaseClosed),
  EheCaseReopened: v1(EheCaseReopened),
  DeadlineMissed: v1(DeadlineMissed),
  CaseEscalated: v1(CaseEscalated),
  AnnualContactDue: v1(AnnualContactDue),
  EhcPlanSchoolRecorded: v1(EhcPlanSchoolRecorded),
  EhcPlanAmendmentRequested: v1(EhcPlanAmendmentRequested),
  ParentCarerRecorded: v1(ParentCarerRecorded),
  ElectronicServiceConsentRecorded: v1(ElectronicServiceConsentRecorded),
  ElectronicServiceConsentWithdrawn: v1(ElectronicServiceConsentWithdrawn),
  ...saoLifeEvents,
  ...registerEvents,
} as const;

export type EheEventType = keyof typeof eheEvents;
export type EheEventData<T extends EheEventType> = z.infer<(typeof eheEvents)[T]['data']>;
export type EheEventOf<T extends EheEventType> = { type: T; data: EheEventData<T> };
export type EheEvent = { [T in EheEventType]: EheEventOf<T> }[EheEventType];
export const eheEventTypes = Object.keys(eheEvents) as EheEventType[];

export function eheEvent<T extends EheEventType>(type: T, data: EheEventData<T>): EheEventOf<T> {
  return { type, data };
}
