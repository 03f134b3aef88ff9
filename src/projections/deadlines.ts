import type { Calendar, IsoDate } from '../domain/calendar/index.js';
import { type ClockName, clockNames, isExpiryClock } from '../domain/clocks.js';
import type { CaseRecord } from './case-summary.js';
import { isPriority, officerOf } from './case-summary.js';
import { insertDate, lowerBound, removeDate } from './sorted-dates.js';
import type { CaseClock, CaseType, DeadlineQuery, DeadlineStatus, OpenDeadline } from './types.js';
import type { View, ViewQueries } from './view.js';
import { recordChanged } from './view.js';

/**
 * Every open clock, bucketed by due date so the daily sweep and the dashboard read a date range without
 * scanning every case. It follows the clocks of the decider's state (which applies `clockEffects`, the
 * due dates recorded in the events, and the workers' DeadlineMissed / CaseEscalated), so the case, this view
 * and the schedulers agree. Buckets are mutated in place; `evolveDeadlines` only touches clocks whose object
 * changed, after the case record is computed, so a failing event never reaches it.
 */
export interface OpenClockEntry extends CaseClock {
  caseId: string;
  caseType: CaseType;
}

interface DueDateBucket {
  entries: Map<string, OpenClockEntry>;
  countByClock: Map<ClockName, number>;
  /** Entries with no DeadlineMissed yet: the sweep skips buckets that have none. */
  notMissed: number;
}

export interface DeadlinesView {
  byKey: Map<string, OpenClockEntry>;
  byDueDate: Map<IsoDate, DueDateBucket>;
  /** The due dates that have open clocks, ascending. */
  dueDates: IsoDate[];
  /** Clocks escalated and still open: few, read by every dashboard. */
  escalated: Map<string, OpenClockEntry>;
}

export const createDeadlinesView = (): DeadlinesView => ({
  byKey: new Map(),
  byDueDate: new Map(),
  dueDates: [],
  escalated: new Map(),
});

const keyOf = (caseId: string, clock: ClockName) => `${caseId}|${clock}`;

function remove(view: DeadlinesView, key: string): void {
  const entry = view.byKey.get(key);
  if (!entry) return;
  view.byKey.delete(key);
  view.escalated.delete(key);
  const bucket = view.byDueDate.get(entry.dueOn);
  if (!bucket) return;
  bucket.entries.delete(key);
  bucket.countByClock.set(entry.clock, (bucket.countByClock.get(entry.clock) ?? 1) - 1);
  if (!entry.missed && entry.escalation === 'none') bucket.notMissed--;
  if (bucket.entries.size === 0) {
    view.byDueDate.delete(entry.dueOn);
    removeDate(view.dueDates, entry.dueOn);
  }
}

function add(view: DeadlinesView, key: string, entry: OpenClockEntry): void {
  view.byKey.set(key, entry);
  if (entry.escalation !== 'none') view.escalated.set(key, entry);
  let bucket = view.byDueDate.get(entry.dueOn);
  if (!bucket) {
    bucket = { entries: new Map(), countByClock: new Map(), notMissed: 0 };
    view.byDueDate.set(entry.dueOn, bucket);
    insertDate(view.dueDates, entry.dueOn);
  }
  bucket.entries.set(key, entry);
  bucket.countByClock.set(entry.clock, (bucket.countByClock.get(entry.clock) ?? 0) + 1);
  if (!entry.missed && entry.escalation === 'none') bucket.notMissed++;
}

type Clocks = CaseRecord['state']['clocks'];

/** Moves the view from the case's clocks before the event to its clocks after. */
export function evolveDeadlines(
  view: DeadlinesView,
  before: CaseRecord | undefined,
  after: CaseRecord | undefined,
): void {
  if (!recordChanged(before, after)) return;
  const old: Clocks = before?.state.clocks ?? {};
  const now: Clocks = after?.state.clocks ?? {};
  if (old === now) return;
  const record = after ?? before;
  if (!record) return;
  for (const clock of clockNames) {
    const was = old[clock];
    const is = now[clock];
    if (was === is) continue;
    const key = keyOf(record.caseId, clock);
    remove(view, key);
    if (!is) continue;
    const entry: OpenClockEntry = {
      caseId: record.caseId,
      caseType: record.caseType,
      clock,
      startedOn: is.startedOn,
      dueOn: is.dueOn,
      missed: is.missed,
      escalation: is.escalation,
    };
    const remindOn = 'remindOn' in is ? is.remindOn : undefined;
    if (typeof remindOn === 'string') entry.remindOn = remindOn;
    add(view, key, entry);
  }
}

/** What "today" means for statuses: the date itself and the end of the due-soon window. */
export interface DeadlineDay {
  today: IsoDate;
  /** The 7th working day after today: due on or before it is due soon. */
  dueSoonUntil: IsoDate;
}

export const deadlineDay = (today: IsoDate, calendar: Calendar): DeadlineDay => ({
  today,
  dueSoonUntil: calendar.addWorkingDays(today, 7),
});

export function statusOf(entry: OpenClockEntry, day: DeadlineDay): DeadlineStatus {
  // An expiry clock (an order lapsing with school age) is never overdue: once its date has passed the worker
  // records the ending and the clock closes; until then it reads as due.
  if (isExpiryClock(entry.clock))
    return entry.dueOn >= day.today && entry.dueOn <= day.dueSoonUntil ? 'due_soon' : 'due';
  if (entry.escalation !== 'none') return 'escalated';
  if (entry.missed) return 'missed';
  if (entry.dueOn < day.today) return 'overdue';
  if (entry.dueOn <= day.dueSoonUntil) return 'due_soon';
  return 'due';
}

export function toOpenDeadline(
  entry: OpenClockEntry,
  day: DeadlineDay,
  records: ReadonlyMap<string, CaseRecord>,
): OpenDeadline {
  const record = records.get(entry.caseId);
  const deadline: OpenDeadline = {
    caseId: entry.caseId,
    caseType: entry.caseType,
    clock: entry.clock,
    startedOn: entry.startedOn,
    dueOn: entry.dueOn,
    status: statusOf(entry, day),
    escalation: entry.escalation,
    priority: record ? isPriority(record) : false,
  };
  if (entry.remindOn !== undefined) deadline.remindOn = entry.remindOn;
  const officerId = record ? officerOf(record) : undefined;
  if (officerId !== undefined) deadline.officerId = officerId;
  return deadline;
}

/** Open clocks with due dates in [from, to] (either end open), earliest first. */
export function* entriesDue(
  view: DeadlinesView,
  from?: IsoDate,
  to?: IsoDate,
  onlyNotMissed = false,
): Generator<OpenClockEntry> {
  const start = from === undefined ? 0 : lowerBound(view.dueDates, from);
  for (let index = start; index < view.dueDates.length; index++) {
    const date = view.dueDates[index] as IsoDate;
    if (to !== undefined && date > to) return;
    const bucket = view.byDueDate.get(date);
    if (bucket && !(onlyNotMissed && bucket.notMissed === 0)) yield* bucket.entries.values();
  }
}

/** The day before `date` in ISO order terms: any due date strictly before `today` sorts below it. */
const justBefore = (date: IsoDate): IsoDate =>
  `${date.slice(0, 9)}${String.fromCharCode(date.charCodeAt(9) - 1)}~`;

export function openDeadlines(
  view: DeadlinesView,
  query: DeadlineQuery,
  day: DeadlineDay,
  records: ReadonlyMap<string, CaseRecord>,
): OpenDeadline[] {
  const wanted = query.status ? new Set(query.status) : undefined;
  const onlyOverdue = wanted?.size === 1 && wanted.has('overdue');
  let to = query.dueTo;
  // Overdue, missed and escalated clocks are all past due: the sweep reads only the dates before today.
  if (wanted && !wanted.has('due') && !wanted.has('due_soon')) {
    const pastDue = justBefore(day.today);
    if (to === undefined || pastDue < to) to = pastDue;
  }
  const source =
    query.caseId !== undefined
      ? clockNames.flatMap((clock) => {
          const entry = view.byKey.get(keyOf(query.caseId as string, clock));
          const inRange =
            entry &&
            (query.dueFrom === undefined || entry.dueOn >= query.dueFrom) &&
            (to === undefined || entry.dueOn <= to);
          return inRange ? [entry] : [];
        })
      : entriesDue(view, query.dueFrom, to, onlyOverdue);
  const result: OpenDeadline[] = [];
  for (const entry of source) {
    if (wanted && !wanted.has(statusOf(entry, day))) continue;
    result.push(toOpenDeadline(entry, day, records));
  }
  if (query.caseId !== undefined) result.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  return result;
}

export const deadlinesView: View<'deadlines', DeadlinesView, Pick<ViewQueries, 'deadlines'>> = {
  name: 'deadlines',
  create: createDeadlinesView,
  evolve: evolveDeadlines,
  queries: (view, { today, calendar, records }) => ({
    deadlines: {
      open: (query = {}) => openDeadlines(view, query, deadlineDay(today(), calendar), records),
    },
  }),
  compare(check, _view, rebuilt, live) {
    check('open deadlines', rebuilt.deadlines.open(), live.deadlines.open());
  },
};
