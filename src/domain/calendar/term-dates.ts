import type { TermDates } from './calendar-config.js';
import { toDayNumber } from './iso-date.js';
import { academicYearOf } from './school-age.js';

interface DayRange {
  start: number;
  end: number;
}

/** Sorted, merged runs of day numbers, both ends included, searched by bisection. */
class DayRanges {
  private readonly ranges: DayRange[] = [];

  constructor(ranges: DayRange[]) {
    let current: DayRange | undefined;
    for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
      if (current && start <= current.end + 1) {
        current.end = Math.max(current.end, end);
      } else {
        current = { start, end };
        this.ranges.push(current);
      }
    }
  }

  includes(dayNumber: number): boolean {
    let low = 0;
    let high = this.ranges.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const range = this.ranges[middle];
      if (!range) return false;
      if (range.start > dayNumber) high = middle - 1;
      else if (range.end < dayNumber) low = middle + 1;
      else return true;
    }
    return false;
  }
}

function academicYearRange(date: string): DayRange {
  const { start, end } = academicYearOf(date);
  return { start: toDayNumber(start), end: toDayNumber(end) };
}

/**
 * One set of term dates (the council's or a school's). It speaks only for the academic years it has terms
 * in: the holidays of those years are not school days, while other years fall back to the next source.
 */
export interface TermCalendar {
  covers(dayNumber: number): boolean;
  inTerm(dayNumber: number): boolean;
}

export function termCalendar(terms: readonly TermDates[]): TermCalendar | undefined {
  if (terms.length === 0) return undefined;
  const inTerm = new DayRanges(
    terms.map(({ start, end }) => ({ start: toDayNumber(start), end: toDayNumber(end) })),
  );
  const covered = new DayRanges(
    terms.flatMap(({ start, end }) => [academicYearRange(start), academicYearRange(end)]),
  );
  return {
    covers: (dayNumber) => covered.includes(dayNumber),
    inTerm: (dayNumber) => inTerm.includes(dayNumber),
  };
}
