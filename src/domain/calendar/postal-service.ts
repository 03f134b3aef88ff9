import { isBankHolidayDayNumber } from './bank-holidays.js';
import { dayOfWeek, fromDayNumber, type IsoDate, toDayNumber } from './iso-date.js';

export type PostClass = 'first' | 'second';

/**
 * Working days after posting on which a letter "would be delivered in the ordinary course of post"
 * (Interpretation Act 1978 s.7, which governs service by post under Education Act 1996 s.572): the Practice
 * Direction of 8 March 1985 takes first class mail as delivered on the second working day after posting and
 * second class on the fourth, working days being "Monday to Friday, excluding any bank holiday".
 */
const WORKING_DAYS_TO_DELIVERY: Record<PostClass, number> = { first: 2, second: 4 };

/** Monday to Friday and not an England and Wales bank holiday. A council's closure days do not stop the post. */
function isPostalWorkingDay(dayNumber: number): boolean {
  const weekday = dayOfWeek(dayNumber);
  return weekday !== 0 && weekday !== 6 && !isBankHolidayDayNumber(dayNumber);
}

/**
 * The day a posted notice is deemed served: the Nth postal working day strictly after the day of posting
 * (posted on a Saturday, first class: Monday is the first, Tuesday the second). "Unless the contrary is
 * proved" (s.7): an earlier actual receipt, with evidence, is recorded by the caller instead.
 */
export function deemedPostalDelivery(postedOn: IsoDate, postClass: PostClass): IsoDate {
  return nthPostalWorkingDayAfter(postedOn, WORKING_DAYS_TO_DELIVERY[postClass]);
}

/** The Nth Monday to Friday that is not an England and Wales bank holiday, strictly after `date`. */
export function nthPostalWorkingDayAfter(date: IsoDate, n: number): IsoDate {
  let day = toDayNumber(date);
  for (let counted = 0; counted < n; ) {
    day += 1;
    if (isPostalWorkingDay(day)) counted += 1;
  }
  return fromDayNumber(day);
}
