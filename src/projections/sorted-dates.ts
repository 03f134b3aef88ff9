import type { IsoDate } from '../domain/calendar/index.js';

/**
 * Distinct dates kept in ascending order, searched by bisection: the dated buckets of the deadlines view and
 * of the dashboard's dated sets. ISO dates compare as strings.
 */

/** The first index whose date is not before `date`. */
export function lowerBound(dates: readonly IsoDate[], date: IsoDate): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((dates[middle] as IsoDate) < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Puts a date not yet there in its place. */
export function insertDate(dates: IsoDate[], date: IsoDate): void {
  dates.splice(lowerBound(dates, date), 0, date);
}

/** Takes out a date that is there. */
export function removeDate(dates: IsoDate[], date: IsoDate): void {
  dates.splice(lowerBound(dates, date), 1);
}
