import { londonDate } from '../calendar/index.js';
import type { ClockName } from '../clocks.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import type { CmeCommandOf } from './commands.js';
import { type CaseHandlers, s436A, startClock } from './decide-support.js';
import { cmeEvent } from './events.js';
import { checkDate, checkNotBefore, checkOtherText, compulsorySchoolAgeAt } from './guards.js';
import { ageDateOfBirth, type CmeCase } from './state.js';

/** Tracing a missing child: allocation, enquiries, risk and its reports, reviews while untraced. */
export const caseworkHandlers: CaseHandlers<
  | 'AllocateCase'
  | 'ReallocateCase'
  | 'MakeCmeEnquiry'
  | 'RecordCmeEnquiryOutcome'
  | 'AssessCmeRisk'
  | 'ReportToSocialCare'
  | 'ReportToPolice'
  | 'RecordUntracedReview'
> = {
  AllocateCase(data, state, ctx) {
    checkDate(ctx, state, data.allocatedOn, 'allocatedOn');
    if (state.allocatedOfficer !== null) {
      fail.conflict('already_allocated', `the case is allocated to ${state.allocatedOfficer}: reallocate it`);
    }
    return [cmeEvent('CaseAllocated', { ...data, allocatedBy: ctx.actor.id })];
  },

  ReallocateCase(data, state, ctx) {
    checkDate(ctx, state, data.reallocatedOn, 'reallocatedOn');
    const previousOfficerId = state.allocatedOfficer;
    if (previousOfficerId === null) fail.conflict('not_allocated', 'the case is not allocated: allocate it');
    if (previousOfficerId === data.officerId) {
      fail.conflict('already_allocated', `the case is already with ${data.officerId}`, 'officerId');
    }
    return [cmeEvent('CaseReallocated', { ...data, previousOfficerId, reallocatedBy: ctx.actor.id })];
  },

  MakeCmeEnquiry(data, state, ctx) {
    checkDate(ctx, state, data.madeOn, 'madeOn');
    checkOtherText(data.agency, data.agencyDetail, 'agencyDetail');
    if (state.enquiries[data.enquiryId]) {
      fail.conflict('enquiry_already_exists', `enquiry ${data.enquiryId} is already recorded`, 'enquiryId');
    }
    return [cmeEvent('CmeEnquiryMade', { ...data, ...s436A(ctx) })];
  },

  RecordCmeEnquiryOutcome(data, state, ctx) {
    const enquiry = state.enquiries[data.enquiryId];
    if (!enquiry) fail.conflict('enquiry_not_found', `no enquiry ${data.enquiryId}`, 'enquiryId');
    if (enquiry.outcome !== null) {
      fail.conflict(
        'enquiry_outcome_recorded',
        `enquiry ${data.enquiryId} already has its outcome`,
        'enquiryId',
      );
    }
    checkDate(ctx, state, data.receivedOn, 'receivedOn');
    checkNotBefore(data.receivedOn, enquiry.madeOn, 'receivedOn', 'the enquiry');
    return [cmeEvent('CmeEnquiryOutcomeRecorded', { ...data, ...s436A(ctx) })];
  },

  AssessCmeRisk(data, state, ctx) {
    checkDate(ctx, state, data.assessedOn, 'assessedOn');
    // A child newly judged at high risk must be reported; a reassessment that stays high starts nothing new.
    const newlyHigh = data.level === 'high' && state.riskLevel !== 'high';
    const clocksStarted = newlyHigh ? [startClock(ctx, 'cmeHighRiskReport', data.assessedOn)] : [];
    return [cmeEvent('CmeRiskAssessed', { ...data, clocksStarted, ...s436A(ctx) })];
  },

  ReportToSocialCare(data, state, ctx) {
    return [cmeEvent('ReportedToSocialCare', report(data, state, ctx, 'police'))];
  },

  ReportToPolice(data, state, ctx) {
    return [cmeEvent('ReportedToPolice', report(data, state, ctx, 'socialCare'))];
  },

  RecordUntracedReview(data, state, ctx) {
    checkDate(ctx, state, data.reviewedOn, 'reviewedOn');
    if (state.whereabouts !== null)
      fail.conflict('whereabouts_known', 'the child has been found: nothing to review');
    if (compulsorySchoolAgeAt(ageDateOfBirth(state)?.dateOfBirth, data.reviewedOn) === 'after') {
      fail.invalid(
        'not_of_compulsory_school_age',
        'reviews run while the child is of compulsory school age: close the case instead',
        'reviewedOn',
      );
    }
    const clocksStarted = [startClock(ctx, 'cmeTracingReview', data.reviewedOn, true)];
    return [cmeEvent('CmeUntracedReviewRecorded', { ...data, clocksStarted, ...s436A(ctx) })];
  },
};

/**
 * A report to social care or the police. It completes the high-risk report (and stops its clock) when the
 * other agency has already been told since the child was judged at high risk.
 */
function report(
  data: CmeCommandOf<'ReportToPolice'>['data'],
  state: CmeCase,
  ctx: DecideContext,
  other: 'socialCare' | 'police',
) {
  if (Date.parse(data.reportedAt) > ctx.now.getTime()) {
    fail.invalid('date_in_future', `reportedAt ${data.reportedAt} is after now`, 'reportedAt');
  }
  const reportedOn = londonDate(data.reportedAt);
  checkDate(ctx, state, reportedOn, 'reportedAt');
  const episode = state.highRiskReport;
  const otherToldOn = other === 'police' ? episode?.policeToldOn : episode?.socialCareToldOn;
  const completes =
    episode !== null &&
    reportedOn >= episode.judgedOn &&
    otherToldOn !== null &&
    otherToldOn !== undefined &&
    state.clocks.cmeHighRiskReport !== undefined;
  const clocksStopped: ClockName[] = completes ? ['cmeHighRiskReport'] : [];
  return { ...data, reportedOn, clocksStopped, legalBasis: 'CA2004_s11' as const, decidedBy: ctx.actor.id };
}
