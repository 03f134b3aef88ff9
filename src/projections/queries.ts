import type { Calendar, IsoDate } from '../domain/calendar/index.js';
import { createSummaryOf } from './case-summary.js';
import type { ViewQueries } from './view.js';
import { type Views, viewList, viewNeeds, viewStates } from './views.js';

export type { ViewQueries } from './view.js';

/**
 * The read side of the views, pure over them: what the API and the workers call, each view's queries
 * merged. `position` (the last case event applied) stamps and keys the caches of the dashboard and the
 * caseloads, reused until a case or the day moves.
 */
export function createViewQueries(
  views: Views,
  context: { today: () => IsoDate; calendar: Calendar; position: () => bigint },
): ViewQueries {
  const states = viewStates(views);
  const needs = viewNeeds(views);
  const queryContext = { ...context, records: views.records, summaryOf: createSummaryOf() };
  const merged: Partial<ViewQueries> = {};
  viewList.forEach((view, index) => {
    Object.assign(merged, view.queries(states[index], queryContext, needs));
  });
  const { caseSummary, caseload, deadlines, dashboard, statistics, childIndex, register } = merged;
  if (!caseSummary || !caseload || !deadlines || !dashboard || !statistics || !childIndex || !register) {
    throw new Error('a query of the Projections interface has no view answering it');
  }
  return { caseSummary, caseload, deadlines, dashboard, statistics, childIndex, register };
}
