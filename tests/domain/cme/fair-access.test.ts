import { describe, expect, it } from 'vitest';
import { cmeEvent } from '../../../src/domain/cme/index.js';
import { allocated, command, found, given, history, referral, startedClock } from './fixtures.js';

/**
 * School Admissions Code 2021, "Fair Access Protocols": where it has been agreed that a child will be
 * considered under the protocol, a school place must be allocated within 20 school days; the child should
 * then start at the school as soon as possible (no period is set for the start).
 */
const school = { name: "Oasis Academy Lord's Hill", urn: '135961' };
const refer = command('ReferToFairAccess', { referredOn: '2026-11-11' });
const agree = command('AgreeFairAccessConsideration', { agreedOn: '2026-11-18' });
const allocate = command('RecordFairAccessPlaceAllocated', { allocatedOn: '2026-11-20', school });
const onRoll = { kind: 'on_roll' as const, school, onRollFrom: '2026-11-23' };

describe('the Fair Access placement clock', () => {
  it('does not start when the child is referred to the protocol', () => {
    const [event] = given(history(referral(), allocated(), found()))
      .when(refer)
      .thenAccepted();
    expect(event?.type === 'CmeFairAccessReferralMade' && event.data.clocksStarted).toEqual([]);
  });

  it('starts on the day the child is agreed to be considered: 20 school days after it', () => {
    given(history(referral(), allocated(), found(), refer))
      .when(agree)
      .then([
        cmeEvent('CmeFairAccessConsiderationAgreed', {
          agreedOn: '2026-11-18',
          clocksStarted: [startedClock('fairAccessPlacement', '2026-11-18', '2026-12-16', 'school')],
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
  });

  it('stops when a place is allocated, not when the child starts at the school', () => {
    given(history(referral(), allocated(), found(), refer, agree))
      .when(allocate)
      .then([
        cmeEvent('CmeFairAccessPlaceAllocated', {
          allocatedOn: '2026-11-20',
          school,
          clocksStopped: ['fairAccessPlacement'],
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
    const state = given(history(referral(), allocated(), found(), refer, agree, allocate)).state;
    expect(state.status === 'open' && state.clocks.fairAccessPlacement).toBeUndefined();
    expect(state.status === 'open' && state.fairAccess).toEqual({
      referredOn: '2026-11-11',
      agreedOn: '2026-11-18',
      place: { allocatedOn: '2026-11-20', school },
    });
  });

  it('the start at the school is recorded apart, once the child is on roll', () => {
    const [event] = given(history(referral(), allocated(), found(), refer, agree, allocate))
      .when(found(onRoll))
      .thenAccepted();
    expect(event?.type === 'WhereaboutsEstablished' && event.data.clocksStopped).toEqual([]);
  });
});

describe('the Fair Access steps in order', () => {
  it('a child is agreed to be considered only once referred', () => {
    given(history(referral(), allocated(), found()))
      .when(agree)
      .then('fair_access_not_referred');
  });

  it('not before the referral', () => {
    given(history(referral(), allocated(), found(), refer))
      .when(command('AgreeFairAccessConsideration', { agreedOn: '2026-11-10' }))
      .then('date_before_previous_step', 'agreedOn');
  });

  it('a place is allocated only once the child was agreed to be considered, and not before', () => {
    given(history(referral(), allocated(), found(), refer))
      .when(allocate)
      .then('fair_access_not_agreed');
    given(history(referral(), allocated(), found(), refer, agree))
      .when(command('RecordFairAccessPlaceAllocated', { allocatedOn: '2026-11-17', school }))
      .then('date_before_previous_step', 'allocatedOn');
  });

  it('is agreed once and allocated once', () => {
    given(history(referral(), allocated(), found(), refer, agree))
      .when(agree)
      .then('fair_access_agreed');
    given(history(referral(), allocated(), found(), refer, agree, allocate))
      .when(allocate)
      .then('fair_access_place_allocated');
  });

  it('a new referral waits for the last one to end in a place', () => {
    given(history(referral(), allocated(), found(), refer, agree))
      .when(refer)
      .then('fair_access_pending');
    given(history(referral(), allocated(), found(), refer, agree, allocate))
      .when(command('ReferToFairAccess', { referredOn: '2026-11-21' }))
      .thenAccepted();
  });
});
