import { caseOfStream } from '../domain/case-types.js';
import type { RecordedEvent } from '../eventstore/types.js';
import { decodeCaseEvent } from './case-event.js';
import type { CaseRecords } from './case-summary.js';
import { evolveCaseRecord } from './case-summary.js';
import type { CaseloadView } from './caseload.js';
import { createCaseloadView, evolveCaseload } from './caseload.js';
import type { ChildIndexView } from './child-index.js';
import { createChildIndexView, evolveChildIndex } from './child-index.js';
import type { DashboardView } from './dashboard.js';
import { createDashboardView, evolveDashboard } from './dashboard.js';
import type { DeadlinesView } from './deadlines.js';
import { createDeadlinesView, evolveDeadlines } from './deadlines.js';
import type { StatisticsView } from './statistics.js';
import { createStatisticsView, evolveCaseHistory } from './statistics.js';

/** Every view, fed one event at a time. */
export interface Views {
  records: CaseRecords;
  deadlines: DeadlinesView;
  caseload: CaseloadView;
  dashboard: DashboardView;
  childIndex: ChildIndexView;
  statistics: StatisticsView;
}

export const createViews = (): Views => ({
  records: new Map(),
  deadlines: createDeadlinesView(),
  caseload: createCaseloadView(),
  dashboard: createDashboardView(),
  childIndex: createChildIndexView(),
  statistics: createStatisticsView(),
});

/**
 * Applies one stored event to every view, or to none: the event is decoded and the case's new record and
 * history are computed first (these may throw: a poison event changes nothing); only then are the views
 * committed, by steps that cannot fail. Returns false for a stream that is not a case's.
 * Throws the codec's DomainError for an event it cannot read.
 */
export function applyRecordedEvent(views: Views, recorded: RecordedEvent): boolean {
  const stream = caseOfStream(recorded.stream);
  if (!stream) return false;
  const change = decodeCaseEvent(recorded, stream);
  const before = views.records.get(change.caseId);
  const after = evolveCaseRecord(before, change);
  const historyBefore = views.statistics.get(change.caseId);
  const history = evolveCaseHistory(historyBefore, change);

  if (after && after !== before) {
    views.records.set(change.caseId, after);
    evolveDeadlines(views.deadlines, before, after);
    evolveCaseload(views.caseload, before, after);
    evolveDashboard(views.dashboard, before, after);
    evolveChildIndex(views.childIndex, before, after);
  }
  if (history && history !== historyBefore) views.statistics.set(change.caseId, history);
  return true;
}
