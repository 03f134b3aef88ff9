import { isOfCompulsorySchoolAge } from '../calendar/index.js';
import { fail } from '../decider.js';
import type { Handlers } from './decide-support.js';
import { eheEvent } from './events.js';
import { checkDate, checkReason } from './guards.js';

/** How a case ends: the child back at school, the case handed to the CME team, or closed for another reason. */
export const outcomeHandlers: Handlers<'RecordReturnToSchool' | 'ReclassifyAsCme' | 'CloseCase'> = {
  RecordReturnToSchool(data, state, ctx) {
    // The start date may be a few days ahead (a place accepted for Monday), but not before the referral.
    if (state.referredOn !== null && data.startDate < state.referredOn) {
      fail.invalid('date_before_referral', `startDate ${data.startDate} is before the referral`, 'startDate');
    }
    if (state.returnedToSchool) fail.conflict('already_returned', 'the return to school is already recorded');
    return [eheEvent('ReturnedToSchool', { ...data, recordedBy: ctx.actor.id })];
  },

  /**
   * Home education the council judges unsuitable is children missing education (CME statutory guidance 2025;
   * the DfE counts the child as CME), so a CME case is opened beside this one. This case stays open: the
   * council's duty under s.437 to act on unsuitable home education continues, and its School Attendance
   * Order route with it (s.437(1)-(3)); the DfE return counts the child once, as CME (statistics-reports.ts).
   * It closes, as any case, by CloseCase once its work is done.
   */
  ReclassifyAsCme(data, state, ctx) {
    checkDate(ctx, state, data.reclassifiedOn, 'reclassifiedOn');
    if (state.reclassifiedAsCme !== null) {
      fail.conflict(
        'already_reclassified',
        `the child's CME case ${state.reclassifiedAsCme} was opened from this case`,
      );
    }
    return [eheEvent('ReclassifiedAsCme', { ...data, decidedBy: ctx.actor.id })];
  },

  CloseCase(data, state, ctx) {
    checkDate(ctx, state, data.closedOn, 'closedOn');
    checkReason(
      ctx.policy.codes.eheClosureReasons,
      { code: data.reason, text: data.reasonText },
      { code: 'reason', text: 'reasonText' },
    );
    switch (data.reason) {
      case 'reclassified_as_cme':
        // Once the CME case is open, this one may close for it (its SAO route ended or never begun).
        if (state.reclassifiedAsCme === null)
          fail.invalid(
            'invalid_reason_code',
            'reclassify the case as CME instead: a CME case is opened',
            'reason',
          );
        break;
      case 'moved_out_of_area':
        if (!data.receivingCouncil)
          fail.invalid('field_required', 'name the council told of the move', 'receivingCouncil');
        break;
      case 'returned_to_school':
        if (!state.returnedToSchool)
          fail.conflict('return_to_school_not_recorded', 'record the return to school first', 'reason');
        break;
      case 'end_of_compulsory_school_age':
        if (state.dateOfBirth && isOfCompulsorySchoolAge(state.dateOfBirth, data.closedOn)) {
          fail.conflict(
            'still_of_compulsory_school_age',
            'the child is still of compulsory school age',
            'closedOn',
          );
        }
        break;
    }
    return [eheEvent('EheCaseClosed', { ...data, closedBy: ctx.actor.id })];
  },
};
