import { tz } from '@date-fns/tz';
import { addDays, addMonths as addMonthsByDateFns, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  endOfPeriodBeginningWith,
  isIsoDate,
  isoDateSchema,
} from '../../../src/domain/calendar/index.js';

describe('endOfPeriodBeginningWith', () => {
  it('ends "15 days beginning with 3 March 2025" on 17 March', () => {
    expect(endOfPeriodBeginningWith('2025-03-03', 15)).toBe('2025-03-17');
  });

  it('ends a one-day period on the day it begins', () => {
    expect(endOfPeriodBeginningWith('2025-03-03', 1)).toBe('2025-03-03');
  });

  it('ends "8 weeks beginning with" a direction 55 days later', () => {
    expect(endOfPeriodBeginningWith('2026-01-05', 56)).toBe('2026-03-01');
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-02-29', 12, '2025-02-28', '12 months after 29 February is 28 February'],
    ['2024-02-29', 48, '2028-02-29', 'unless it is a leap year again'],
    ['2025-01-31', 1, '2025-02-28', 'the last day of a shorter month'],
    ['2024-01-31', 1, '2024-02-29', 'the last day of February in a leap year'],
    ['2025-11-15', 2, '2026-01-15', 'across the year end'],
    ['2025-03-31', -1, '2025-02-28', 'backwards'],
  ])('%s + %i months = %s (%s)', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });
});

describe('addCalendarDays', () => {
  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2026-03-28', 2, '2026-03-30'], // across the change to BST: dates know nothing of clocks
  ])('%s + %i days = %s', (date, n, expected) => {
    expect(addCalendarDays(date, n)).toBe(expected);
    expect(calendarDaysBetween(date, expected)).toBe(n);
  });
});

describe('agreement with date-fns (computed in UTC, so the host zone cannot interfere)', () => {
  const utc = tz('UTC');
  const someDay = fc.date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2199-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  const asIsoDate = (date: Date) => format(date, 'yyyy-MM-dd', { in: utc });

  it('adds calendar days as date-fns does', () => {
    fc.assert(
      fc.property(someDay, fc.integer({ min: -3000, max: 3000 }), (day, n) => {
        expect(addCalendarDays(asIsoDate(day), n)).toBe(asIsoDate(addDays(day, n, { in: utc })));
      }),
    );
  });

  it('adds months as date-fns does', () => {
    fc.assert(
      fc.property(someDay, fc.integer({ min: -240, max: 240 }), (day, n) => {
        expect(addMonths(asIsoDate(day), n)).toBe(asIsoDate(addMonthsByDateFns(day, n, { in: utc })));
      }),
    );
  });
});

describe('isIsoDate', () => {
  it.each(['2025-01-01', '2024-02-29', '2000-02-29', '1999-12-31'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    ['2025-02-30', 'no 30 February'],
    ['2025-02-29', 'not a leap year'],
    ['1900-02-29', 'centuries are not leap years unless divisible by 400'],
    ['2025-13-01', 'no 13th month'],
    ['2025-00-10', 'no month 0'],
    ['2025-04-31', 'April has 30 days'],
    ['2025-1-01', 'two-digit month'],
    ['20250101', 'dashes'],
    ['2025-01-01T00:00:00Z', 'a date, not an instant'],
    [' 2025-01-01', 'nothing around it'],
    ['', 'empty'],
  ])('rejects %s (%s)', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it('backs the zod schema, with a message saying what is wrong', () => {
    expect(isoDateSchema.safeParse('2025-03-03').success).toBe(true);
    const result = isoDateSchema.safeParse('2025-02-30');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map(({ message }) => message)).toEqual([
      'must be a real calendar date in the form YYYY-MM-DD',
    ]);
  });

  it('agrees with the zod schema on every string shaped like a date', () => {
    const digits = (length: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
    const dateLike = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`);
    fc.assert(
      fc.property(dateLike, (value) => {
        expect(isoDateSchema.safeParse(value).success).toBe(isIsoDate(value));
      }),
      { numRuns: 5000 },
    );
    for (const leapDay of ['2000-02-29', '1900-02-29', '2024-02-29', '2100-02-29', '0000-02-29']) {
      expect(isoDateSchema.safeParse(leapDay).success).toBe(isIsoDate(leapDay));
    }
  });
});

describe('malformed input', () => {
  it('throws a RangeError rather than computing with it', () => {
    expect(() => addCalendarDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('not a date', 1)).toThrow(RangeError);
    expect(() => addMonths('2025-01-01', 0.5)).toThrow(RangeError);
    expect(() => endOfPeriodBeginningWith('2025-01-01', Number.NaN)).toThrow(RangeError);
  });
});
