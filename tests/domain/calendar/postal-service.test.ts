import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  deemedPostalDelivery,
  endOfPeriodBeginningWith,
  isBankHoliday,
} from '../../../src/domain/calendar/index.js';

describe('Interpretation Act 1978 s.7: served "at the time at which the letter would be delivered in the ordinary course of post"', () => {
  it.each([
    ['2026-06-05', 'first', '2026-06-09', 'posted on a Friday: Monday, then Tuesday'],
    ['2026-06-06', 'first', '2026-06-09', 'posted on a Saturday: still Tuesday, not Wednesday'],
    ['2026-05-21', 'first', '2026-05-26', 'Thursday, over the spring bank holiday (Monday 25 May)'],
    ['2026-05-21', 'second', '2026-05-28', 'second class: the fourth working day'],
    ['2026-04-02', 'first', '2026-04-08', 'over Good Friday and Easter Monday'],
    ['2026-04-30', 'first', '2026-05-05', 'over a month end and the early May bank holiday'],
    [
      '2026-12-23',
      'first',
      '2026-12-29',
      'over Christmas Day and the substitute Boxing Day (Monday 28 December)',
    ],
  ] as const)('posted %s %s class is served %s (%s)', (postedOn, postClass, servedOn, _why) => {
    expect(deemedPostalDelivery(postedOn, postClass)).toBe(servedOn);
  });

  it('the s.437(2) period of 15 days "beginning with the day on which the notice is served" then runs from the deemed day', () => {
    // The case the old test pinned: issued and posted Friday 5 June 2026, first class.
    expect(endOfPeriodBeginningWith(deemedPostalDelivery('2026-06-05', 'first'), 15)).toBe('2026-06-23');
  });

  it('is a weekday that is not a bank holiday, after the posting day, and second class is never earlier', () => {
    const days = fc.integer({ min: 0, max: 5 * 366 }).map((n) => addCalendarDays('2026-01-01', n));
    fc.assert(
      fc.property(days, (postedOn) => {
        for (const postClass of ['first', 'second'] as const) {
          const servedOn = deemedPostalDelivery(postedOn, postClass);
          const weekday = new Date(`${servedOn}T12:00:00Z`).getUTCDay();
          expect(servedOn > postedOn).toBe(true);
          expect(weekday === 0 || weekday === 6 || isBankHoliday(servedOn)).toBe(false);
        }
        expect(deemedPostalDelivery(postedOn, 'second') > deemedPostalDelivery(postedOn, 'first')).toBe(true);
      }),
    );
  });
});
