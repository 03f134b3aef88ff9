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

  ReclassifyAsCme(data, state, ctx) {
    checkDate(ctx, state, data.reclassifiedOn, 'reclassifiedOn');
    return [
      eheEvent('ReclassifiedAsCme', { ...data, decidedBy: ctx.actor.id }),
      eheEvent('EheCaseClosed', {
        closedOn: data.reclassifiedOn,
        reason: 'reclassified_as_cme',
        reasonText: data.reason,
        closedBy: ctx.actor.id,
      }),
    ];
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
