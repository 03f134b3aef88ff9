import { fail } from '../decider.js';
import { checkMissingSince, checkPrimaryReason } from './decide-facts.js';
import type { Handler } from './decide-support.js';
import { s436A, startClock } from './decide-support.js';
import { cmeEvent } from './events.js';
import { compulsorySchoolAgeAt, notInFuture } from './guards.js';
import type { CmeState } from './state.js';
import { stillOnRollSources } from './values.js';

/** Opening a CME case, and opening it again when a closed case's child is missing once more. */
export const referralHandlers: {
  ReceiveCmeReferral: Handler<'ReceiveCmeReferral', CmeState>;
  ReopenCase: Handler<'ReopenCase', CmeState>;
} = {
  ReceiveCmeReferral({ possibleDuplicateOf, ...data }, state, ctx) {
    if (state.status !== 'none')
      fail.conflict('case_already_exists', 'this CME case has already been referred');
    notInFuture(data.receivedOn, 'receivedOn', ctx);
    const { dateOfBirth } = data.child;
    if (dateOfBirth !== undefined) notInFuture(dateOfBirth, 'child.dateOfBirth', ctx);
    const age = compulsorySchoolAgeAt(dateOfBirth, data.receivedOn);
    if (age === 'before' || age === 'after') {
      fail.invalid(
        'not_of_compulsory_school_age',
        'a child missing education is of compulsory school age when referred',
        'child.dateOfBirth',
      );
    }
    if (data.source === 'other_agency' && !data.referrer) {
      fail.invalid('field_required', 'a referral from another agency names the agency', 'referrer');
    }
    if (data.source === 'ehe_judged_unsuitable' && !data.eheCaseId) {
      fail.invalid('field_required', 'a referral from an EHE case names that case', 'eheCaseId');
    }
    checkPrimaryReason(ctx, data.primaryReason, 'primaryReason');
    checkMissingSince(ctx, data.missingSince, data.receivedOn, 'missingSince');
    // s.436A(1)(a): a pupil still on a roll is not yet missing education; the case is worked all the same.
    const rollStatus = stillOnRollSources.has(data.source) ? 'on_roll' : 'off_roll';
    const clocksStarted = [
      startClock(ctx, 'allocation', data.receivedOn),
      startClock(ctx, 'cmeTracingReview', data.receivedOn),
    ];
    return [
      cmeEvent('CmeReferralReceived', { ...data, rollStatus, clocksStarted, ...s436A(ctx) }),
      ...(possibleDuplicateOf
        ? [cmeEvent('PossibleDuplicateFlagged', { caseIds: possibleDuplicateOf, flaggedOn: data.receivedOn })]
        : []),
    ];
  },

  ReopenCase(data, state, ctx) {
    if (state.status === 'none') fail.notFound('case_not_found', 'there is no CME case to reopen');
    if (state.status !== 'closed' || state.closure === null)
      fail.conflict('case_not_closed', 'only a closed case can be reopened');
    notInFuture(data.reopenedOn, 'reopenedOn', ctx);
    if (data.reopenedOn < state.closure.closedOn) {
      fail.invalid(
        'date_before_previous_step',
        `reopenedOn is before the closure on ${state.closure.closedOn}`,
        'reopenedOn',
      );
    }
    // A CME case reopens because the child is missing again, so tracing starts afresh.
    const clocksStarted = [startClock(ctx, 'cmeTracingReview', data.reopenedOn)];
    return [cmeEvent('CmeCaseReopened', { ...data, clocksStarted, ...s436A(ctx) })];
  },
};
