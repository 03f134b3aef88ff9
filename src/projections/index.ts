export { isCaseListCursor } from './case-list.js';
export { createProjectionMetrics, type ProjectionMetrics } from './metrics.js';
export { createProjections, type LiveProjections, type ProjectionsOptions } from './projections.js';
export { createViewQueries, type ViewQueries } from './queries.js';
export { type RebuildOptions, type RebuildReport, rebuildAndCheck } from './rebuild.js';
export { WaitForTimeoutError } from './runtime.js';
export type * from './types.js';
export { applyRecordedEvent, createViews, type Views } from './views.js';
