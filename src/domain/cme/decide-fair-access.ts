import { fail } from '../decider.js';
import { type CaseHandlers, requireWhereabouts, s436A, startClock } from './decide-support.js';
import { cmeEvent } from './events.js';
import { checkDate, checkNotBefore } from './guards.js';
import type { CmeCase } from './state.js';

/**
 * The In Year Fair Access Protocol (School Admissions Code 2021, section 3, "Fair Access Protocols", made
 * under the School Standards and Framework Act 1998 s.84): "where it has been agreed that a child will be
 * considered under the Fair Access Protocol, a school place must be allocated for that child within 20 school
 * days", and the child should then start at the school "as soon as possible". The Code's paragraph number was
 * not confirmed from the stored text (the wording is as councils' protocol pages quote it): to be checked.
 * So the clock runs from the agreement, not the referral, and stops at the allocation; the start, for which
 * the Code sets no period, is whereabouts on roll (`EstablishWhereabouts`), dated apart.
 */
export const fairAccessHandlers: CaseHandlers<
  'ReferToFairAccess' | 'AgreeFairAccessConsideration' | 'RecordFairAccessPlaceAllocated'
> = {
  ReferToFairAccess(data, state, ctx) {
    checkDate(ctx, state, data.referredOn, 'referredOn');
    requireWhereabouts(state, 'in_area', 'a Fair Access referral');
    if (awaitingPlace(state)) {
      fail.conflict('fair_access_pending', 'a Fair Access referral is already waiting for a place');
    }
    // The referral asks the panel; it starts no clock until the child is agreed to be considered.
    return [cmeEvent('CmeFairAccessReferralMade', { ...data, clocksStarted: [], ...s436A(ctx) })];
  },

  AgreeFairAccessConsideration(data, state, ctx) {
    checkDate(ctx, state, data.agreedOn, 'agreedOn');
    const referral = state.fairAccess;
    if (referral === null || referral.place !== null)
      fail.conflict('fair_access_not_referred', 'refer the child to the Fair Access Protocol first');
    if (referral.agreedOn !== null)
      fail.conflict('fair_access_agreed', `agreed to be considered on ${referral.agreedOn}`);
    checkNotBefore(data.agreedOn, referral.referredOn, 'agreedOn', 'the Fair Access referral');
    const clocksStarted = [startClock(ctx, 'fairAccessPlacement', data.agreedOn)];
    return [cmeEvent('CmeFairAccessConsiderationAgreed', { ...data, clocksStarted, ...s436A(ctx) })];
  },

  RecordFairAccessPlaceAllocated(data, state, ctx) {
    checkDate(ctx, state, data.allocatedOn, 'allocatedOn');
    const referral = state.fairAccess;
    if (referral?.place)
      fail.conflict('fair_access_place_allocated', `a place was allocated on ${referral.place.allocatedOn}`);
    if (!referral?.agreedOn)
      fail.conflict(
        'fair_access_not_agreed',
        'the child has not been agreed to be considered under the protocol',
      );
    checkNotBefore(data.allocatedOn, referral.agreedOn, 'allocatedOn', 'the agreement to consider the child');
    const clocksStopped = state.clocks.fairAccessPlacement ? (['fairAccessPlacement'] as const) : [];
    return [
      cmeEvent('CmeFairAccessPlaceAllocated', { ...data, clocksStopped: [...clocksStopped], ...s436A(ctx) }),
    ];
  },
};

/**
 * A referral still waiting for its place: referred and no place allocated, with the placement clock open (a
 * referral stored before the agreement was recorded started it) or not yet agreed. Once the child is on roll
 * the clock has stopped and a referral not yet agreed is not waiting either: the child is placed.
 */
function awaitingPlace(state: CmeCase): boolean {
  const referral = state.fairAccess;
  if (referral === null || referral.place !== null) return false;
  if (state.clocks.fairAccessPlacement) return true;
  return state.whereabouts?.kind !== 'on_roll' && referral.agreedOn === null;
}
