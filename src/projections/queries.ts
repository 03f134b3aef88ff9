import type { Calendar, IsoDate } from '../domain/calendar/index.js';
import { listCases } from './case-list.js';
import { toCaseSummary } from './case-summary.js';
import { caseloadFor } from './caseload.js';
import { childMatches } from './child-index.js';
import { buildDashboard } from './dashboard.js';
import { deadlineDay, openDeadlines } from './deadlines.js';
import { academicYearReport, committeeReport, dfeReturn } from './statistics-reports.js';
import type { CaseSummary, Dashboard, Projections } from './types.js';
import type { Views } from './views.js';

export type ViewQueries = Pick<
  Projections,
  'caseSummary' | 'caseload' | 'deadlines' | 'dashboard' | 'statistics' | 'childIndex'
>;

/**
 * The read side of the views, pure over them: what the API and the workers call. `position` (the last case
 * event applied) stamps and keys the caches of the dashboard and the caseloads, reused until a case or the
 * day moves.
 */
export function createViewQueries(
  views: Views,
  context: { today: () => IsoDate; calendar: Calendar; position: () => bigint },
): ViewQueries {
  const { today, calendar, position } = context;
  let cachedDashboard: Dashboard | undefined;
  // Sorted caseloads, valid while no case event and no day has passed since they were sorted.
  let caseloads = { today: '', position: -2n, byOfficer: new Map<string, readonly CaseSummary[]>() };
  return {
    caseSummary: {
      get(caseId) {
        const record = views.records.get(caseId);
        return record ? toCaseSummary(record, today()) : undefined;
      },
      list: (query) => listCases(views.records, query, today()),
    },
    caseload: {
      forOfficer(officerId) {
        const day = today();
        const at = position();
        if (caseloads.today !== day || caseloads.position !== at) {
          caseloads = { today: day, position: at, byOfficer: new Map() };
        }
        let caseload = caseloads.byOfficer.get(officerId);
        if (!caseload) {
          caseload = caseloadFor(views.caseload, officerId, views.records, day);
          caseloads.byOfficer.set(officerId, caseload);
        }
        return caseload;
      },
    },
    deadlines: {
      open: (query = {}) =>
        openDeadlines(views.deadlines, query, deadlineDay(today(), calendar), views.records),
    },
    dashboard: {
      get(day) {
        const at = position();
        if (cachedDashboard?.today !== day || cachedDashboard.position !== at) {
          cachedDashboard = buildDashboard(
            views.dashboard,
            views.deadlines,
            views.records,
            day,
            calendar,
            at,
          );
        }
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
