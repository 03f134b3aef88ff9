import { z } from 'zod';
import { isoDateSchema } from '../calendar/index.js';
import { StartedClockSchema } from '../clocks.js';
import { PossibleDuplicateFlaggedSchema } from '../duplicates.js';
import { ClockNameSchema, PriorityFlagSchema } from '../policy.js';
import * as body from './commands.js';
import { LegalBasisSchema } from './legal-basis.js';

/**
 * EHE events: what happened, with everything an auditor needs to see why (the due dates set and the policy
 * version that set them, the legal basis and the deciding officer of each statutory step).
 */

const officer = z.string().min(1);
const clocksStarted = z.array(StartedClockSchema);
const statutory = { legalBasis: LegalBasisSchema, decidedBy: officer };

export const EheReferralReceived = body.ReceiveEheReferralBody.omit({ possibleDuplicateOf: true }).extend({
  primaryReason: body.ReasonSchema,
  priority: z.boolean(),
  /** The family may feel advised into home education (reason `school_suggestion`): offer support to return. */
  flaggedForSupportToReturn: z.boolean(),
  /** Placed at a special school by the council: no EHE without the council's consent. */
  consentNeeded: z.boolean(),
  recordedBy: officer,
  clocksStarted,
});
export const SpecialSchoolConsentRequested = body.RequestSpecialSchoolConsentBody.extend({
  legalBasis: LegalBasisSchema,
  recordedBy: officer,
  clocksStarted,
});
export const SpecialSchoolConsentGiven = body.GiveSpecialSchoolConsentBody.extend(statutory);
export const SpecialSchoolConsentRefused = body.RefuseSpecialSchoolConsentBody.extend(statutory);
export const CaseAllocated = body.AllocateCaseBody.extend({ allocatedBy: officer });
export const CaseReallocated = body.ReallocateCaseBody.extend({
  previousOfficerId: z.string().min(1),
  reallocatedBy: officer,
});
export const ContactAttempted = body.RecordContactAttemptBody.extend({ recordedBy: officer, clocksStarted });
export const FirstContactMade = body.RecordContactAttemptBody.extend({ recordedBy: officer, clocksStarted });
export const VisitOffered = body.OfferVisitBody.extend({ recordedBy: officer });
export const VisitAccepted = body.RecordVisitAcceptedBody.extend({ recordedBy: officer });
export const VisitHeld = body.RecordVisitHeldBody.extend({ recordedBy: officer });
export const VisitDeclined = body.RecordVisitDeclinedBody.extend({
  /** A priority child's family refused: local policy treats that as a reason for formal enquiries. */
  formalEnquiryPrompted: z.boolean(),
  recordedBy: officer,
});
export const InformalEnquirySent = body.SendInformalEnquiryBody.extend({
  recordedBy: officer,
  clocksStarted,
});
export const EvidenceReceived = body.RecordEvidenceBody.extend({ recordedBy: officer });
export const SuitabilityJudged = body.JudgeSuitabilityBody.extend({ decidedBy: officer, clocksStarted });
export const PriorityFlagsChanged = body.ChangePriorityFlagsBody.extend({
  previousFlags: z.array(PriorityFlagSchema),
  priority: z.boolean(),
  recordedBy: officer,
  clocksStarted,
  clocksStopped: z.array(ClockNameSchema),
});
export const EhcpAnnualReviewHeld = body.RecordEhcpAnnualReviewBody.extend({
  recordedBy: officer,
  clocksStarted,
});
export const PanelReferralMade = body.ReferToPanelBody.extend({ decidedBy: officer });
export const PanelDecisionRecorded = body.RecordPanelDecisionBody.extend({
  decidedBy: officer,
  clocksStarted,
});
export const Section437NoticeServed = body.ServeSection437NoticeBody.extend({
  periodDays: z.int().positive(),
  /** Last day of the period (beginning with the day of service). */
  periodEndsOn: isoDateSchema,
  ...statutory,
  clocksStarted,
});
export const Section437ResponseJudged = body.JudgeSection437ResponseBody.extend({
  ...statutory,
  clocksStarted,
});
export const AttendanceExpediencyDecided = body.DecideAttendanceExpediencyBody.extend(statutory);
export const SchoolConsulted = body.ConsultSchoolBody.extend(statutory);
export const Section438NoticeServed = body.ServeSection438NoticeBody.extend({
  choiceEndsOn: isoDateSchema,
  ...statutory,
  clocksStarted,
});
export const SchoolChosenByParent = body.RecordParentSchoolChoiceBody.extend(statutory);
export const SchoolAttendanceOrderServed = body.ServeSchoolAttendanceOrderBody.extend({
  ...statutory,
  clocksStarted,
});
export const SchoolAttendanceOrderAmended = body.AmendSchoolAttendanceOrderBody.extend({
  ...statutory,
  clocksStarted,
});
export const SaoRevocationRequested = body.RecordSaoRevocationRequestBody.extend(statutory);
export const SchoolAttendanceOrderRevoked = body.RevokeSchoolAttendanceOrderBody.extend(statutory);
export const SaoRevocationRefused = body.RefuseSaoRevocationBody.extend(statutory);
export const SaoRefusalReferredToSecretaryOfState =
  body.ReferSaoRefusalToSecretaryOfStateBody.extend(statutory);
export const SchoolAttendanceOrderComplied = body.RecordSaoComplianceBody.extend(statutory);
export const EsoConsidered = body.ConsiderEsoBody.extend(statutory);
export const ProsecutionStarted = body.StartProsecutionBody.extend(statutory);
export const ProsecutionOutcomeRecorded = body.RecordProsecutionOutcomeBody.extend(statutory);
export const EsoDirectionReceived = body.RecordEsoDirectionBody.extend({ ...statutory, clocksStarted });
export const EsoDirectionAnswered = body.AnswerEsoDirectionBody.extend(statutory);
export const ReturnedToSchool = body.RecordReturnToSchoolBody.extend({ recordedBy: officer });
export const ReclassifiedAsCme = body.ReclassifyAsCmeBody.extend({ decidedBy: officer });
export const EheCaseClosed = body.CloseCaseBody.extend({ closedBy: officer });
export const EheCaseReopened = body.ReopenCaseBody.extend({ reopenedBy: officer });
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

const v1 = <S extends z.ZodType>(data: S) => ({ schemaVersion: 1 as const, data });

/** Every EHE event type with its current schema version; older versions are upcast in the codec. */
export const eheEvents = {
  EheReferralReceived: v1(EheReferralReceived),
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
  PanelReferralMade: v1(PanelReferralMade),
  PanelDecisionRecorded: v1(PanelDecisionRecorded),
  Section437NoticeServed: v1(Section437NoticeServed),
  Section437ResponseJudged: v1(Section437ResponseJudged),
  AttendanceExpediencyDecided: v1(AttendanceExpediencyDecided),
  SchoolConsulted: v1(SchoolConsulted),
  Section438NoticeServed: v1(Section438NoticeServed),
  SchoolChosenByParent: v1(SchoolChosenByParent),
  SchoolAttendanceOrderServed: v1(SchoolAttendanceOrderServed),
  SchoolAttendanceOrderAmended: v1(SchoolAttendanceOrderAmended),
  SaoRevocationRequested: v1(SaoRevocationRequested),
  SchoolAttendanceOrderRevoked: v1(SchoolAttendanceOrderRevoked),
  SaoRevocationRefused: v1(SaoRevocationRefused),
  SaoRefusalReferredToSecretaryOfState: v1(SaoRefusalReferredToSecretaryOfState),
  SchoolAttendanceOrderComplied: v1(SchoolAttendanceOrderComplied),
  EsoConsidered: v1(EsoConsidered),
  ProsecutionStarted: v1(ProsecutionStarted),
  ProsecutionOutcomeRecorded: v1(ProsecutionOutcomeRecorded),
  EsoDirectionReceived: v1(EsoDirectionReceived),
  EsoDirectionAnswered: v1(EsoDirectionAnswered),
  ReturnedToSchool: v1(ReturnedToSchool),
  ReclassifiedAsCme: v1(ReclassifiedAsCme),
  EheCaseClosed: v1(EheCaseClosed),
  EheCaseReopened: v1(EheCaseReopened),
  DeadlineMissed: v1(DeadlineMissed),
  CaseEscalated: v1(CaseEscalated),
  AnnualContactDue: v1(AnnualContactDue),
} as const;

export type EheEventType = keyof typeof eheEvents;
export type EheEventData<T extends EheEventType> = z.infer<(typeof eheEvents)[T]['data']>;
export type EheEventOf<T extends EheEventType> = { type: T; data: EheEventData<T> };
export type EheEvent = { [T in EheEventType]: EheEventOf<T> }[EheEventType];
export const eheEventTypes = Object.keys(eheEvents) as EheEventType[];

export function eheEvent<T extends EheEventType>(type: T, data: EheEventData<T>): EheEventOf<T> {
  return { type, data };
}
