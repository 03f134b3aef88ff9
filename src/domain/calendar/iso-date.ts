import { z } from 'zod';

/** 'YYYY-MM-DD': a calendar date in Europe/London, with no time and no zone. */
export type IsoDate = string;

/*
 * Dates are handled as day numbers (days since 1970-01-01) rather than Date objects: the projections
 * do this arithmetic millions of times, and a Date carries the host's time zone into date-only maths.
 * The conversions are Howard Hinnant's civil-calendar algorithms (proleptic Gregorian).
 */

const CHAR_0 = 48;
const CHAR_DASH = 45;

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

function digitAt(text: string, index: number): number {
  const digit = text.charCodeAt(index) - CHAR_0;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
}

function readNumber(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + digitAt(text, i);
  return value;
}

/** Year, month and day of a well-formed IsoDate (NaN when a field is not digits). */
export const yearOf = (date: IsoDate): number => readNumber(date, 0, 4);
export const monthOf = (date: IsoDate): number => readNumber(date, 5, 7);
export const dayOf = (date: IsoDate): number => readNumber(date, 8, 10);

export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== CHAR_DASH || value.charCodeAt(7) !== CHAR_DASH) {
    return false;
  }
  const year = yearOf(value);
  const month = monthOf(value);
  const day = dayOf(value);
  // NaN fails every comparison, so non-digits are rejected here too
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function assertIsoDate(value: string): void {
  if (!isIsoDate(value)) throw new RangeError(`Not a calendar date in the form YYYY-MM-DD: "${value}"`);
}

export function toDayNumber(date: IsoDate): number {
  assertIsoDate(date);
  return dayNumberFromParts(yearOf(date), monthOf(date), dayOf(date));
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
  assertIsoDate(date);
  assertWholeNumber(n, 'Months');
  const monthIndex = yearOf(date) * 12 + (monthOf(date) - 1) + n;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(dayOf(date), daysInMonth(year, month));
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

// z.iso.date gives the API document its `format: date`; the refinement is the authority on real dates.
export const isoDateSchema = z.iso
  .date({ error: 'must be a date in the form YYYY-MM-DD' })
  .refine(isIsoDate, { error: 'must be a real calendar date in the form YYYY-MM-DD' });
