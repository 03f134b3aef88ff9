import { caseOfStream, caseStreamPrefixes } from '../domain/case-types.js';
import type { EventFilter, RecordedEvent } from '../eventstore/types.js';
import { decodeCaseEvent } from './case-event.js';
import { caseRecordsView } from './case-list.js';
import { evolveCaseRecord } from './case-summary.js';
import { caseloadView } from './caseload.js';
import { childIndexView } from './child-index.js';
import { dashboardView } from './dashboard.js';
import { deadlinesView } from './deadlines.js';
import { registerView } from './register.js';
import { statisticsView } from './statistics-reports.js';
import type { AnyView } from './view.js';

/**
 * Every view, in the order the rebuild checks them. A new view is a file exporting a `View` and a line here;
 * `createViews`, `applyRecordedEvent`, the queries (`queries.ts`) and the rebuild's check iterate the list.
 */
const list = [
  caseRecordsView,
  caseloadView,
  deadlinesView,
  dashboardView,
  childIndexView,
  statisticsView,
  registerView,
] as const;

type ViewList = typeof list;

/** The list as the runtime iterates it: a plain array. */
export const viewList: readonly AnyView[] = list;

const slots = Symbol('view slots');

/** The states in list order, and what each view's `prepare` computed for the event being applied. */
interface Slots {
  states: unknown[];
  prepared: unknown[];
}

/** Every view's state by name, fed one event at a time. */
export type Views = { [V in ViewList[number] as V['name']]: ReturnType<V['create']> } & {
  readonly [slots]: Slots;
};

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** The states a view's queries read besides its own: the views must hold them all (checked where used). */
export type ViewNeeds = UnionToIntersection<Parameters<ViewList[number]['queries']>[2]>;

/** The views as every view's queries see them: a compile error here names a view reading one not listed. */
export const viewNeeds = (views: Views): ViewNeeds => views;

export function createViews(): Views {
  const states = viewList.map((view) => view.create());
  const views: Record<string, unknown> = {};
  viewList.forEach((view, index) => {
    views[view.name] = states[index];
  });
  // Not enumerable: the views compare and print as their states alone.
  Object.defineProperty(views, slots, { value: { states, prepared: states.map(() => undefined) } });
  return views as Views;
}

/**
 * Applies one stored event to every view, or to none: the event is decoded, the case's new record computed
 * and every view's `prepare` run first (these may throw: a poison event changes nothing); only then does
 * every view's `evolve` commit it, by steps that cannot fail. Returns false for a stream that is not a case's.
 * Throws the codec's DomainError for an event it cannot read.
 */
/**
 * The only streams the views read: the cases'. Everything else in the log (the access log above all, one
 * event per read of a case) is left out by the store's own filter, on replay and live.
 */
export const caseStreamsFilter: EventFilter = { streamPrefixes: [...caseStreamPrefixes] };

export function applyRecordedEvent(views: Views, recorded: RecordedEvent): boolean {
  const stream = caseOfStream(recorded.stream);
  if (!stream) return false;
  const change = decodeCaseEvent(recorded, stream);
  const before = views.records.get(change.caseId);
  const after = evolveCaseRecord(before, change);
  const { states, prepared } = views[slots];
  const count = viewList.length;
  for (let index = 0; index < count; index++) {
    const view = viewList[index] as AnyView;
    prepared[index] = view.prepare ? view.prepare(states[index], change) : undefined;
  }
  for (let index = 0; index < count; index++) {
    (viewList[index] as AnyView).evolve(states[index], before, after, change, prepared[index]);
  }
  return true;
}

/** Each view's state, in the order of `viewList`: for the queries and the rebuild's check. */
export function viewStates(views: Views): readonly unknown[] {
  return views[slots].states;
}
