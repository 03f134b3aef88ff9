export { createProjections, type ProjectionsOptions } from './projections.js';
export { type RebuildReport, rebuildAndCheck } from './rebuild.js';
export type * from './types.js';
