import { bankHolidayDayNumbers, isBankHolidayDayNumber } from './bank-holidays.js';
import { type CalendarConfig, calendarConfigSchema } from './calendar-config.js';
import {
  addCalendarDays,
  addMonths,
  dayOfWeek,
  endOfPeriodBeginningWith,
  fromDayNumber,
  type IsoDate,
  toDayNumber,
  yearOfDayNumber,
} from './iso-date.js';
import { type TermCalendar, termCalendar } from './term-dates.js';

export interface Calendar {
  /** Monday to Friday, not a bank holiday, not a council closure day. */
  isWorkingDay(date: IsoDate): boolean;
  /** A working day inside a term: the school's terms where set, else the council's, else any working day. */
  isSchoolDay(date: IsoDate, schoolId?: string): boolean;
  /** False when school days fall back to working days, which reports must say. */
  hasTermDates(schoolId?: string): boolean;
  addCalendarDays(date: IsoDate, n: number): IsoDate;
  /** 12 months after 2024-02-29 is 2025-02-28. */
  addMonths(date: IsoDate, n: number): IsoDate;
  /** "N days beginning with D" ends on D + N − 1. */
  endOfPeriodBeginningWith(date: IsoDate, days: number): IsoDate;
  /**
   * The Nth working day after `date`, which is not counted. A start on a non-working day counts as received
   * on the next working day (Saturday + 5 is the Monday week, as Monday + 5 is). A negative n counts back:
   * the Nth working day before `date`.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  addSchoolDays(date: IsoDate, n: number, schoolId?: string): IsoDate;
  /**
   * Working days after `from` up to and including `to`, with `from` moved to the next working day as
   * addWorkingDays does, so workingDaysBetween(d, addWorkingDays(d, n)) is n. 0 when `to` is not later.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  schoolDaysBetween(from: IsoDate, to: IsoDate, schoolId?: string): number;
}

/** What createCalendar gives: a Calendar that can also say where its term dates run out. */
export interface CouncilCalendar extends Calendar {
  /**
   * Whether term dates (rather than the working-day fallback) decide if `date` is a school day. Term dates
   * speak for the academic years they have terms in; a year with none falls back to working days.
   */
  termDatesCover(date: IsoDate, schoolId?: string): boolean;
}

type DayTest = (dayNumber: number) => boolean;

function assertWholeNumber(n: number): void {
  if (!Number.isInteger(n)) throw new RangeError(`A number of days must be whole, got ${n}`);
}

function addCountedDays(start: number, n: number, isCounted: DayTest): number {
  let day = start;
  if (n < 0) {
    for (let left = -n; left > 0; ) if (isCounted(--day)) left--;
    return day;
  }
  while (!isCounted(day)) day++;
  for (let left = n; left > 0; ) if (isCounted(++day)) left--;
  return day;
}

function countDaysBetween(from: number, to: number, isCounted: DayTest): number {
  let day = from;
  while (day < to && !isCounted(day)) day++;
  let count = 0;
  while (day < to) if (isCounted(++day)) count++;
  return count;
}

const isWeekend = (day: number): boolean => {
  const weekday = dayOfWeek(day);
  return weekday === 0 || weekday === 6;
};

/** Monday-to-Friday days after `from` up to and including `to`: five a whole week, the rest counted. */
function weekdaysAfter(from: number, to: number): number {
  const days = to - from;
  let count = Math.floor(days / 7) * 5;
  for (let day = from + Math.floor(days / 7) * 7 + 1; day <= to; day++) if (!isWeekend(day)) count++;
  return count;
}

// Beyond this many days, working days are counted a week at a time less the holidays, not one by one
const LONG_SPAN_DAYS = 90;

export function createCalendar(config: CalendarConfig = {}): CouncilCalendar {
  const {
    closureDays = [],
    termDates = {},
    extraBankHolidays = [],
    insetDays = {},
  } = calendarConfigSchema.parse(config);
  const officeClosures = new Set(closureDays.map(toDayNumber));
  const addedHolidays = new Set(extraBankHolidays.map(({ date }) => toDayNumber(date)));
  const replacedHolidays = new Set(
    extraBankHolidays.flatMap(({ replaces }) => (replaces ? [toDayNumber(replaces)] : [])),
  );
  const isHoliday = (day: number): boolean =>
    addedHolidays.has(day) || (isBankHolidayDayNumber(day) && !replacedHolidays.has(day));
  const councilInset = new Set((insetDays.council ?? []).map(toDayNumber));
  const schoolInset = new Map(
    Object.entries(insetDays.schools ?? {}).map(([id, days]) => [id, new Set(days.map(toDayNumber))]),
  );
  const councilTerms = termCalendar(termDates.council ?? []);
  const schoolTerms = new Map<string, TermCalendar>();
  for (const [schoolId, terms] of Object.entries(termDates.schools ?? {})) {
    const calendar = termCalendar(terms);
    if (calendar) schoolTerms.set(schoolId, calendar);
  }

  const isWorking: DayTest = (day) => !isWeekend(day) && !isHoliday(day) && !officeClosures.has(day);
  /** A weekday that is no holiday: a school may open when the council's offices close. */
  const isOpenForSchools: DayTest = (day) => !isWeekend(day) && !isHoliday(day);

  /** The same count as countDaysBetween(from, to, isWorking), in time that grows with years, not days. */
  const workingDaysBetween = (from: number, to: number): number => {
    let start = from;
    while (start < to && !isWorking(start)) start++;
    if (to - start <= LONG_SPAN_DAYS) return countDaysBetween(start, to, isWorking);
    let holidays = 0;
    for (let year = yearOfDayNumber(start + 1); year <= yearOfDayNumber(to); year++) {
      for (const day of bankHolidayDayNumbers(year))
        if (day > start && day <= to && !isWeekend(day) && !replacedHolidays.has(day)) holidays++;
    }
    for (const day of new Set([...officeClosures, ...addedHolidays])) {
      if (
        day > start &&
        day <= to &&
        !isWeekend(day) &&
        !(isBankHolidayDayNumber(day) && !replacedHolidays.has(day))
      )
        holidays++;
    }
    return weekdaysAfter(start, to) - holidays;
  };

  const termsDeciding = (day: number, ownTerms: TermCalendar | undefined): TermCalendar | undefined => {
    if (ownTerms?.covers(day)) return ownTerms;
    return councilTerms?.covers(day) ? councilTerms : undefined;
  };

  // One test per school, made once, so the hot loops allocate nothing
  const schoolDayTests = new Map<string | undefined, DayTest>();
  const schoolDayTest = (schoolId: string | undefined): DayTest => {
    const ownDays = schoolId !== undefined && (schoolTerms.has(schoolId) || schoolInset.has(schoolId));
    const key = ownDays ? schoolId : undefined;
    let test = schoolDayTests.get(key);
    if (!test) {
      const ownTerms = key === undefined ? undefined : schoolTerms.get(key);
      const inset = (key !== undefined && schoolInset.get(key)) || councilInset;
      // Without term dates a school day falls back to a working day, as reports say (hasTermDates).
      test = (day) => {
        const terms = termsDeciding(day, ownTerms);
        if (!terms) return isWorking(day);
        return isOpenForSchools(day) && terms.inTerm(day) && !inset.has(day);
      };
      schoolDayTests.set(key, test);
    }
    return test;
  };

  return {
    isWorkingDay: (date) => isWorking(toDayNumber(date)),
    isSchoolDay: (date, schoolId) => schoolDayTest(schoolId)(toDayNumber(date)),
    hasTermDates: (schoolId) =>
      councilTerms !== undefined || (schoolId !== undefined && schoolTerms.has(schoolId)),
    termDatesCover: (date, schoolId) => {
      const ownTerms = schoolId === undefined ? undefined : schoolTerms.get(schoolId);
      return termsDeciding(toDayNumber(date), ownTerms) !== undefined;
    },
    addCalendarDays,
    addMonths,
    endOfPeriodBeginningWith,
    addWorkingDays: (date, n) => {
      assertWholeNumber(n);
      return fromDayNumber(addCountedDays(toDayNumber(date), n, isWorking));
    },
    addSchoolDays: (date, n, schoolId) => {
      assertWholeNumber(n);
      return fromDayNumber(addCountedDays(toDayNumber(date), n, schoolDayTest(schoolId)));
    },
    workingDaysBetween: (from, to) => workingDaysBetween(toDayNumber(from), toDayNumber(to)),
    schoolDaysBetween: (from, to, schoolId) =>
      countDaysBetween(toDayNumber(from), toDayNumber(to), schoolDayTest(schoolId)),
  };
}
