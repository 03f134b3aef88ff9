import { z } from 'zod';
import type { CaseTypeName } from '../../domain/case-types.js';
import { type CmeCommandType, cmeCommandBodies } from '../../domain/cme/commands.js';
import { type EheCommandType, eheCommandBodies } from '../../domain/ehe/commands.js';

/**
 * Every decider command a person issues but the referrals (the workers' clock steps have no route: the
 * deadline worker appends them in-process through the command handler), as `POST /v1/cases/{caseId}/<path>`. A path serves one command
 * of one case type or, where both deciders know it, the same step of either; a command sent to the other
 * type of case answers 409 `wrong_case_type`.
 */
export interface CommandRoute {
  path: string;
  summary: string;
  ehe?: EheCommandType;
  cme?: CmeCommandType;
}

export const commandRoutes: readonly CommandRoute[] = [
  // Either case type
  {
    path: 'allocation',
    summary: 'Allocate the case to an officer',
    ehe: 'AllocateCase',
    cme: 'AllocateCase',
  },
  {
    path: 'reallocation',
    summary: 'Reallocate the case, saying why',
    ehe: 'ReallocateCase',
    cme: 'ReallocateCase',
  },
  { path: 'closure', summary: 'Close the case', ehe: 'CloseCase', cme: 'CloseCase' },
  { path: 'reopening', summary: 'Reopen a closed case', ehe: 'ReopenCase', cme: 'ReopenCase' },
  // EHE casework
  {
    path: 'consent-requests',
    summary: 'Request consent to remove from a special school',
    ehe: 'RequestSpecialSchoolConsent',
  },
  { path: 'consent-grants', summary: 'Give special school consent', ehe: 'GiveSpecialSchoolConsent' },
  {
    path: 'consent-refusals',
    summary: 'Refuse special school consent, with reasons',
    ehe: 'RefuseSpecialSchoolConsent',
  },
  { path: 'contacts', summary: 'Record a contact attempt', ehe: 'RecordContactAttempt' },
  { path: 'visits', summary: 'Offer a visit', ehe: 'OfferVisit' },
  { path: 'visits/acceptances', summary: 'Record that a visit was accepted', ehe: 'RecordVisitAccepted' },
  { path: 'visits/held', summary: 'Record a visit held', ehe: 'RecordVisitHeld' },
  { path: 'visits/declined', summary: 'Record a visit declined', ehe: 'RecordVisitDeclined' },
  { path: 'informal-enquiries', summary: 'Send an informal enquiry', ehe: 'SendInformalEnquiry' },
  { path: 'evidence', summary: 'Record evidence of education received', ehe: 'RecordEvidence' },
  { path: 'assessments', summary: 'Judge the suitability of the education', ehe: 'JudgeSuitability' },
  { path: 'priority-flags', summary: 'Change the priority flags', ehe: 'ChangePriorityFlags' },
  {
    path: 'sen-support',
    summary: "Record the child's SEN support from a date (N or K; an EHC plan is the ehcp flag)",
    ehe: 'RecordSenSupport',
  },
  { path: 'ehcp-reviews', summary: 'Record an EHCP annual review', ehe: 'RecordEhcpAnnualReview' },
  {
    path: 'ehc-plan-schools',
    summary: 'Record the school the EHC plan names (amends an order in force: s.441)',
    ehe: 'RecordEhcPlanSchool',
  },
  {
    path: 'ehc-plan-amendment-requests',
    summary: 'Request that the EHC plan be amended to name a school',
    ehe: 'RequestEhcPlanAmendment',
  },
  { path: 'panel-referrals', summary: 'Refer to a panel', ehe: 'ReferToPanel' },
  { path: 'panel-decisions', summary: "Record a panel's decision", ehe: 'RecordPanelDecision' },
  { path: 'return-to-school', summary: 'Record a return to school', ehe: 'RecordReturnToSchool' },
  {
    path: 'reclassification',
    summary: 'Reclassify as CME (opens the CME case; this case and its SAO route stay open)',
    ehe: 'ReclassifyAsCme',
  },
  // EHE parents and carers: whom notices and orders are served on
  { path: 'parents', summary: 'Record a parent or carer not known at referral', ehe: 'RecordParentCarer' },
  {
    path: 'parents/electronic-service-consents',
    summary: "Record a parent's consent to receive notices by email",
    ehe: 'RecordElectronicServiceConsent',
  },
  {
    path: 'parents/electronic-service-consent-withdrawals',
    summary: "Record a parent's withdrawal of consent to service by email",
    ehe: 'WithdrawElectronicServiceConsent',
  },
  // EHE: the Children Not In School register's duties (EA 1996 ss.436B, 436D-436G; CWSA 2026 s.38)
  {
    path: 'register/home-visit-decisions',
    summary: 'Record where the child lives considered and whether a home visit is requested (s.436B)',
    ehe: 'DecideRegisterHomeVisit',
  },
  {
    path: 'register/home-visit-answers',
    summary: "Record the family's answer to the register home-visit request (s.436B)",
    ehe: 'RecordRegisterHomeVisitAnswer',
  },
  {
    path: 'register/parent-information-requests',
    summary: "Ask a parent for the register's information (s.436D), starting the response clock",
    ehe: 'RequestParentRegisterInformation',
  },
  {
    path: 'register/parent-information',
    summary: 'Record information a parent gave for the register, asked or unasked (s.436D)',
    ehe: 'RecordParentRegisterInformation',
  },
  {
    path: 'register/parent-information-failures',
    summary: 'Record that the period to answer a parent request ended without the information (s.436D)',
    ehe: 'RecordParentRegisterInformationNotProvided',
  },
  {
    path: 'register/provider-information-requests',
    summary: 'Ask an education provider for register information, no more often than every 3 months (s.436E)',
    ehe: 'RequestProviderRegisterInformation',
  },
  {
    path: 'register/provider-information',
    summary: "Record a provider's answer to a register request (s.436E)",
    ehe: 'RecordProviderRegisterInformation',
  },
  {
    path: 'register/support-offers',
    summary: 'Record the support offered when the family asked (s.436G)',
    ehe: 'RecordRegisterSupportOffer',
  },
  {
    path: 'register/disclosures',
    summary: 'Record a disclosure of register information to another body, with its purpose (s.436F)',
    ehe: 'RecordRegisterDisclosure',
  },
  // EHE School Attendance Order route (current regime)
  {
    path: 'sao/section-437-notices',
    summary: 'Serve the s437(1) notice on a parent (again with the same noticeId for each further parent)',
    ehe: 'ServeSection437Notice',
  },
  {
    path: 'sao/section-437-responses',
    summary: "Judge the parent's response to the s437(1) notice",
    ehe: 'JudgeSection437Response',
  },
  {
    path: 'sao/expediency-decisions',
    summary: 'Decide whether attendance at school is expedient',
    ehe: 'DecideAttendanceExpediency',
  },
  { path: 'sao/school-consultations', summary: 'Consult the intended school', ehe: 'ConsultSchool' },
  {
    path: 'sao/section-438-notices',
    summary: 'Serve the s438 notice of intention on a parent',
    ehe: 'ServeSection438Notice',
  },
  {
    path: 'sao/parent-choices',
    summary: "Record the parent's choice of school",
    ehe: 'RecordParentSchoolChoice',
  },
  {
    path: 'sao/orders',
    summary: 'Serve the School Attendance Order on a parent (s443(1): that parent must comply)',
    ehe: 'ServeSchoolAttendanceOrder',
  },
  {
    path: 'sao/amendments',
    summary: 'Amend the order: at the parent’s request (s.440) or on the council’s initiative (s.437(4))',
    ehe: 'AmendSchoolAttendanceOrder',
  },
  {
    path: 'sao/revocation-requests',
    summary: 'Record a request to revoke the order (s442)',
    ehe: 'RecordSaoRevocationRequest',
  },
  {
    path: 'sao/revocations',
    summary: 'Revoke the order: a request granted, or on the council’s initiative, with the ground',
    ehe: 'RevokeSchoolAttendanceOrder',
  },
  { path: 'sao/revocation-refusals', summary: 'Refuse to revoke the order', ehe: 'RefuseSaoRevocation' },
  {
    path: 'sao/secretary-of-state-referrals',
    summary: 'Record a refusal referred to the Secretary of State',
    ehe: 'ReferSaoRefusalToSecretaryOfState',
  },
  {
    path: 'sao/secretary-of-state-directions',
    summary: "Record the Secretary of State's direction: revoke (revokes the order) or uphold",
    ehe: 'RecordSaoSecretaryOfStateDirection',
  },
  { path: 'sao/compliance', summary: 'Record compliance (child registered)', ehe: 'RecordSaoCompliance' },
  {
    path: 'sao/eso-considerations',
    summary: 'Consider an education supervision order (s447)',
    ehe: 'ConsiderEso',
  },
  { path: 'sao/prosecutions', summary: 'Start a prosecution (s443)', ehe: 'StartProsecution' },
  {
    path: 'sao/prosecution-outcomes',
    summary: "Record the prosecution's outcome",
    ehe: 'RecordProsecutionOutcome',
  },
  {
    path: 'sao/eso-directions',
    summary: "Record a court's direction to apply for an ESO",
    ehe: 'RecordEsoDirection',
  },
  { path: 'sao/eso-direction-answers', summary: "Answer a court's ESO direction", ehe: 'AnswerEsoDirection' },
  {
    path: 'sao/governing-body-notices',
    summary: "Tell a maintained school's governing body it may be named (s439)",
    ehe: 'NotifyGoverningBody',
  },
  {
    path: 'sao/governing-body-direction-applications',
    summary: "Record a governing body's application to the Secretary of State for a direction (s439)",
    ehe: 'RecordGoverningBodyDirectionApplication',
  },
  {
    path: 'sao/school-directions',
    summary: "Record the Secretary of State's direction on a governing body's application (s439)",
    ehe: 'RecordSecretaryOfStateSchoolDirection',
  },
  {
    path: 'sao/school-application-decisions',
    summary: "Record the decision on the parent's in-time application for a place (s438)",
    ehe: 'RecordSchoolApplicationDecision',
  },
  {
    path: 'sao/named-school-informed',
    summary: "Record the named school's governing body and head teacher informed (s437(5))",
    ehe: 'RecordNamedSchoolInformed',
  },
  {
    path: 'sao/childrens-services-consultations',
    summary: "Record children's services consulted on an ESO direction (s447(2))",
    ehe: 'RecordChildrensServicesConsultation',
  },
  { path: 'sao/eso-applications', summary: 'Record an ESO application', ehe: 'RecordEsoApplication' },
  { path: 'sao/eso-decisions', summary: "Record the court's decision on an ESO", ehe: 'RecordEsoDecision' },
  { path: 'sao/eso-extensions', summary: 'Record an ESO extended', ehe: 'RecordEsoExtension' },
  { path: 'sao/eso-discharges', summary: 'Record an ESO discharged', ehe: 'RecordEsoDischarge' },
  // CME tracing and outcome
  { path: 'enquiries', summary: 'Make an enquiry of an agency', cme: 'MakeCmeEnquiry' },
  { path: 'enquiry-outcomes', summary: "Record an enquiry's outcome", cme: 'RecordCmeEnquiryOutcome' },
  { path: 'risk-assessments', summary: 'Assess the risk to the child', cme: 'AssessCmeRisk' },
  {
    path: 'social-care-reports',
    summary: 'Record the report to children’s social care',
    cme: 'ReportToSocialCare',
  },
  { path: 'police-reports', summary: 'Record the report to the police', cme: 'ReportToPolice' },
  { path: 'location', summary: "Record the child's whereabouts established", cme: 'EstablishWhereabouts' },
  {
    path: 'school-place-applications',
    summary: 'Record a school place applied for',
    cme: 'ApplyForSchoolPlace',
  },
  { path: 'fair-access-referrals', summary: 'Refer to the Fair Access panel', cme: 'ReferToFairAccess' },
  {
    path: 'fair-access-agreements',
    summary: 'Record that the child is agreed to be considered under the Fair Access Protocol',
    cme: 'AgreeFairAccessConsideration',
  },
  {
    path: 'fair-access-places',
    summary: 'Record the school place the Fair Access Protocol allocated',
    cme: 'RecordFairAccessPlaceAllocated',
  },
  {
    path: 'estimated-date-of-birth',
    summary: "Record an estimate of an untraced child's date of birth, while the real one is not known",
    cme: 'EstimateDateOfBirth',
  },
  { path: 'hand-over', summary: 'Hand the case to another council', cme: 'HandToAnotherCouncil' },
  {
    path: 'became-ehe',
    summary: 'Record that the child is home educated (opens the EHE case)',
    cme: 'RecordBecameEhe',
  },
  { path: 'untraced-reviews', summary: 'Record a review of an untraced child', cme: 'RecordUntracedReview' },
  {
    path: 'primary-reason',
    summary: "Change the CME child's primary reason (DfE CME collection)",
    cme: 'ChangeCmePrimaryReason',
  },
  {
    path: 'missing-since',
    summary: 'Record the day the child has been missing education since (or null: unknown)',
    cme: 'RecordMissingSince',
  },
  {
    path: 'left-roll',
    summary:
      "Record the school's deletion of a child referred while still on its roll (counts as CME from then)",
    cme: 'RecordLeftRoll',
  },
];

/**
 * The command a route serves on a case of `caseType`, if any. An arranged-absence entry (`cnis`) has no row:
 * its school changes and ends it through routes/arranged-absences.ts, and a row's path sent to it answers
 * 409 `wrong_case_type`.
 */
export const commandOf = (route: CommandRoute, caseType: CaseTypeName): string | undefined =>
  (route as { readonly [K in CaseTypeName]?: string })[caseType];

/** The body a route accepts: its command's, or either of the two commands a shared path serves. */
export function bodySchemaOf(route: CommandRoute): z.ZodType {
  const ehe = route.ehe ? eheCommandBodies[route.ehe] : undefined;
  const cme = route.cme ? cmeCommandBodies[route.cme] : undefined;
  const body = ehe && cme && ehe !== cme ? z.union([ehe, cme]) : (ehe ?? cme);
  if (!body) throw new Error(`command route ${route.path} names no command`);
  return body;
}

/**
 * A command route's OpenAPI operationId, the command's own name (`ServeSchoolAttendanceNotice` →
 * `serveSchoolAttendanceNotice`): stable while the command is, and what a generated client calls the method.
 */
export function operationIdOf(route: CommandRoute): string {
  const command = route.ehe ?? route.cme ?? route.path;
  return command.charAt(0).toLowerCase() + command.slice(1);
}
