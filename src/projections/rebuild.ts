import { isDeepStrictEqual } from 'node:util';
import type { IsoDate } from '../domain/calendar/index.js';
import { createCalendar, londonDate } from '../domain/calendar/index.js';
import type { Policy } from '../domain/policy.js';
import { defaultPolicy } from '../domain/policy.js';
import type { EventStore } from '../eventstore/types.js';
import { createViewQueries } from './queries.js';
import type { Projections } from './types.js';
import type { Check } from './view.js';
import {
  applyRecordedEvent,
  caseStreamsFilter,
  createViews,
  type Views,
  viewList,
  viewStates,
} from './views.js';

export interface RebuildReport {
  events: number;
  /** Events no view could apply (poison or of an unknown type), skipped as the live views skip them. */
  skipped: { position: string; stream: string; type: string; reason: string }[];
  seconds: number;
  eventsPerSecond: number;
  /** True when every view read through the live instance equals the rebuilt one (always true without one). */
  consistent: boolean;
  /** What differs, at most 100 lines. */
  differences: string[];
}

export interface RebuildOptions {
  policy?: Policy;
  /** Every few thousand events read: how many so far and the position reached (for `sightline rebuild`). */
  onProgress?: (events: number, position: bigint) => void;
  /** When the replay is done and the comparison with the live views begins. */
  onComparing?: () => void;
  /** The day both sides are asked about; the live instance's own `today` should agree. */
  today?: IsoDate;
}

const MAX_DIFFERENCES = 100;

/** Reads the log from `after` (exclusive) into the views; poison and unknown events are skipped as live. */
async function replay(
  store: EventStore,
  views: Views,
  after: bigint,
  skipped: RebuildReport['skipped'],
  lastCase: { position: bigint },
  onProgress?: RebuildOptions['onProgress'],
): Promise<{ events: number; last: bigint }> {
  let events = 0;
  let last = after;
  const from = after >= 0n ? { fromPosition: after + 1n } : {};
  for await (const recorded of store.readAll({ ...from, filter: caseStreamsFilter })) {
    try {
      if (applyRecordedEvent(views, recorded)) lastCase.position = recorded.position;
    } catch (error) {
      const { position, stream, type } = recorded;
      const reason = error instanceof Error ? error.message : String(error);
      skipped.push({ position: position.toString(), stream, type, reason });
    }
    events++;
    last = recorded.position;
    if (onProgress && (events & 4095) === 0) onProgress(events, last);
  }
  return { events, last };
}

/**
 * `sightline rebuild`: replays the whole log into fresh views and, given the live views, checks that
 * every query answers the same on both. Prints nothing; the caller prints the figures.
 */
export async function rebuildAndCheck(
  store: EventStore,
  live?: Projections,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const views = createViews();
  const started = performance.now();
  const skipped: RebuildReport['skipped'] = [];
  // The queries answer as of the last case event applied, as the live views' do (projections.ts).
  const lastCase = { position: -1n };
  const first = await replay(store, views, -1n, skipped, lastCase, options.onProgress);
  const seconds = (performance.now() - started) / 1000;
  const report: RebuildReport = {
    events: first.events,
    skipped,
    seconds,
    eventsPerSecond: seconds > 0 ? Math.round(first.events / seconds) : first.events,
    consistent: true,
    differences: [],
  };
  if (!live) return report;
  options.onComparing?.();

  let last = first.last;
  await live.waitFor(last, 60_000);
  // The live views may have moved on while we read: follow them to the same position before comparing.
  for (let round = 0; round < 10 && live.position() > last; round++) {
    last = (await replay(store, views, last, skipped, lastCase)).last;
    await live.waitFor(last, 60_000);
  }
  if (live.position() !== last) {
    report.consistent = false;
    report.differences.push(
      `live views at position ${live.position()}, rebuilt at ${last}: the log kept moving`,
    );
    return report;
  }
  report.differences = compareViews(views, live, lastCase.position, options);
  report.consistent = report.differences.length === 0;
  return report;
}

function compareViews(
  views: Views,
  live: Projections,
  lastCaseEventAt: bigint,
  options: RebuildOptions,
): string[] {
  const differences: string[] = [];
  const today = options.today ?? londonDate(new Date());
  const rebuilt = createViewQueries(views, {
    today: () => today,
    calendar: createCalendar((options.policy ?? defaultPolicy).calendar),
    position: () => lastCaseEventAt,
  });
  const check: Check = (what, rebuiltValue, liveValue) => {
    if (differences.length < MAX_DIFFERENCES && !isDeepStrictEqual(rebuiltValue, liveValue)) {
      differences.push(`${what} differs`);
    }
  };
  if ('views' in live) {
    const liveViews = (live as { views: Views }).views;
    check('number of cases', views.records.size, liveViews.records.size);
  }
  for (const caseId of views.records.keys()) {
    for (const view of viewList) view.compareCase?.(check, caseId, rebuilt, live);
  }
  const states = viewStates(views);
  viewList.forEach((view, index) => {
    view.compare?.(check, states[index], rebuilt, live, today);
  });
  return differences;
}
