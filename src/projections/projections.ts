import type { IsoDate } from '../domain/calendar/index.js';
import { createCalendar, londonDate } from '../domain/calendar/index.js';
import type { Policy } from '../domain/policy.js';
import { defaultPolicy } from '../domain/policy.js';
import type { EventStore } from '../eventstore/types.js';
import { listCases } from './case-list.js';
import { toCaseSummary } from './case-summary.js';
import { caseloadFor } from './caseload.js';
import { childMatches } from './child-index.js';
import { buildDashboard } from './dashboard.js';
import { deadlineDay, openDeadlines } from './deadlines.js';
import { createProjectionRuntime } from './runtime.js';
import { academicYearReport, committeeReport, dfeReturn } from './statistics-reports.js';
import type { Dashboard, Logger, Projections } from './types.js';
import { applyRecordedEvent, createViews, type Views } from './views.js';

export interface ProjectionsOptions {
  logger?: Logger;
  /** Its calendar (closure days, term dates) counts working and school days in views and reports. */
  policy?: Policy;
  /** The London date statuses, year groups and reports are computed against (today by default). */
  today?: () => IsoDate;
  /** False for a throwaway instance (rebuild), so the live one's position is the one exported. */
  exportMetrics?: boolean;
}

/** The views of one process, and the queries the API and the workers call. */
export function createProjections(
  store: EventStore,
  options: ProjectionsOptions = {},
): Projections & {
  /** The views themselves, for the rebuild's consistency check and the tests. */
  readonly views: Views;
} {
  const views = createViews();
  const calendar = createCalendar((options.policy ?? defaultPolicy).calendar);
  const today = options.today ?? (() => londonDate(new Date()));
  const runtime = createProjectionRuntime({
    store,
    apply: (recorded) => applyRecordedEvent(views, recorded),
    ...(options.logger ? { logger: options.logger } : {}),
    exportPosition: options.exportMetrics !== false,
  });
  // A dashboard depends only on the views and the day: kept until either moves.
  let cachedDashboard: Dashboard | undefined;

  return {
    views,
    start: runtime.start,
    close: runtime.close,
    position: runtime.position,
    waitFor: runtime.waitFor,
    lag: runtime.lag,
    caughtUp: runtime.caughtUp,
    caseSummary: {
      get(caseId) {
        const record = views.records.get(caseId);
        return record ? toCaseSummary(record, today()) : undefined;
      },
      list: (query) => listCases(views.records, query, today()),
    },
    caseload: { forOfficer: (officerId) => caseloadFor(views.caseload, officerId, views.records, today()) },
    deadlines: {
      open: (query = {}) =>
        openDeadlines(views.deadlines, query, deadlineDay(today(), calendar), views.records),
    },
    dashboard: {
      get(day) {
        const position = runtime.position();
        if (cachedDashboard?.today === day && cachedDashboard.position === position) return cachedDashboard;
        cachedDashboard = buildDashboard(
          views.dashboard,
          views.deadlines,
          views.records,
          day,
          calendar,
          position,
        );
        return cachedDashboard;
      },
    },
    statistics: {
      dfeReturn: (censusDate, rounding) => dfeReturn(views.statistics, censusDate, rounding),
      academicYear: (label) => academicYearReport(views.statistics, label),
      committee: (from, to) => committeeReport(views.statistics, from, to, calendar),
    },
    childIndex: { matches: (child) => childMatches(views.childIndex, child, views.records) },
  };
}
