import type { ClockTable } from '../clock-rule.js';

/**
 * Which EHE events start, move and stop which clocks (DOMAIN.md "Clocks"). The decider computes the due
 * dates of the clocks an event starts; the deadlines view and the schedulers read this same table.
 */
export const eheClockTable = {
  EheReferralReceived: { starts: ['allocation', 'firstContact', 'ehcpAnnualReview'] },
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
  SchoolAttendanceOrderServed: { stops: ['section438Choice'], starts: ['saoCompliance'] },
  SchoolAttendanceOrderAmended: { stops: ['saoCompliance'], starts: ['saoCompliance'] },
  SchoolAttendanceOrderComplied: { stops: ['saoCompliance'] },
  SchoolAttendanceOrderRevoked: { stops: ['saoCompliance'] },
  ProsecutionStarted: { stops: ['saoCompliance'] },
  EsoDirectionReceived: { starts: ['esoReasons'] },
  EsoDirectionAnswered: { stops: ['esoReasons'] },
  ReturnedToSchool: { stops: ['fairAccessPlacement'] },
  EheCaseClosed: { stops: 'all' },
} as const satisfies ClockTable;
