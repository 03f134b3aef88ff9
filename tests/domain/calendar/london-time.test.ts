import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  endOfLondonDay,
  londonDate,
  startOfLondonDay,
} from '../../../src/domain/calendar/index.js';

describe('londonDate', () => {
  it.each([
    ['2026-07-01T23:30:00Z', '2026-07-02', 'a summer evening at 23:30Z is already tomorrow in London (BST)'],
    ['2026-01-15T23:30:00Z', '2026-01-15', 'a winter evening at 23:30Z is still today (GMT)'],
    ['2026-03-29T00:30:00Z', '2026-03-29', 'the night the clocks go forward, before 01:00Z'],
    ['2026-03-29T23:30:00Z', '2026-03-30', 'the evening after the clocks went forward'],
    ['2026-10-24T23:30:00Z', '2026-10-25', 'the night the clocks go back, still in BST'],
    ['2026-10-25T23:30:00Z', '2026-10-25', 'the evening after the clocks went back'],
    ['2026-07-01T23:30:00+01:00', '2026-07-01', 'an instant written with its offset'],
  ])('%s is %s (%s)', (instant, expected) => {
    expect(londonDate(instant)).toBe(expected);
    expect(londonDate(new Date(instant))).toBe(expected);
  });

  it('refuses a time without a zone, which would be read in the host’s zone', () => {
    expect(() => londonDate('2026-07-01T23:30:00')).toThrow(RangeError);
    expect(() => londonDate('yesterday')).toThrow(RangeError);
  });
});

describe('startOfLondonDay and endOfLondonDay', () => {
  it('span 23 hours on the day the clocks go forward', () => {
    expect(startOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(endOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T22:59:59.999Z');
  });

  it('span 25 hours on the day the clocks go back', () => {
    expect(startOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(endOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-25T23:59:59.999Z');
  });

  it('end a summer day at 22:59:59.999Z and a winter day at 23:59:59.999Z', () => {
    expect(endOfLondonDay('2026-07-01').toISOString()).toBe('2026-07-01T22:59:59.999Z');
    expect(endOfLondonDay('2026-01-15').toISOString()).toBe('2026-01-15T23:59:59.999Z');
  });

  it('bound the London date exactly, on every day', () => {
    const someDate = fc
      .integer({ min: 0, max: 365 * 30 })
      .map((offset) => addCalendarDays('2000-01-01', offset));
    fc.assert(
      fc.property(someDate, (date) => {
        const start = startOfLondonDay(date).getTime();
        const end = endOfLondonDay(date).getTime();
        expect(londonDate(new Date(start))).toBe(date);
        expect(londonDate(new Date(end))).toBe(date);
        expect(londonDate(new Date(start - 1))).toBe(addCalendarDays(date, -1));
        expect(londonDate(new Date(end + 1))).toBe(addCalendarDays(date, 1));
      }),
      { numRuns: 500 },
    );
  });
});

describe('londonDate of an instant written as toISOString writes it', () => {
  it('agrees with reading it through Date, for any instant', () => {
    const someInstant = fc.date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(someInstant, fc.boolean(), (instant, withMilliseconds) => {
        const written = withMilliseconds
          ? instant.toISOString()
          : instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
        expect(londonDate(written)).toBe(londonDate(new Date(written)));
      }),
      { numRuns: 2000 },
    );
  });

  it('still refuses impossible times written in that form', () => {
    expect(() => londonDate('2026-02-30T10:00:00Z')).toThrow(RangeError);
    expect(() => londonDate('2026-01-01T24:30:00Z')).toThrow(RangeError);
    expect(() => londonDate('2026-02-30T10:00:00+01:00')).toThrow(RangeError);
    expect(() => londonDate('Thu, 01 Jan 2026 10:00:00 GMT')).toThrow(RangeError);
  });
});
