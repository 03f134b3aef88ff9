import {
  assertIsoDate,
  dayNumberFromParts,
  dayOf,
  dayOfWeek,
  fromDayNumber,
  type IsoDate,
  monthOf,
  toDayNumber,
  yearOf,
} from './iso-date.js';

const SEPTEMBER = 9;
const FRIDAY = 5;

export interface AcademicYear {
  /** '2025-26' */
  label: string;
  start: IsoDate;
  end: IsoDate;
}

/** The calendar year in which the academic year (1 September to 31 August) containing `date` begins. */
function academicYearStartYear(date: IsoDate): number {
  return monthOf(date) >= SEPTEMBER ? yearOf(date) : yearOf(date) - 1;
}

export function academicYearOf(date: IsoDate): AcademicYear {
  assertIsoDate(date);
  const startYear = academicYearStartYear(date);
  return {
    label: `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`,
    start: fromDayNumber(dayNumberFromParts(startYear, 9, 1)),
    end: fromDayNumber(dayNumberFromParts(startYear + 1, 8, 31)),
  };
}

/** True when the birthday falls from 1 September to 31 December, after 31 August in the calendar year. */
const bornInAutumnTerm = (dateOfBirth: IsoDate): boolean => monthOf(dateOfBirth) >= SEPTEMBER;

/**
 * Age on the 31 August just before the academic year of `at`, minus 4: 0 is Reception, 7 is Year 7.
 * A child born on 1 September is the oldest of the next cohort. Not clamped: callers decide what
 * below Reception or beyond Year 13 means.
 */
export function yearGroup(dateOfBirth: IsoDate, at: IsoDate): number {
  assertIsoDate(dateOfBirth);
  assertIsoDate(at);
  const ageOn31August =
    academicYearStartYear(at) - yearOf(dateOfBirth) - (bornInAutumnTerm(dateOfBirth) ? 1 : 0);
  return ageOn31August - 4;
}

export function yearGroupLabel(group: number): string {
  if (!Number.isInteger(group)) throw new RangeError(`A year group is a whole number, got ${group}`);
  if (group < 0) return 'below Reception';
  if (group === 0) return 'Reception';
  if (group > 13) return 'above Year 13';
  return `Year ${group}`;
}

export interface CompulsorySchoolAge {
  /** The first day of compulsory school age. */
  start: IsoDate;
  /** The last day of compulsory school age (the school leaving date, a Friday in June). */
  end: IsoDate;
}

/**
 * EA 1996 s8: from the first prescribed day (31 March, 31 August, 31 December) on or after the fifth
 * birthday. A 29 February birthday is compared as it is written, which gives the same prescribed day
 * whether the law reads the birthday as 28 February or 1 March.
 */
function compulsoryStart(dateOfBirth: IsoDate): number {
  const year = yearOf(dateOfBirth) + 5;
  const monthDay = monthOf(dateOfBirth) * 100 + dayOf(dateOfBirth);
  if (monthDay <= 331) return dayNumberFromParts(year, 3, 31);
  if (monthDay <= 831) return dayNumberFromParts(year, 8, 31);
  return dayNumberFromParts(year, 12, 31);
}

/**
 * EA 1996 s8(3) and the School Leaving Date Order: the last Friday in June of the school year in which the
 * child turns 16, so a child whose 16th birthday falls after that Friday but before 1 September leaves first.
 */
function compulsoryEnd(dateOfBirth: IsoDate): number {
  const sixteenthBirthdayYear = yearOf(dateOfBirth) + 16;
  const leavingYear = bornInAutumnTerm(dateOfBirth) ? sixteenthBirthdayYear + 1 : sixteenthBirthdayYear;
  const thirtiethOfJune = dayNumberFromParts(leavingYear, 6, 30);
  return thirtiethOfJune - ((dayOfWeek(thirtiethOfJune) - FRIDAY + 7) % 7);
}

export function compulsorySchoolAge(dateOfBirth: IsoDate): CompulsorySchoolAge {
  assertIsoDate(dateOfBirth);
  return {
    start: fromDayNumber(compulsoryStart(dateOfBirth)),
    end: fromDayNumber(compulsoryEnd(dateOfBirth)),
  };
}

/** Both ends included: the duty starts at the beginning of the first day and ends at the end of the last. */
export function isOfCompulsorySchoolAge(dateOfBirth: IsoDate, at: IsoDate): boolean {
  assertIsoDate(dateOfBirth);
  const day = toDayNumber(at);
  return day >= compulsoryStart(dateOfBirth) && day <= compulsoryEnd(dateOfBirth);
}
