import type { ClockTable } from '../clock-rule.js';

/**
 * Which CME events start, move and stop which clocks (DOMAIN.md "Clocks"). The decider computes the due
 * dates of the clocks an event starts; the deadlines view and the schedulers read this same table.
 */
export const cmeClockTable = {
  CmeReferralReceived: { starts: ['allocation', 'cmeTracingReview'] },
  CaseAllocated: { stops: ['allocation'] },
  CmeRiskAssessed: { starts: ['cmeHighRiskReport'] },
  // The high-risk report is done only when both have been told, so whichever is told second stops it.
  ReportedToSocialCare: { mayStop: ['cmeHighRiskReport'] },
  ReportedToPolice: { mayStop: ['cmeHighRiskReport'] },
  // Found: no more tracing reviews; found on roll also ends the wait for a Fair Access place.
  WhereaboutsEstablished: { stops: ['cmeTracingReview'], mayStop: ['fairAccessPlacement'] },
  // Found on roll by a school's new pupil return: as whereabouts established on roll.
  CmeFoundOnRollByNewPupilReturn: { stops: ['cmeTracingReview'], mayStop: ['fairAccessPlacement'] },
  // A referral stored before issue 15 item 9 started the placement clock; a referral no longer does: the 20
  // school days run from the day the child is agreed to be considered, and stop when a place is allocated
  // (School Admissions Code 2021, "Fair Access Protocols").
  CmeFairAccessReferralMade: { starts: ['fairAccessPlacement'] },
  CmeFairAccessConsiderationAgreed: { starts: ['fairAccessPlacement'] },
  CmeFairAccessPlaceAllocated: { mayStop: ['fairAccessPlacement'] },
  // Each review of an untraced child sets the next one (the open clock's due date is replaced).
  CmeUntracedReviewRecorded: { starts: ['cmeTracingReview'] },
  CmeCaseClosed: { stops: 'all' },
  CmeCaseReopened: { starts: ['cmeTracingReview'] },
} as const satisfies ClockTable;
