import { tzOffset } from '@date-fns/tz';
import {
  dayNumberFromPacked,
  fromDayNumber,
  type IsoDate,
  packedDateAt,
  readDigits,
  toDayNumber,
} from './iso-date.js';

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

const CHAR_T = 84;
const CHAR_Z = 90;
const CHAR_COLON = 58;
const CHAR_DOT = 46;

/**
 * Reads toISOString's own forms, 'YYYY-MM-DDTHH:MM:SSZ' and 'YYYY-MM-DDTHH:MM:SS.sssZ', by hand: events carry
 * their times this way and Date.parse is several times slower. NaN for anything else, which Date.parse reads.
 */
function utcInstantMs(text: string): number {
  const length = text.length;
  if (length !== 20 && length !== 24) return Number.NaN;
  if (
    text.charCodeAt(10) !== CHAR_T ||
    text.charCodeAt(13) !== CHAR_COLON ||
    text.charCodeAt(16) !== CHAR_COLON
  ) {
    return Number.NaN;
  }
  if (text.charCodeAt(length - 1) !== CHAR_Z || (length === 24 && text.charCodeAt(19) !== CHAR_DOT))
    return Number.NaN;
  const date = packedDateAt(text, 0);
  const hours = readDigits(text, 11, 2);
  const minutes = readDigits(text, 14, 2);
  const seconds = readDigits(text, 17, 2);
  const milliseconds = length === 24 ? readDigits(text, 20, 3) : 0;
  if (date < 0 || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) {
    return Number.NaN;
  }
  if (milliseconds < 0) return Number.NaN;
  return (
    dayNumberFromPacked(date) * MS_PER_DAY + ((hours * 60 + minutes) * 60 + seconds) * 1000 + milliseconds
  );
}

// A time without a zone would be read in the host's zone, which differs between laptops and servers.
const DATE_TIME_WITHOUT_ZONE = /T[^Z+-]*$/i;

function parsedInstantMs(text: string): number {
  const fast = utcInstantMs(text);
  if (!Number.isNaN(fast)) return fast;
  // Date.parse would roll 30 February over into March, and read other formats loosely: ISO 8601 only
  if (packedDateAt(text, 0) < 0) throw new RangeError(`Not an ISO 8601 instant: "${text}"`);
  if (DATE_TIME_WITHOUT_ZONE.test(text))
    throw new RangeError(`An instant needs a zone (Z or ±hh:mm): "${text}"`);
  return Date.parse(text);
}

function instantMs(instant: Date | string): number {
  const ms = typeof instant === 'string' ? parsedInstantMs(instant) : instant.getTime();
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
