import { z } from 'zod';

/** 'YYYY-MM-DD': a calendar date in Europe/London, with no time and no zone. */
export type IsoDate = string;

/*
 * Dates are handled as day numbers (days since 1970-01-01) rather than Date objects: the projections
 * do this arithmetic millions of times, and a Date carries the host's time zone into date-only maths.
 * The conversions are Howard Hinnant's civil-calendar algorithms (proleptic Gregorian).
 */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12; // March = 0, so the leap day ends the shifted year
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

const CHAR_0 = 48;
const CHAR_DASH = 45;

/** The number written in `count` digits from `from`, or -1 if any is not a digit. Integers only, for speed. */
export function readDigits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - CHAR_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A real calendar date packed as year * 10000 + month * 100 + day (so 2025-03-31 is 20250331 and the
 * month-and-day is the remainder by 10000), or -1 when `value` is not one.
 */
export function packedDate(value: string): number {
  return value.length === 10 ? packedDateAt(value, 0) : -1;
}

/** As packedDate, for the date written at `start` in a longer text (an instant, say), without slicing it out. */
export function packedDateAt(text: string, start: number): number {
  if (text.charCodeAt(start + 4) !== CHAR_DASH || text.charCodeAt(start + 7) !== CHAR_DASH) return -1;
  const year = readDigits(text, start, 4);
  const month = readDigits(text, start + 5, 2);
  const day = readDigits(text, start + 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return year * 10000 + month * 100 + day;
}

export function isIsoDate(value: string): boolean {
  return packedDate(value) !== -1;
}

/** The packed form of a date that must be real; a RangeError otherwise. */
export function packedDateOrThrow(value: string): number {
  const packed = packedDate(value);
  if (packed === -1) throw new RangeError(`Not a calendar date in the form YYYY-MM-DD: "${value}"`);
  return packed;
}

export function dayNumberFromPacked(packed: number): number {
  return dayNumberFromParts(Math.floor(packed / 10000), Math.floor(packed / 100) % 100, packed % 100);
}

export function toDayNumber(date: IsoDate): number {
  return dayNumberFromPacked(packedDateOrThrow(date));
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function formatDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Formatted dates from 1900 to 2199 are kept, so hot loops hand back the same strings instead of building new ones.
const CACHE_FIRST_DAY = dayNumberFromParts(1900, 1, 1);
const CACHE_LAST_DAY = dayNumberFromParts(2199, 12, 31);
const formattedDates: (IsoDate | undefined)[] = Array.from({ length: CACHE_LAST_DAY - CACHE_FIRST_DAY + 1 });

export function fromDayNumber(dayNumber: number): IsoDate {
  if (dayNumber < CACHE_FIRST_DAY || dayNumber > CACHE_LAST_DAY) return formatDayNumber(dayNumber);
  const index = dayNumber - CACHE_FIRST_DAY;
  let formatted = formattedDates[index];
  if (formatted === undefined) {
    formatted = formatDayNumber(dayNumber);
    formattedDates[index] = formatted;
  }
  return formatted;
}

export function yearOfDayNumber(dayNumber: number): number {
  // The mean Gregorian year puts the estimate at most a year out, and only around New Year
  const estimate = Math.floor(1970 + dayNumber / 365.2425);
  if (dayNumberFromParts(estimate + 1, 1, 1) <= dayNumber) return estimate + 1;
  if (dayNumberFromParts(estimate, 1, 1) > dayNumber) return estimate - 1;
  return estimate;
}

/** 0 = Sunday ... 6 = Saturday, as Date#getDay. 1970-01-01 was a Thursday. */
export function dayOfWeek(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function assertWholeNumber(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  assertWholeNumber(n, 'Days');
  return fromDayNumber(toDayNumber(date) + n);
}

/** Calendar months; a day that does not exist in the target month becomes its last day (29 Feb + 12 months = 28 Feb). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const packed = packedDateOrThrow(date);
  assertWholeNumber(n, 'Months');
  const monthIndex = Math.floor(packed / 10000) * 12 + (Math.floor(packed / 100) % 100) - 1 + n;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(packed % 100, daysInMonth(year, month));
  return fromDayNumber(dayNumberFromParts(year, month, day));
}

/** "N days beginning with D" counts D itself, so the period ends on D + N − 1. */
export function endOfPeriodBeginningWith(date: IsoDate, days: number): IsoDate {
  assertWholeNumber(days, 'Days');
  return fromDayNumber(toDayNumber(date) + days - 1);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

// zod's date format checks days per month and leap years as isIsoDate does (a test holds them together),
// and it gives the API document `format: date`.
export const isoDateSchema = z.iso.date({ error: 'must be a real calendar date in the form YYYY-MM-DD' });
