import type { ClockTable } from '../clock-rule.js';

/**
 * Which EHE events start, move and stop which clocks (DOMAIN.md "Clocks"). The decider computes the due
 * dates of the clocks an event starts; the deadlines view and the schedulers read this same table.
 */
export const eheClockTable = {
  // Once the register has commenced, registration starts the s.436B home-visit consideration (15 days).
  EheReferralReceived: {
    starts: ['allocation', 'firstContact', 'ehcpAnnualReview', 'registerHomeVisitDecision'],
  },
  // A child on the register when it commences: the consideration runs from commencement.
  RegisterDutiesCommenced: { starts: ['registerHomeVisitDecision'] },
  SpecialSchoolConsentRequested: { starts: ['specialSchoolConsent'] },
  SpecialSchoolConsentGiven: { stops: ['specialSchoolConsent'] },
  SpecialSchoolConsentRefused: { stops: ['specialSchoolConsent'] },
  CaseAllocated: { stops: ['allocation'] },
  FirstContactMade: { stops: ['firstContact'], starts: ['firstVisit'] },
  // A successful contact while monitoring is the "last contact" the annual clock runs from.
  ContactAttempted: { starts: ['annualContact'] },
  VisitHeld: { stops: ['firstVisit'] },
  VisitDeclined: { stops: ['firstVisit'] },
  InformalEnquirySent: { starts: ['informalEnquiry'] },
  EvidenceReceived: { stops: ['informalEnquiry'] },
  SuitabilityJudged: { stops: ['annualContact'], starts: ['annualContact'] },
  // A new priority flag moves the first-contact and first-visit clocks to their priority due dates; an
  // EHCP issued starts the annual review, an EHCP ended stops it.
  PriorityFlagsChanged: {
    starts: ['firstContact', 'firstVisit', 'ehcpAnnualReview'],
    mayStop: ['ehcpAnnualReview'],
  },
  EhcpAnnualReviewHeld: { stops: ['ehcpAnnualReview'], starts: ['ehcpAnnualReview'] },
  PanelDecisionRecorded: { starts: ['fairAccessPlacement'] },
  Section437NoticeServed: { stops: ['informalEnquiry'], starts: ['section437Notice'] },
  // Satisfied at any point before an order: the route ends, the parent's s.438 window with it.
  Section437ResponseJudged: { stops: ['section437Notice', 'section438Choice'], starts: ['annualContact'] },
  Section438NoticeServed: { starts: ['section438Choice'] },
  SchoolChosenByParent: { stops: ['section438Choice'] },
  // The order runs to the school leaving date (s.437(4)); the named school is to be told (s.437(5)).
  SchoolAttendanceOrderServed: {
    stops: ['section438Choice', 'governingBodyDirection'],
    starts: ['saoCompliance', 'saoInForce', 'namedSchoolInformed'],
  },
  SchoolAttendanceOrderAmended: { stops: ['saoCompliance'], starts: ['saoCompliance'] },
  SchoolAttendanceOrderComplied: { stops: ['saoCompliance'] },
  SchoolAttendanceOrderRevoked: { stops: ['saoCompliance', 'saoInForce', 'namedSchoolInformed'] },
  SchoolAttendanceOrderLapsed: { stops: ['saoCompliance', 'saoInForce', 'namedSchoolInformed'] },
  SchoolAttendanceOrderEndedByCourt: { stops: ['saoCompliance', 'saoInForce', 'namedSchoolInformed'] },
  NamedSchoolInformed: { stops: ['namedSchoolInformed'] },
  GoverningBodyNotified: { starts: ['governingBodyDirection'] },
  GoverningBodyDirectionPeriodEnded: { stops: ['governingBodyDirection'] },
  EsoMade: { starts: ['esoInForce'] },
  EsoExtended: { starts: ['esoInForce'] },
  EsoDischarged: { stops: ['esoInForce'] },
  EsoExpired: { stops: ['esoInForce'] },
  ProsecutionStarted: { stops: ['saoCompliance'] },
  EsoDirectionReceived: { starts: ['esoReasons'] },
  EsoDirectionAnswered: { stops: ['esoReasons'] },
  ReturnedToSchool: { stops: ['fairAccessPlacement'] },
  // The register's duties (issue 18 item 3): the s.436B decision, a parent's s.436D answer or its failure.
  RegisterHomeVisitDecided: { stops: ['registerHomeVisitDecision'] },
  RegisterInformationRequestedFromParent: { starts: ['registerParentResponse'] },
  RegisterInformationReceivedFromParent: { mayStop: ['registerParentResponse'] },
  RegisterInformationNotProvided: { stops: ['registerParentResponse'] },
  EheCaseClosed: { stops: 'all' },
} as const satisfies ClockTable;
