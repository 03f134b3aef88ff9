import { z } from 'zod';
import { isoDateSchema } from '../calendar/index.js';
import { PossibleDuplicateOfSchema } from '../duplicates.js';
import { PriorityFlagSchema } from '../policy.js';
import {
  CloseAtEndOfSchoolAgeBody,
  EscalateCaseBody,
  ReallocateCaseBody,
  RecordDeadlineMissedBody,
  ReopenCaseBody,
} from '../shared-commands.js';
import { registerCommandBodies } from './commands-register.js';
import { saoLifeCommandBodies } from './commands-sao-life.js';
import {
  ChildSchema,
  ContactMethodSchema,
  ContactOutcomeSchema,
  DeletionReturnSchema,
  FreeTextSchema,
  IdSchema,
  PanelSchema,
  ParentCarerSchema,
  ReasonSchema,
  ReferralSourceSchema,
  SaoAmendmentInitiativeSchema,
  SaoRevocationGroundSchema,
  SchoolSchema,
  ServiceMethodSchema,
  ServiceSchema,
  ShortTextSchema,
  SuitabilityOutcomeSchema,
} from './values.js';

/**
 * EHE commands. Each body schema is also the REST API's request body, so field-level rules live here;
 * rules across fields, against the policy's code lists or against the case's state live in `decide`.
 */

const text = FreeTextSchema;
const shortText = ShortTextSchema;
const id = IdSchema;

export const ReceiveEheReferralBody = z.strictObject({
  caseId: z.uuid(),
  receivedOn: isoDateSchema,
  source: ReferralSourceSchema,
  sourceDetail: shortText.optional(),
  deletionReturn: DeletionReturnSchema.optional(),
  cmeCaseId: z.uuid().optional(),
  child: ChildSchema,
  parentsCarers: z.array(ParentCarerSchema).max(10).default([]),
  schoolLeft: SchoolSchema.optional(),
  previousSchoolType: shortText,
  placedAtSpecialSchoolByCouncil: z.boolean().default(false),
  eheStartDate: isoDateSchema,
  // Parents need not give a reason: no primary reason is recorded as `no_reason_given`.
  primaryReason: ReasonSchema.optional(),
  otherReasons: z.array(ReasonSchema).max(20).default([]),
  priorityFlags: z.array(PriorityFlagSchema).default([]),
  mosaicGroup: shortText.optional(),
  /** Set by the application, never taken from a request: the open cases this child may already have. */
  possibleDuplicateOf: PossibleDuplicateOfSchema,
});

export const RequestSpecialSchoolConsentBody = z.strictObject({
  requestedOn: isoDateSchema,
  requestedBy: z.enum(['parent', 'school']),
  school: SchoolSchema.optional(),
});
export const GiveSpecialSchoolConsentBody = z.strictObject({
  decidedOn: isoDateSchema,
  rationale: text.optional(),
});
// Consent "may not unreasonably be withheld": a refusal always carries its reasons.
export const RefuseSpecialSchoolConsentBody = z.strictObject({ decidedOn: isoDateSchema, rationale: text });

export const AllocateCaseBody = z.strictObject({
  officerId: id,
  allocatedOn: isoDateSchema,
  reason: text.optional(),
});
export const RecordContactAttemptBody = z.strictObject({
  attemptedOn: isoDateSchema,
  method: ContactMethodSchema,
  outcome: ContactOutcomeSchema,
  notes: text.optional(),
});

export const OfferVisitBody = z.strictObject({
  visitId: id,
  offeredOn: isoDateSchema,
  proposedFor: isoDateSchema,
  location: z.enum(['home', 'council_office', 'other']),
});
export const RecordVisitAcceptedBody = z.strictObject({ visitId: id, acceptedOn: isoDateSchema });
export const RecordVisitHeldBody = z.strictObject({
  visitId: id,
  heldOn: isoDateSchema,
  notes: text,
  outcome: z.enum(['satisfactory', 'further_information_needed', 'concerns_raised']),
});
export const RecordVisitDeclinedBody = z.strictObject({
  visitId: id.optional(),
  declinedOn: isoDateSchema,
  reason: text.optional(),
});

export const SendInformalEnquiryBody = z.strictObject({
  sentOn: isoDateSchema,
  method: z.enum(['letter', 'email', 'in_person']),
  notes: text.optional(),
});
export const RecordEvidenceBody = z.strictObject({
  receivedOn: isoDateSchema,
  kind: z.enum(['report', 'samples', 'meeting', 'tutor_report', 'other']),
  description: text,
});
export const JudgeSuitabilityBody = z.strictObject({
  judgedOn: isoDateSchema,
  outcome: SuitabilityOutcomeSchema,
  rationale: text,
  /** The parents refused to provide any information (usually: education does not appear suitable). */
  informationRefused: z.boolean().default(false),
});

export const ChangePriorityFlagsBody = z.strictObject({
  changedOn: isoDateSchema,
  /** The complete set of flags from now on. */
  flags: z.array(PriorityFlagSchema),
  toldBy: z.enum(['social_care', 'send_service', 'youth_justice', 'police', 'health', 'school', 'other']),
  notes: text.optional(),
});
/**
 * The child's SEN support changes after referral (the school census codes: N none, K SEN support). An EHC
 * plan (E) is not recorded here: it is the `ehcp` priority flag, which the School Attendance Order route and
 * the annual review clock already follow (ehc-plan.ts).
 */
export const RecordSenSupportBody = z.strictObject({
  changedOn: isoDateSchema,
  senStatus: z.enum(['N', 'K']),
  notes: text.optional(),
});
export const RecordEhcpAnnualReviewBody = z.strictObject({ heldOn: isoDateSchema, notes: text.optional() });
/** The school the child's EHC plan names from `recordedOn` (null: it names none); see ehc-plan.ts. */
export const RecordEhcPlanSchoolBody = z.strictObject({
  recordedOn: isoDateSchema,
  namedSchool: SchoolSchema.nullable(),
  notes: text.optional(),
});
/** The council asks for the plan to be amended to name a school (an order needs one: s.441). */
export const RequestEhcPlanAmendmentBody = z.strictObject({
  requestedOn: isoDateSchema,
  notes: text.optional(),
});

export const ReferToPanelBody = z.strictObject({
  panel: PanelSchema,
  referredOn: isoDateSchema,
  reason: text,
});
export const RecordPanelDecisionBody = z.strictObject({
  panel: PanelSchema,
  decidedOn: isoDateSchema,
  decision: text,
  actions: z.array(text).max(50).default([]),
  /** A Fair Access place: starts the placement clock. */
  placementSchool: SchoolSchema.optional(),
});

/**
 * Each notice and the order is served on one parent (s.437(1) "on the parent"; s.443(1) "a parent on whom a
 * school attendance order is served"): one command per parent. Serving the same document on a second parent
 * (separated parents) sends the command again with the same `noticeId` or `orderId` and that parent's id.
 */
const servedOnParent = {
  issuedOn: isoDateSchema,
  /** One of the case's parents and carers (`parent-1`… from the referral, or recorded since). */
  parentId: id,
  service: ServiceSchema,
};
export const ServeSection437NoticeBody = z.strictObject({
  noticeId: id,
  ...servedOnParent,
  /** The period stated in the notice, in days beginning with the day of service (the policy's by default). */
  periodDays: z.int().positive().max(365).optional(),
});
export const JudgeSection437ResponseBody = z.strictObject({
  judgedOn: isoDateSchema,
  satisfied: z.boolean(),
  rationale: text,
});
export const DecideAttendanceExpediencyBody = z.strictObject({
  decidedOn: isoDateSchema,
  expedient: z.boolean(),
  rationale: text,
});
export const ConsultSchoolBody = z.strictObject({
  school: SchoolSchema,
  consultedOn: isoDateSchema,
  response: text.optional(),
  /** A maintained school: its governing body has 15 days to seek a direction before it is named (s.439). */
  maintained: z.boolean(),
  /** The child is permanently excluded from it: it cannot be named (s.439). */
  childPermanentlyExcluded: z.boolean().default(false),
});
export const ServeSection438NoticeBody = z.strictObject({
  noticeId: id,
  ...servedOnParent,
  intendedSchool: SchoolSchema,
  alternativeSchools: z.array(SchoolSchema).max(10).default([]),
});
/**
 * s.438 (not in the stored statute text; as the issue and the Bill's s.436K(3)–(4) put it): within the 15
 * days the parent selects a school the notice named, or applies for a place elsewhere and notifies the
 * council; the offer may come later (RecordSchoolApplicationDecision).
 */
export const RecordParentSchoolChoiceBody = z.strictObject({
  kind: z.enum(['named_school', 'application_elsewhere']),
  school: SchoolSchema,
  /** named_school: the day the parent selected it. */
  chosenOn: isoDateSchema.optional(),
  /** application_elsewhere: the day the parent applied, and the day they told the council. */
  applicationMadeOn: isoDateSchema.optional(),
  notifiedOn: isoDateSchema.optional(),
});
export const ServeSchoolAttendanceOrderBody = z.strictObject({
  orderId: id,
  ...servedOnParent,
  /** For a child with an EHC plan on the day of service, the school the plan names (s.441). */
  school: SchoolSchema,
});
export const AmendSchoolAttendanceOrderBody = z.strictObject({
  /** The parent's request (s.440) or the council's own initiative (s.437(4)); a plan's change is recorded
   * with RecordEhcPlanSchool, which amends the order itself. */
  initiatedBy: SaoAmendmentInitiativeSchema.exclude(['ehc_plan']),
  /** s.440(2)(c): the parent's request; with the application (a) and the place offered (b). */
  requestedOn: isoDateSchema.optional(),
  appliedOn: isoDateSchema.optional(),
  offeredOn: isoDateSchema.optional(),
  amendedOn: isoDateSchema,
  school: SchoolSchema,
  /** Why the council amends the order on its own initiative. */
  rationale: text.optional(),
});
export const RecordSaoRevocationRequestBody = z.strictObject({
  requestedOn: isoDateSchema,
  /** s442's one ground: the child is receiving suitable education otherwise than at school. */
  arrangements: text,
});
export const RevokeSchoolAttendanceOrderBody = z.strictObject({
  revokedOn: isoDateSchema,
  /** A Secretary of State's direction is recorded with RecordSaoSecretaryOfStateDirection, which revokes. */
  ground: SaoRevocationGroundSchema.exclude(['secretary_of_state_direction']),
  rationale: text,
});
export const RefuseSaoRevocationBody = z.strictObject({ refusedOn: isoDateSchema, rationale: text });
export const ReferSaoRefusalToSecretaryOfStateBody = z.strictObject({
  referredOn: isoDateSchema,
  notes: text.optional(),
});
export const RecordSaoSecretaryOfStateDirectionBody = z.strictObject({
  directedOn: isoDateSchema,
  direction: z.enum(['revoke', 'uphold']),
  notes: text.optional(),
});
export const RecordSaoComplianceBody = z.strictObject({ registeredOn: isoDateSchema, school: SchoolSchema });
export const ConsiderEsoBody = z.strictObject({
  consideredOn: isoDateSchema,
  decision: z.enum(['apply_for_eso', 'prosecute', 'no_further_action']),
  rationale: text,
});
/** s.443(1): the days the parent failed to comply, while the order was in force and the child of school age. */
export const StartProsecutionBody = z.strictObject({
  startedOn: isoDateSchema,
  court: shortText.optional(),
  offencePeriod: z.strictObject({ from: isoDateSchema, to: isoDateSchema }),
});
export const RecordProsecutionOutcomeBody = z.strictObject({
  decidedOn: isoDateSchema,
  outcome: z.enum(['convicted', 'acquitted', 'withdrawn']),
  /** On acquittal the court may direct that the order ceases to be in force. */
  orderCeases: z.boolean().default(false),
  sentence: text.optional(),
});
export const RecordEsoDirectionBody = z.strictObject({
  directedOn: isoDateSchema,
  court: shortText.optional(),
  /** s.447(4) "Unless the court has directed otherwise": the date the court set for the reasons. */
  reasonsDueBy: isoDateSchema.optional(),
});
export const AnswerEsoDirectionBody = z.strictObject({
  answeredOn: isoDateSchema,
  answer: z.enum(['eso_applied', 'reasons_given']),
  reasons: text.optional(),
});

export const RecordReturnToSchoolBody = z.strictObject({ school: SchoolSchema, startDate: isoDateSchema });
export const ReclassifyAsCmeBody = z.strictObject({
  reclassifiedOn: isoDateSchema,
  cmeCaseId: z.uuid(),
  reason: text,
});
export const CloseCaseBody = z.strictObject({
  closedOn: isoDateSchema,
  reason: shortText,
  reasonText: text.optional(),
  /** For a move out of the area: the council told. */
  receivingCouncil: shortText.optional(),
});
export const RecordAnnualContactDueBody = z.strictObject({ dueOn: isoDateSchema });

/** A parent or carer not known at referral (a non-resident parent, say), under an id the client gives. */
export const RecordParentCarerBody = z.strictObject({
  parentId: id,
  recordedOn: isoDateSchema,
  parent: ParentCarerSchema,
});
/** The parent agreed to receive notices by email at this address; `evidence` says how (a signed form…). */
export const RecordElectronicServiceConsentBody = z.strictObject({
  parentId: id,
  givenOn: isoDateSchema,
  email: z.email(),
  evidence: text,
});
export const WithdrawElectronicServiceConsentBody = z.strictObject({
  parentId: id,
  withdrawnOn: isoDateSchema,
  notes: text.optional(),
});

export const eheCommandBodies = {
  ReceiveEheReferral: ReceiveEheReferralBody,
  RequestSpecialSchoolConsent: RequestSpecialSchoolConsentBody,
  GiveSpecialSchoolConsent: GiveSpecialSchoolConsentBody,
  RefuseSpecialSchoolConsent: RefuseSpecialSchoolConsentBody,
  AllocateCase: AllocateCaseBody,
  ReallocateCase: ReallocateCaseBody,
  RecordContactAttempt: RecordContactAttemptBody,
  OfferVisit: OfferVisitBody,
  RecordVisitAccepted: RecordVisitAcceptedBody,
  RecordVisitHeld: RecordVisitHeldBody,
  RecordVisitDeclined: RecordVisitDeclinedBody,
  SendInformalEnquiry: SendInformalEnquiryBody,
  RecordEvidence: RecordEvidenceBody,
  JudgeSuitability: JudgeSuitabilityBody,
  ChangePriorityFlags: ChangePriorityFlagsBody,
  RecordSenSupport: RecordSenSupportBody,
  RecordEhcpAnnualReview: RecordEhcpAnnualReviewBody,
  RecordEhcPlanSchool: RecordEhcPlanSchoolBody,
  RequestEhcPlanAmendment: RequestEhcPlanAmendmentBody,
  ReferToPanel: ReferToPanelBody,
  RecordPanelDecision: RecordPanelDecisionBody,
  ServeSection437Notice: ServeSection437NoticeBody,
  JudgeSection437Response: JudgeSection437ResponseBody,
  DecideAttendanceExpediency: DecideAttendanceExpediencyBody,
  ConsultSchool: ConsultSchoolBody,
  ServeSection438Notice: ServeSection438NoticeBody,
  RecordParentSchoolChoice: RecordParentSchoolChoiceBody,
  ServeSchoolAttendanceOrder: ServeSchoolAttendanceOrderBody,
  AmendSchoolAttendanceOrder: AmendSchoolAttendanceOrderBody,
  RecordSaoRevocationRequest: RecordSaoRevocationRequestBody,
  RevokeSchoolAttendanceOrder: RevokeSchoolAttendanceOrderBody,
  RefuseSaoRevocation: RefuseSaoRevocationBody,
  ReferSaoRefusalToSecretaryOfState: ReferSaoRefusalToSecretaryOfStateBody,
  RecordSaoSecretaryOfStateDirection: RecordSaoSecretaryOfStateDirectionBody,
  RecordSaoCompliance: RecordSaoComplianceBody,
  ConsiderEso: ConsiderEsoBody,
  StartProsecution: StartProsecutionBody,
  RecordProsecutionOutcome: RecordProsecutionOutcomeBody,
  RecordEsoDirection: RecordEsoDirectionBody,
  AnswerEsoDirection: AnswerEsoDirectionBody,
  RecordReturnToSchool: RecordReturnToSchoolBody,
  ReclassifyAsCme: ReclassifyAsCmeBody,
  CloseCase: CloseCaseBody,
  ReopenCase: ReopenCaseBody,
  RecordDeadlineMissed: RecordDeadlineMissedBody,
  CloseAtEndOfSchoolAge: CloseAtEndOfSchoolAgeBody,
  EscalateCase: EscalateCaseBody,
  RecordAnnualContactDue: RecordAnnualContactDueBody,
  RecordParentCarer: RecordParentCarerBody,
  RecordElectronicServiceConsent: RecordElectronicServiceConsentBody,
  WithdrawElectronicServiceConsent: WithdrawElectronicServiceConsentBody,
  ...saoLifeCommandBodies,
  ...registerCommandBodies,
} as const;

export type EheCommandType = keyof typeof eheCommandBodies;
export type EheCommandOf<T extends EheCommandType> = { type: T; data: z.infer<(typeof eheCommandBodies)[T]> };
export type EheCommand = { [T in EheCommandType]: EheCommandOf<T> }[EheCommandType];
/** What a client may send: defaults not yet applied. */
export type EheCommandInput = {
  [T in EheCommandType]: { type: T; data: z.input<(typeof eheCommandBodies)[T]> };
}[EheCommandType];

export const eheCommandTypes = Object.keys(eheCommandBodies) as EheCommandType[];

/** Commands that need an allocated officer (the day-to-day casework and the statutory route). */
export const allocatedWork: ReadonlySet<EheCommandType> = new Set<EheCommandType>([
  'RecordContactAttempt',
  'OfferVisit',
  'RecordVisitAccepted',
  'RecordVisitHeld',
  'RecordVisitDeclined',
  'SendInformalEnquiry',
  'RecordEvidence',
  'JudgeSuitability',
  'RecordEhcpAnnualReview',
  'ServeSection437Notice',
  'JudgeSection437Response',
  'DecideAttendanceExpediency',
  'ConsultSchool',
  'ServeSection438Notice',
  'RecordParentSchoolChoice',
  'ServeSchoolAttendanceOrder',
  'AmendSchoolAttendanceOrder',
  'RecordSaoRevocationRequest',
  'RevokeSchoolAttendanceOrder',
  'RefuseSaoRevocation',
  'ReferSaoRefusalToSecretaryOfState',
  'RecordSaoSecretaryOfStateDirection',
  'RequestEhcPlanAmendment',
  'RecordSaoCompliance',
  'ConsiderEso',
  'StartProsecution',
  'RecordProsecutionOutcome',
  'RecordEsoDirection',
  'AnswerEsoDirection',
  'RecordSchoolApplicationDecision',
  'NotifyGoverningBody',
  'RecordGoverningBodyDirectionApplication',
  'RecordSecretaryOfStateSchoolDirection',
  'RecordNamedSchoolInformed',
  'RecordChildrensServicesConsultation',
  'RecordEsoApplication',
  'RecordEsoDecision',
  'RecordEsoExtension',
  'RecordEsoDischarge',
]);

/** Commands that wait for the council's consent when the child was placed at a special school by it. */
export const afterConsent: ReadonlySet<EheCommandType> = new Set<EheCommandType>([
  'SendInformalEnquiry',
  'RecordEvidence',
  'JudgeSuitability',
  'ServeSection437Notice',
  'JudgeSection437Response',
  'DecideAttendanceExpediency',
  'ConsultSchool',
  'ServeSection438Notice',
  'RecordParentSchoolChoice',
  'ServeSchoolAttendanceOrder',
  'RecordSchoolApplicationDecision',
  'NotifyGoverningBody',
  'RecordGoverningBodyDirectionApplication',
  'RecordSecretaryOfStateSchoolDirection',
]);

/** Appended by the deadline worker; idempotent, and silent ([]) when there is nothing to record. */
export const clockCommands: ReadonlySet<EheCommandType> = new Set<EheCommandType>([
  'RecordDeadlineMissed',
  'EscalateCase',
  'CloseAtEndOfSchoolAge',
  'RecordAnnualContactDue',
  'RecordClockExpiry',
  'StartRegisterDuties',
]);

// The shared command bodies and the EHE value objects, for the modules that take them from here.
export type { Panel, School } from './values.js';
export {
  ChildSchema,
  ContactMethodSchema,
  ContactOutcomeSchema,
  DeletionReturnSchema,
  EscalateCaseBody,
  PanelSchema,
  ParentCarerSchema,
  ReallocateCaseBody,
  ReasonSchema,
  RecordDeadlineMissedBody,
  ReferralSourceSchema,
  ReopenCaseBody,
  SchoolSchema,
  ServiceMethodSchema,
  SuitabilityOutcomeSchema,
};
