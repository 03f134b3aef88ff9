import {
  dayNumberFromPacked,
  dayNumberFromParts,
  dayOfWeek,
  fromDayNumber,
  type IsoDate,
  packedDateOrThrow,
} from './iso-date.js';

const FRIDAY = 5;

/*
 * Dates here are packed as year * 10000 + month * 100 + day, so "born after 31 August" is a comparison of
 * the remainder by 10000 with 831: no Date, no string slicing. The projections call these per child per event.
 */
const yearOfPacked = (packed: number): number => Math.floor(packed / 10000);
const monthDayOfPacked = (packed: number): number => packed % 10000;
const LAST_OF_AUGUST = 831;
const LAST_OF_MARCH = 331;

export interface AcademicYear {
  /** '2025-26' */
  label: string;
  start: IsoDate;
  end: IsoDate;
}

/** The calendar year in which the academic year (1 September to 31 August) containing the date begins. */
function academicYearStartYear(packed: number): number {
  return monthDayOfPacked(packed) > LAST_OF_AUGUST ? yearOfPacked(packed) : yearOfPacked(packed) - 1;
}

export function academicYearOf(date: IsoDate): AcademicYear {
  const startYear = academicYearStartYear(packedDateOrThrow(date));
  return {
    label: `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`,
    start: fromDayNumber(dayNumberFromParts(startYear, 9, 1)),
    end: fromDayNumber(dayNumberFromParts(startYear + 1, 8, 31)),
  };
}

/** Born 1 September to 31 December: the birthday comes after the 31 August that decides the cohort. */
const bornAfterAugust = (packedBirth: number): boolean => monthDayOfPacked(packedBirth) > LAST_OF_AUGUST;

/**
 * Age on the 31 August just before the academic year of `at`, minus 4: 0 is Reception, 7 is Year 7.
 * A child born on 1 September is the oldest of the next cohort. Not clamped: callers decide what
 * below Reception or beyond Year 13 means.
 */
export function yearGroup(dateOfBirth: IsoDate, at: IsoDate): number {
  const birth = packedDateOrThrow(dateOfBirth);
  const ageOn31August =
    academicYearStartYear(packedDateOrThrow(at)) - yearOfPacked(birth) - (bornAfterAugust(birth) ? 1 : 0);
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
 * EA 1996 s8(2): from the first prescribed day (31 March, 31 August, 31 December) on or after the fifth
 * birthday. A 29 February birthday is compared as written, which gives the same prescribed day whether the
 * law reads the birthday in a common year as 28 February or 1 March.
 */
function compulsoryStart(birth: number): number {
  const year = yearOfPacked(birth) + 5;
  const monthDay = monthDayOfPacked(birth);
  if (monthDay <= LAST_OF_MARCH) return dayNumberFromParts(year, 3, 31);
  if (monthDay <= LAST_OF_AUGUST) return dayNumberFromParts(year, 8, 31);
  return dayNumberFromParts(year, 12, 31);
}

/**
 * EA 1996 s8(3) and the School Leaving Date Order: the last Friday in June of the school year in which the
 * child turns 16, so a child whose 16th birthday falls after that Friday but before 1 September leaves first.
 */
function compulsoryEnd(birth: number): number {
  const sixteenthBirthdayYear = yearOfPacked(birth) + 16;
  const leavingYear = bornAfterAugust(birth) ? sixteenthBirthdayYear + 1 : sixteenthBirthdayYear;
  const thirtiethOfJune = dayNumberFromParts(leavingYear, 6, 30);
  return thirtiethOfJune - ((dayOfWeek(thirtiethOfJune) - FRIDAY + 7) % 7);
}

export function compulsorySchoolAge(dateOfBirth: IsoDate): CompulsorySchoolAge {
  const birth = packedDateOrThrow(dateOfBirth);
  return { start: fromDayNumber(compulsoryStart(birth)), end: fromDayNumber(compulsoryEnd(birth)) };
}

/** Both ends included: the duty starts at the beginning of the first day and ends at the end of the last. */
export function isOfCompulsorySchoolAge(dateOfBirth: IsoDate, at: IsoDate): boolean {
  const birth = packedDateOrThrow(dateOfBirth);
  const day = dayNumberFromPacked(packedDateOrThrow(at));
  return day >= compulsoryStart(birth) && day <= compulsoryEnd(birth);
}
