import type { IsoDate } from '../domain/calendar/index.js';
import { insertDate, removeDate } from './sorted-dates.js';

/**
 * Case ids bucketed by a date (referral, judgement), with the dates kept in order: counting those before a
 * date, or listing the oldest, costs the number of distinct dates, not of cases. Mutated in place.
 */
export interface DatedSet {
  dateOf: Map<string, IsoDate>;
  byDate: Map<IsoDate, Set<string>>;
  /** Ascending. */
  dates: IsoDate[];
}

export const createDatedSet = (): DatedSet => ({ dateOf: new Map(), byDate: new Map(), dates: [] });

export function removeFromDatedSet(set: DatedSet, id: string): void {
  const date = set.dateOf.get(id);
  if (date === undefined) return;
  set.dateOf.delete(id);
  const ids = set.byDate.get(date);
  ids?.delete(id);
  if (ids?.size === 0) {
    set.byDate.delete(date);
    removeDate(set.dates, date);
  }
}

/** Puts `id` under `date`, or takes it out when `date` is undefined. */
export function placeInDatedSet(set: DatedSet, id: string, date: IsoDate | undefined): void {
  if (set.dateOf.get(id) === date) return;
  removeFromDatedSet(set, id);
  if (date === undefined) return;
  set.dateOf.set(id, date);
  let ids = set.byDate.get(date);
  if (!ids) {
    ids = new Set();
    set.byDate.set(date, ids);
    insertDate(set.dates, date);
  }
  ids.add(id);
}

/** How many are dated before `until` (all when absent), and the oldest `limit` of them with their dates. */
export function oldestInDatedSet(
  set: DatedSet,
  limit: number,
  until?: IsoDate,
): { count: number; oldest: [string, IsoDate][] } {
  let count = 0;
  const oldest: [string, IsoDate][] = [];
  for (const date of set.dates) {
    if (until !== undefined && date >= until) break;
    const ids = set.byDate.get(date);
    if (!ids) continue;
    count += ids.size;
    if (oldest.length >= limit) continue;
    // Within a date, in the order the cases got there: the same in a rebuild as live, and no sort.
    for (const id of ids) {
      if (oldest.length >= limit) break;
      oldest.push([id, date]);
    }
  }
  return { count, oldest };
}
