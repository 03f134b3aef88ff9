import { ONE_OFF_CHANGES } from './bank-holiday-one-offs.js';
import {
  dayNumberFromParts,
  dayOfWeek,
  fromDayNumber,
  type IsoDate,
  toDayNumber,
  yearOfDayNumber,
} from './iso-date.js';

export interface BankHoliday {
  date: IsoDate;
  name: string;
}

const SUNDAY = 0;
const MONDAY = 1;
const FRIDAY = 5;
const SATURDAY = 6;

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher), as a day number. */
function easterSundayDayNumber(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberFromParts(year, month, day);
}

export function easterSunday(year: number): IsoDate {
  return fromDayNumber(easterSundayDayNumber(year));
}

function firstMonday(year: number, month: number): number {
  const first = dayNumberFromParts(year, month, 1);
  return first + ((MONDAY - dayOfWeek(first) + 7) % 7);
}

function lastMonday(year: number, month: number, lastDay: number): number {
  const last = dayNumberFromParts(year, month, lastDay);
  return last - ((dayOfWeek(last) - MONDAY + 7) % 7);
}

function newYearsDay(year: number): number {
  const day = dayNumberFromParts(year, 1, 1);
  const weekday = dayOfWeek(day);
  if (weekday === SATURDAY) return day + 2;
  if (weekday === SUNDAY) return day + 1;
  return day;
}

/** Christmas Day and Boxing Day, moved to the next weekdays when they fall at a weekend, named as GOV.UK names them. */
function christmas(year: number): [christmasDay: number, boxingDay: number] {
  const christmasDay = dayNumberFromParts(year, 12, 25);
  switch (dayOfWeek(christmasDay)) {
    case FRIDAY:
      return [christmasDay, christmasDay + 3];
    case SATURDAY:
      return [christmasDay + 2, christmasDay + 3];
    case SUNDAY:
      // Boxing Day keeps its Monday; Christmas takes the Tuesday
      return [christmasDay + 2, christmasDay + 1];
    default:
      return [christmasDay, christmasDay + 1];
  }
}

function computeBankHolidays(year: number): readonly BankHoliday[] {
  const easter = easterSundayDayNumber(year);
  const [christmasDay, boxingDay] = christmas(year);
  const byRule: [number, string][] = [
    [newYearsDay(year), "New Year's Day"],
    [easter - 2, 'Good Friday'],
    [easter + 1, 'Easter Monday'],
    [firstMonday(year, 5), 'Early May bank holiday'],
    [lastMonday(year, 5, 31), 'Spring bank holiday'],
    [lastMonday(year, 8, 31), 'Summer bank holiday'],
    [christmasDay, 'Christmas Day'],
    [boxingDay, 'Boxing Day'],
  ];
  const changes = ONE_OFF_CHANGES[year] ?? [];
  const replaced = new Set(
    changes.flatMap((change) => (change.replaces ? [toDayNumber(change.replaces)] : [])),
  );
  const holidays = byRule
    .filter(([day]) => !replaced.has(day))
    .map(([day, name]) => ({ day, name }))
    .concat(changes.map(({ date, name }) => ({ day: toDayNumber(date), name })));
  holidays.sort((a, b) => a.day - b.day);
  return Object.freeze(holidays.map(({ day, name }) => Object.freeze({ date: fromDayNumber(day), name })));
}

const holidaysByYear = new Map<number, readonly BankHoliday[]>();
const holidayDayNumbersByYear = new Map<number, readonly number[]>();

function holidaysOf(year: number): readonly BankHoliday[] {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = computeBankHolidays(year);
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

/** The year's bank holidays as day numbers, in date order. */
export function bankHolidayDayNumbers(year: number): readonly number[] {
  let days = holidayDayNumbersByYear.get(year);
  if (!days) {
    days = Object.freeze(holidaysOf(year).map(({ date }) => toDayNumber(date)));
    holidayDayNumbersByYear.set(year, days);
  }
  return days;
}

/**
 * England and Wales bank holidays of a year, by the rules in force since 1978 plus the one-off changes.
 * Earlier years get the same rules, which is not how they were.
 */
export function bankHolidays(year: number): BankHoliday[] {
  if (!Number.isInteger(year)) throw new RangeError(`Year must be a whole number, got ${year}`);
  return holidaysOf(year).map((holiday) => ({ ...holiday }));
}

// One set of day numbers covering a contiguous run of whole years, grown on demand, so a lookup is a Set#has.
const bankHolidayDays = new Set<number>();
let firstCoveredYear = Number.NaN;
let lastCoveredYear = Number.NaN;
let coveredFrom = 0;
let coveredTo = -1;

function cover(year: number): void {
  if (Number.isNaN(firstCoveredYear)) {
    firstCoveredYear = year;
    lastCoveredYear = year - 1;
  }
  while (year < firstCoveredYear) addYear(--firstCoveredYear);
  while (year > lastCoveredYear) addYear(++lastCoveredYear);
  coveredFrom = dayNumberFromParts(firstCoveredYear, 1, 1);
  coveredTo = dayNumberFromParts(lastCoveredYear, 12, 31);
}

function addYear(year: number): void {
  for (const day of bankHolidayDayNumbers(year)) bankHolidayDays.add(day);
}

export function isBankHolidayDayNumber(dayNumber: number): boolean {
  if (dayNumber < coveredFrom || dayNumber > coveredTo) cover(yearOfDayNumber(dayNumber));
  return bankHolidayDays.has(dayNumber);
}

export function isBankHoliday(date: IsoDate): boolean {
  return isBankHolidayDayNumber(toDayNumber(date));
}
