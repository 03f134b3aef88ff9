import { tzOffset } from '@date-fns/tz';
import { fromDayNumber, type IsoDate, toDayNumber } from './iso-date.js';

const LONDON = 'Europe/London';
const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/*
 * tzOffset asks Intl for every call, which is slow for projections that date millions of events. London's
 * offset changes at most once in a UTC day, so it is remembered per UTC day; the two days a year on which it
 * changes are remembered as NaN and asked about each time.
 */
const offsetByUtcDay = new Map<number, number>();

function londonOffsetMinutes(instantMs: number): number {
  const utcDay = Math.floor(instantMs / MS_PER_DAY);
  let offset = offsetByUtcDay.get(utcDay);
  if (offset === undefined) {
    const atStart = tzOffset(LONDON, new Date(utcDay * MS_PER_DAY));
    const atEnd = tzOffset(LONDON, new Date((utcDay + 1) * MS_PER_DAY - 1));
    offset = atStart === atEnd ? atStart : Number.NaN;
    offsetByUtcDay.set(utcDay, offset);
  }
  return Number.isNaN(offset) ? tzOffset(LONDON, new Date(instantMs)) : offset;
}

// A time without a zone would be read in the host's zone, which differs between laptops and servers.
const DATE_TIME_WITHOUT_ZONE = /T[^Z+-]*$/i;

function instantMs(instant: Date | string): number {
  if (typeof instant === 'string' && DATE_TIME_WITHOUT_ZONE.test(instant)) {
    throw new RangeError(`An instant needs a zone (Z or ±hh:mm): "${instant}"`);
  }
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: "${String(instant)}"`);
  return ms;
}

/** The calendar date in Europe/London at an instant (23:30Z on a summer evening is already tomorrow). */
export function londonDate(instant: Date | string): IsoDate {
  const ms = instantMs(instant);
  return fromDayNumber(Math.floor((ms + londonOffsetMinutes(ms) * MS_PER_MINUTE) / MS_PER_DAY));
}

function londonMidnightMs(dayNumber: number): number {
  const wallClockMs = dayNumber * MS_PER_DAY;
  // The offset at the wall-clock reading is a first guess; the offset at the guessed instant settles it
  const guess = wallClockMs - londonOffsetMinutes(wallClockMs) * MS_PER_MINUTE;
  return wallClockMs - londonOffsetMinutes(guess) * MS_PER_MINUTE;
}

export function startOfLondonDay(date: IsoDate): Date {
  return new Date(londonMidnightMs(toDayNumber(date)));
}

/** The last millisecond of the day in London: a deadline "by the end of D" is missed after this instant. */
export function endOfLondonDay(date: IsoDate): Date {
  return new Date(londonMidnightMs(toDayNumber(date) + 1) - 1);
}
