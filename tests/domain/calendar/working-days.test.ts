import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, createCalendar } from '../../../src/domain/calendar/index.js';

const calendar = createCalendar();

describe('isWorkingDay', () => {
  it.each([
    ['2025-11-24', true, 'a Monday'],
    ['2025-11-22', false, 'a Saturday'],
    ['2025-11-23', false, 'a Sunday'],
    ['2025-12-25', false, 'Christmas Day'],
    ['2022-05-30', true, 'the usual spring bank holiday Monday, moved in 2022'],
    ['2022-06-02', false, 'the moved spring bank holiday'],
    ['2022-09-19', false, 'the Queen’s funeral'],
  ])('%s is %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it('treats council closure days and late-announced bank holidays as non-working', () => {
    const council = createCalendar({
      closureDays: ['2025-12-29'],
      extraBankHolidays: [{ date: '2026-06-01', name: 'A new one-off holiday' }],
    });
    expect(council.isWorkingDay('2025-12-29')).toBe(false);
    expect(council.isWorkingDay('2026-06-01')).toBe(false);
    expect(calendar.isWorkingDay('2025-12-29')).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2025-12-24', 5, '2026-01-05', 'a referral on Christmas Eve is due on 5 January'],
    ['2025-12-19', 5, '2025-12-30', 'Christmas Day and Boxing Day are skipped'],
    ['2025-12-31', 1, '2026-01-02', 'New Year’s Day is skipped'],
    ['2025-12-25', 1, '2025-12-30', 'received on Christmas Day counts as received on Monday 29th'],
    ['2026-04-02', 1, '2026-04-07', 'Good Friday, the weekend and Easter Monday are skipped'],
    ['2026-04-01', 5, '2026-04-10', 'five working days across Easter 2026'],
    ['2022-06-01', 1, '2022-06-06', 'the moved spring holiday and the platinum jubilee are skipped'],
    ['2022-05-27', 1, '2022-05-30', 'the usual spring bank holiday date was worked in 2022'],
    ['2022-09-16', 1, '2022-09-20', 'the Queen’s funeral is skipped'],
    ['2023-05-05', 1, '2023-05-09', 'the coronation holiday is skipped'],
    ['2020-05-07', 1, '2020-05-11', 'VE day 2020 is skipped'],
    ['2020-05-01', 1, '2020-05-04', 'the early May date moved for VE day was worked in 2020'],
    ['2025-11-24', 5, '2025-12-01', 'Monday + 5 is the Monday week'],
    ['2025-11-22', 5, '2025-12-01', 'received on Saturday counts as Monday: Saturday + 5 is the Monday week'],
    ['2025-11-23', 5, '2025-12-01', 'received on Sunday counts as Monday'],
    ['2025-11-21', 1, '2025-11-24', 'Friday + 1 is Monday'],
    ['2025-11-24', 0, '2025-11-24', '0 working days after a working day is that day'],
    ['2025-11-22', 0, '2025-11-24', '0 working days after a Saturday is the Monday it counts as'],
    ['2025-11-24', -1, '2025-11-21', 'a negative count goes back: one working day before Monday is Friday'],
    ['2026-01-05', -5, '2025-12-24', 'counting back over Christmas'],
  ])('%s + %i working days = %s (%s)', (date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  it('skips council closure days', () => {
    const council = createCalendar({ closureDays: ['2025-12-29', '2025-12-30', '2025-12-31'] });
    expect(council.addWorkingDays('2025-12-24', 5)).toBe('2026-01-08');
  });

  it('rejects a malformed date and a fractional count', () => {
    expect(() => calendar.addWorkingDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-11-24', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2025-12-24', '2026-01-05', 5, 'Christmas Eve to 5 January'],
    ['2025-11-24', '2025-11-28', 4, 'Monday to Friday'],
    ['2025-11-24', '2025-11-24', 0, 'the same day'],
    ['2025-11-28', '2025-11-24', 0, 'backwards'],
    ['2025-11-22', '2025-11-24', 0, 'Saturday counts as Monday, so nothing lies between'],
    ['2025-11-22', '2025-12-01', 5, 'Saturday to the Monday week'],
    ['2025-11-22', '2025-11-23', 0, 'within a weekend'],
  ])('from %s to %s is %i (%s)', (from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
  });
});

const someDate = fc.integer({ min: 0, max: 365 * 12 }).map((offset) => addCalendarDays('2018-01-01', offset));
const someCount = fc.integer({ min: 0, max: 60 });

describe('working days, for any date', () => {
  it('addWorkingDays lands on a working day and workingDaysBetween counts the same days back', () => {
    fc.assert(
      fc.property(someDate, someCount, (date, n) => {
        const due = calendar.addWorkingDays(date, n);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(calendar.workingDaysBetween(date, due)).toBe(n);
      }),
    );
  });

  it('from a working day, counting back undoes counting forward', () => {
    fc.assert(
      fc.property(someDate, someCount, (date, n) => {
        fc.pre(calendar.isWorkingDay(date));
        expect(calendar.addWorkingDays(calendar.addWorkingDays(date, n), -n)).toBe(date);
      }),
    );
  });

  it('one more working day is never earlier', () => {
    fc.assert(
      fc.property(someDate, someCount, (date, n) => {
        expect(calendar.addWorkingDays(date, n + 1) > calendar.addWorkingDays(date, n)).toBe(true);
      }),
    );
  });
});

describe('workingDaysBetween over long spans', () => {
  const council = createCalendar({
    closureDays: ['2025-12-29', '2025-12-30', '2025-12-31', '2026-12-25', '2027-06-05'],
    extraBankHolidays: [{ date: '2027-05-03', name: 'the same day as early May' }],
  });

  /** The rule as written: move `from` to a working day, then count working days one by one. */
  const countOneByOne = (from: string, to: string): number => {
    let day = from;
    while (day < to && !council.isWorkingDay(day)) day = addCalendarDays(day, 1);
    let count = 0;
    while (day < to) {
      day = addCalendarDays(day, 1);
      if (council.isWorkingDay(day)) count++;
    }
    return count;
  };

  it('counts 2026 as 253 working days: 261 weekdays less 8 bank holidays', () => {
    expect(createCalendar().workingDaysBetween('2025-12-31', '2026-12-31')).toBe(253);
  });

  it('takes a closure day off only when it is not already a bank holiday', () => {
    // The council's closure on 2026-12-25 is Christmas Day anyway
    expect(council.workingDaysBetween('2026-01-05', '2026-12-31')).toBe(
      createCalendar().workingDaysBetween('2026-01-05', '2026-12-31'),
    );
    // 29, 30 and 31 December 2025 are closures on weekdays inside this span
    expect(council.workingDaysBetween('2025-06-30', '2026-06-30')).toBe(
      createCalendar().workingDaysBetween('2025-06-30', '2026-06-30') - 3,
    );
  });

  it('agrees with counting one day at a time, closures and duplicated holidays included', () => {
    const someDate = fc
      .integer({ min: 0, max: 365 * 6 })
      .map((offset) => addCalendarDays('2023-01-01', offset));
    fc.assert(
      fc.property(someDate, someDate, (from, to) => {
        expect(council.workingDaysBetween(from, to)).toBe(countOneByOne(from, to));
      }),
      { numRuns: 300 },
    );
  });
});
