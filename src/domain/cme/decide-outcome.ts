import type { IsoDate } from '../calendar/index.js';
import type { ClockName } from '../clocks.js';
import { fail } from '../decider.js';
import { type CaseHandlers, requireWhereabouts, s436A } from './decide-support.js';
import { cmeEvent } from './events.js';
import { checkCode, checkDate, checkOtherText, compulsorySchoolAgeAt, notInFuture } from './guards.js';
import { ageDateOfBirth, type CmeCase } from './state.js';
import type { CmeDestination } from './values.js';

/** Where a traced child goes next, and closing the case only with a destination. */
export const outcomeHandlers: CaseHandlers<
  'EstablishWhereabouts' | 'ApplyForSchoolPlace' | 'HandToAnotherCouncil' | 'RecordBecameEhe' | 'CloseCase'
> = {
  EstablishWhereabouts(data, state, ctx) {
    checkDate(ctx, state, data.establishedOn, 'establishedOn');
    const { whereabouts } = data;
    if (whereabouts.kind === 'on_roll') notInFuture(whereabouts.onRollFrom, 'whereabouts.onRollFrom', ctx);
    const placed = whereabouts.kind === 'on_roll' && state.clocks.fairAccessPlacement !== undefined;
    const clocksStopped: ClockName[] = placed ? ['fairAccessPlacement'] : [];
    return [cmeEvent('WhereaboutsEstablished', { ...data, clocksStopped, ...s436A(ctx) })];
  },

  ApplyForSchoolPlace(data, state, ctx) {
    checkDate(ctx, state, data.appliedOn, 'appliedOn');
    requireWhereabouts(state, 'in_area', 'a school place application');
    return [cmeEvent('CmeSchoolPlaceAppliedFor', { ...data, ...s436A(ctx) })];
  },

  HandToAnotherCouncil(data, state, ctx) {
    checkDate(ctx, state, data.handedOn, 'handedOn');
    requireWhereabouts(state, 'other_council_area', 'handing over');
    if (state.handedToCouncil !== null)
      fail.conflict('already_handed_over', `handed to ${state.handedToCouncil}`);
    return [cmeEvent('CmeCaseHandedToAnotherCouncil', { ...data, ...s436A(ctx) })];
  },

  RecordBecameEhe(data, state, ctx) {
    checkDate(ctx, state, data.establishedOn, 'establishedOn');
    requireWhereabouts(state, 'in_area', 'home education here');
    if (state.eheCaseId !== null) fail.conflict('already_ehe', `EHE case ${state.eheCaseId} was recorded`);
    return [cmeEvent('CmeChildBecameEhe', { ...data, legalBasis: 'EA1996_s7', decidedBy: ctx.actor.id })];
  },

  CloseCase(data, state, ctx) {
    checkDate(ctx, state, data.closedOn, 'closedOn');
    checkCode(ctx.policy.codes.cmeClosureReasons, data.destination, 'destination');
    checkOtherText(data.destination, data.reasonText, 'reasonText');
    if (state.whereabouts === null && !closableWhileUntraced.includes(data.destination)) {
      fail.conflict(
        'whereabouts_unknown',
        'a child whose whereabouts are unknown stays open under review; an untraced case never closes for age',
        'destination',
      );
    }
    destinationEstablished(data.destination, state, data.closedOn);
    return [cmeEvent('CmeCaseClosed', { ...data, ...s436A(ctx) })];
  },
};

// The duty ends at the end of compulsory school age or with the child's death, found or not.
const closableWhileUntraced: readonly CmeDestination[] = ['end_of_compulsory_school_age', 'died'];

/** What must already be on the case before it can close to each destination. */
function destinationEstablished(destination: CmeDestination, state: CmeCase, closedOn: IsoDate): void {
  const missing = (message: string) => fail.conflict('destination_not_established', message, 'destination');
  switch (destination) {
    case 'on_roll':
      if (state.whereabouts?.kind !== 'on_roll') missing('the child is not recorded on roll at a school');
      return;
    case 'ehe_case_opened':
      if (state.eheCaseId === null) missing('no EHE case has been recorded for the child');
      return;
    case 'handed_to_another_council':
      if (state.handedToCouncil === null) missing('the case has not been handed to another council');
      return;
    case 'abroad_confirmed':
      if (state.whereabouts?.kind !== 'abroad') missing('the child is not confirmed abroad');
      return;
    case 'end_of_compulsory_school_age': {
      const age = compulsorySchoolAgeAt(ageDateOfBirth(state)?.dateOfBirth, closedOn);
      if (age === 'unknown') fail.invalid('field_required', 'the date of birth is unknown', 'destination');
      if (age !== 'after')
        fail.conflict(
          'still_of_compulsory_school_age',
          'the child is still of compulsory school age',
          'closedOn',
        );
      return;
    }
    case 'died':
    case 'other':
      return;
  }
}
