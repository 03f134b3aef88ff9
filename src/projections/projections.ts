import { Registry } from 'prom-client';
import type { IsoDate } from '../domain/calendar/index.js';
import { createCalendar, londonDate } from '../domain/calendar/index.js';
import type { Policy } from '../domain/policy.js';
import { defaultPolicy } from '../domain/policy.js';
import type { EventStore } from '../eventstore/types.js';
import { createProjectionMetrics, type ProjectionMetrics } from './metrics.js';
import { createViewQueries } from './queries.js';
import { createProjectionRuntime } from './runtime.js';
import type { Logger, Projections } from './types.js';
import { applyRecordedEvent, caseStreamsFilter, createViews, type Views } from './views.js';

export interface ProjectionsOptions {
  logger?: Logger;
  /** Its calendar (closure days, term dates) counts working and school days in views and reports. */
  policy?: Policy;
  /** The London date statuses, year groups and reports are computed against (today by default). */
  today?: () => IsoDate;
  /** The views' figures, on the process's registry (the composition root's); by default on none. */
  metrics?: ProjectionMetrics;
  /** False for a throwaway instance, so the live one's position is the one exported. */
  exportMetrics?: boolean;
}

export type LiveProjections = Projections & {
  /** The views themselves, for the rebuild's consistency check and the tests. */
  readonly views: Views;
};

/** The views of one process, kept current from the store, and the queries the API and the workers call. */
export function createProjections(store: EventStore, options: ProjectionsOptions = {}): LiveProjections {
  const views = createViews();
  // Only case events change what the queries answer; the access log, written on every read, must not
  // invalidate the dashboard's cache.
  let lastCaseEventAt = -1n;
  const runtime = createProjectionRuntime({
    store,
    apply: (recorded) => {
      if (applyRecordedEvent(views, recorded)) lastCaseEventAt = recorded.position;
    },
    ...(options.logger ? { logger: options.logger } : {}),
    metrics: options.metrics ?? createProjectionMetrics(new Registry()),
    exportPosition: options.exportMetrics !== false,
    filter: caseStreamsFilter,
  });
  const queries = createViewQueries(views, {
    today: options.today ?? (() => londonDate(new Date())),
    calendar: createCalendar((options.policy ?? defaultPolicy).calendar),
    position: () => lastCaseEventAt,
  });
  return { views, ...runtime, ...queries };
}
