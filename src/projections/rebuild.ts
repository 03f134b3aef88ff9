import { isDeepStrictEqual } from 'node:util';
import type { IsoDate } from '../domain/calendar/index.js';
import { academicYearOf, createCalendar, londonDate } from '../domain/calendar/index.js';
import type { Policy } from '../domain/policy.js';
import { defaultPolicy } from '../domain/policy.js';
import type { EventStore } from '../eventstore/types.js';
import { toCaseSummary } from './case-summary.js';
import { caseloadFor } from './caseload.js';
import { childMatches } from './child-index.js';
import { buildDashboard } from './dashboard.js';
import { deadlineDay, openDeadlines } from './deadlines.js';
import { academicYearReport, committeeReport, dfeReturn } from './statistics-reports.js';
import type { Projections } from './types.js';
import { applyRecordedEvent, createViews, type Views } from './views.js';

export interface RebuildReport {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** True when every view read through the live instance equals the rebuilt one (always true without one). */
  consistent: boolean;
  /** What differs, at most 100 lines. */
  differences: string[];
}

export interface RebuildOptions {
  policy?: Policy;
  /** The day both sides are asked about; the live instance's own `today` should agree. */
  today?: IsoDate;
}

const MAX_DIFFERENCES = 100;

/** Reads the log from `after` (exclusive) into the views; poison and unknown events are skipped as live. */
async function replay(
  store: EventStore,
  views: Views,
  after: bigint,
): Promise<{ events: number; last: bigint }> {
  let events = 0;
  let last = after;
  for await (const recorded of store.readAll(after >= 0n ? { fromPosition: after + 1n } : {})) {
    try {
      applyRecordedEvent(views, recorded);
    } catch {
      // The live runtime logs and counts these; the rebuild skips them the same way, silently.
    }
    events++;
    last = recorded.position;
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
  const first = await replay(store, views, -1n);
  const seconds = (performance.now() - started) / 1000;
  const report: RebuildReport = {
    events: first.events,
    seconds,
    eventsPerSecond: seconds > 0 ? Math.round(first.events / seconds) : first.events,
    consistent: true,
    differences: [],
  };
  if (!live) return report;

  let last = first.last;
  await live.waitFor(last, 60_000);
  // The live views may have moved on while we read: follow them to the same position before comparing.
  for (let round = 0; round < 10 && live.position() > last; round++) {
    last = (await replay(store, views, last)).last;
    await live.waitFor(last, 60_000);
  }
  if (live.position() !== last) {
    report.consistent = false;
    report.differences.push(
      `live views at position ${live.position()}, rebuilt at ${last}: the log kept moving`,
    );
    return report;
  }
  report.differences = compareViews(views, live, options);
  report.consistent = report.differences.length === 0;
  return report;
}

function compareViews(views: Views, live: Projections, options: RebuildOptions): string[] {
  const differences: string[] = [];
  const today = options.today ?? londonDate(new Date());
  const calendar = createCalendar((options.policy ?? defaultPolicy).calendar);
  const check = (what: string, rebuilt: unknown, liveValue: unknown) => {
    if (differences.length < MAX_DIFFERENCES && !isDeepStrictEqual(rebuilt, liveValue)) {
      differences.push(`${what} differs`);
    }
  };
  for (const record of views.records.values()) {
    check(`case ${record.caseId}`, toCaseSummary(record, today), live.caseSummary.get(record.caseId));
    const { child } = record;
    if (child.dateOfBirth) {
      const query = { ...child, dateOfBirth: child.dateOfBirth };
      check(
        `child index for ${record.caseId}`,
        childMatches(views.childIndex, query, views.records),
        live.childIndex.matches(query),
      );
    }
  }
  const liveCount = live.caseSummary.list({ limit: 1 });
  if (views.records.size === 0 && liveCount.items.length > 0)
    differences.push('the live views hold cases the log does not');
  for (const officerId of views.caseload.keys()) {
    check(
      `caseload of ${officerId}`,
      caseloadFor(views.caseload, officerId, views.records, today),
      live.caseload.forOfficer(officerId),
    );
  }
  check(
    'open deadlines',
    openDeadlines(views.deadlines, {}, deadlineDay(today, calendar), views.records),
    live.deadlines.open(),
  );
  const { position: _rebuiltPosition, ...dashboard } = buildDashboard(
    views.dashboard,
    views.deadlines,
    views.records,
    today,
    calendar,
    live.position(),
  );
  const { position: _livePosition, ...liveDashboard } = live.dashboard.get(today);
  check('dashboard', dashboard, liveDashboard);
  const year = academicYearOf(today);
  check('DfE return', dfeReturn(views.statistics, today, 'raw'), live.statistics.dfeReturn(today, 'raw'));
  check(
    `academic year ${year.label}`,
    academicYearReport(views.statistics, year.label),
    live.statistics.academicYear(year.label),
  );
  check(
    'committee figures',
    committeeReport(views.statistics, year.start, today, calendar),
    live.statistics.committee(year.start, today),
  );
  return differences;
}
