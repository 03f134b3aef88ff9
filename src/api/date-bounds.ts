import { z } from 'zod';

/*
 * The dates a query may ask about. A report walks its period month by month and a year like 9999 would
 * make it build a million rows while the event loop waits, so every date a client sends is held to the
 * years a council's records can cover, and a report's period to at most ten years.
 */

export const EARLIEST_DATE = '1990-01-01';
export const LATEST_DATE = '2100-12-31';
export const MAX_PERIOD_YEARS = 10;

export const notADate = 'must be a real calendar date in the form YYYY-MM-DD';
export const outOfBounds = `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`;

// ISO dates with four-digit years sort as strings, and z.iso.date takes only four-digit years.
const isWithinBounds = (date: string) => date >= EARLIEST_DATE && date <= LATEST_DATE;

// Each check aborts: a value that is not a date is not also out of bounds, and a period is not checked
// between dates already refused.

/** A calendar date from 1990 to 2100. */
export const boundedDate = z.iso
  .date({ error: notADate, abort: true })
  .refine(isWithinBounds, { error: outOfBounds, abort: true })
  .meta({ description: `A date from ${EARLIEST_DATE} to ${LATEST_DATE}` });

/** An instant (with its offset) from 1990 to 2100, as written in the date part. */
export const boundedDateTime = z.iso
  .datetime({ offset: true, abort: true })
  .refine((instant) => isWithinBounds(instant.slice(0, 10)), { error: outOfBounds, abort: true })
  .meta({ description: `An instant from ${EARLIEST_DATE} to ${LATEST_DATE}, with its offset` });

/** The same month and day `years` later, as text (29 February stays so and still sorts between 28 February and 1 March). */
const yearsAfter = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

/**
 * A report's period: `to` on or after `from`, and at most ten years after it. The issue names `to`, the
 * field a client changes to fix it.
 */
export function periodIssue(from: string, to: string): string | undefined {
  if (to < from) return 'must be on or after `from`';
  if (to > yearsAfter(from, MAX_PERIOD_YEARS))
    return `must be at most ${MAX_PERIOD_YEARS} years after \`from\``;
  return undefined;
}
