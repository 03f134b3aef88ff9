import type { Calendar, IsoDate } from '../domain/calendar/index.js';
import type { CaseEvent } from './case-event.js';
import type { CaseRecord, SummaryOf } from './case-summary.js';
import type { Projections } from './types.js';

/** The read side of the views: what the API and the workers call. */
export type ViewQueries = Pick<
  Projections,
  'caseSummary' | 'caseload' | 'deadlines' | 'dashboard' | 'statistics' | 'childIndex' | 'register'
>;

/** What every view's queries may read besides its own state. */
export interface QueryContext {
  /** The London date statuses and year groups are computed against. */
  today: () => IsoDate;
  calendar: Calendar;
  /** The last case event applied: stamps and keys the caches, reused until a case or the day moves. */
  position: () => bigint;
  /** Every case's record, the shared input most views evolve from. */
  records: ReadonlyMap<string, CaseRecord>;
  /** A case's summary, remembered per record and day by this instance of the views. */
  summaryOf: SummaryOf;
}

/** Records a difference between the rebuilt and the live answer to one query (the rebuild's check). */
export type Check = (what: string, rebuilt: unknown, live: unknown) => void;

/**
 * One view: its state, how one case event moves it and the queries it answers. `views.ts` lists them; the
 * runtime, the rebuild check and the queries the API calls iterate the list, so a new view is one file and a
 * line there.
 *
 * Applying an event is all or nothing: the case's new record is computed first, then every view's `prepare`
 * (which may throw: nothing is committed yet), then every view's `evolve` (which must not throw).
 * Methods, not function properties, so a list of views of different states is one array type.
 */
export interface View<
  Name extends string,
  State,
  Queries extends Partial<ViewQueries>,
  Prepared = undefined,
  Needs = Record<never, never>,
> {
  readonly name: Name;
  create(): State;
  /** Computes what the event changes without changing anything; may throw. */
  prepare?(state: State, change: CaseEvent): Prepared;
  /**
   * Commits the event; must not throw. Called for every case event: `after` is the case's record after it
   * (the same object as `before` when the event changed nothing; undefined for a stream with no case).
   */
  evolve(
    state: State,
    before: CaseRecord | undefined,
    after: CaseRecord | undefined,
    change: CaseEvent,
    prepared: Prepared,
  ): void;
  /**
   * Built once per instance. `views` holds every view's state by name, for a view that reads another's: it
   * names what it reads in `Needs`, and `views.ts` fails to compile when the list does not hold it.
   */
  queries(state: State, context: QueryContext, views: Needs): Queries;
  /** The rebuild's check of one case, for each case of the rebuilt views. */
  compareCase?(check: Check, caseId: string, rebuilt: ViewQueries, live: ViewQueries): void;
  /** The rebuild's check of the whole view, after every case's. */
  compare?(check: Check, state: State, rebuilt: ViewQueries, live: ViewQueries, today: IsoDate): void;
}

/** Any view, whatever its state: what the runtime iterates. */
export type AnyView = View<string, unknown, Partial<ViewQueries>, unknown, unknown>;

/**
 * True when the event gave the case a new record: the views that follow the record (deadlines, caseload,
 * dashboard) return early otherwise, as they were only called then before the list.
 */
export const recordChanged = (
  before: CaseRecord | undefined,
  after: CaseRecord | undefined,
): after is CaseRecord => after !== undefined && after !== before;
