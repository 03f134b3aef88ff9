import { describe, expect, it } from 'vitest';
import { cmeEvent } from '../../../src/domain/cme/index.js';
import { ageDateOfBirth } from '../../../src/domain/cme/state.js';
import { allocated, closed, command, given, history, referral, referralData } from './fixtures.js';

/** An untraced child whose date of birth nobody knows: only the name and a sibling's school year. */
const unknownBirth = () => referral({ child: { ...referralData.child, dateOfBirth: undefined } });
const estimate = (dateOfBirth: string) =>
  command('EstimateDateOfBirth', {
    estimatedOn: '2026-11-16',
    dateOfBirth,
    basis: 'The neighbour says he was in Year 8 at the school his sister attends.',
  });

describe('an estimated date of birth for an untraced child (issue 15 item 10)', () => {
  it('is recorded as an estimate, with its basis', () => {
    given(history(unknownBirth(), allocated()))
      .when(estimate('2013-09-01'))
      .then([
        cmeEvent('CmeDateOfBirthEstimated', {
          estimatedOn: '2026-11-16',
          dateOfBirth: '2013-09-01',
          basis: 'The neighbour says he was in Year 8 at the school his sister attends.',
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
  });

  it('is not recorded for a child whose date of birth is known', () => {
    given(history(referral(), allocated())).when(estimate('2013-09-01')).then('date_of_birth_known');
  });

  it('cannot be in the future', () => {
    given(history(unknownBirth(), allocated()))
      .when(estimate('2026-12-01'))
      .then('date_in_future', 'dateOfBirth');
  });

  it('a later estimate replaces the earlier one, still flagged as estimated', () => {
    const state = given(
      history(unknownBirth(), allocated(), estimate('2013-09-01'), estimate('2012-09-01')),
    ).state;
    expect(state.status === 'open' && ageDateOfBirth(state)).toEqual({
      dateOfBirth: '2012-09-01',
      estimated: true,
    });
  });

  it('a known date of birth is not an estimate', () => {
    const state = given(history(referral(), allocated())).state;
    expect(state.status === 'open' && ageDateOfBirth(state)).toEqual({
      dateOfBirth: referralData.child.dateOfBirth,
      estimated: false,
    });
  });

  it('lets the case close at the end of compulsory school age, which an unknown date of birth does not', () => {
    const atEnd = closed({ destination: 'end_of_compulsory_school_age' });
    given(history(unknownBirth(), allocated())).when(atEnd).then('field_required', 'destination');
    // Born 1 September 2009 (estimated): 16 in the school year 2025-26, leaving on Friday 26 June 2026.
    given(history(unknownBirth(), allocated(), estimate('2009-09-01')))
      .when(atEnd)
      .thenAccepted();
    given(history(unknownBirth(), allocated(), estimate('2013-09-01')))
      .when(atEnd)
      .then('still_of_compulsory_school_age', 'closedOn');
  });

  it('the sweep closes the case of a child past the leaving date by the estimate', () => {
    const sweep = command('CloseAtEndOfSchoolAge', { leavingDate: '2026-06-26' });
    const [event] = given(history(unknownBirth(), allocated(), estimate('2009-09-01')))
      .when(sweep)
      .thenAccepted();
    expect(event?.type).toBe('CmeCaseClosed');
  });
});
