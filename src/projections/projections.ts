import type { IsoDate } from '../domain/calendar/index.js';
import type { Policy } from '../domain/policy.js';
import type { EventStore } from '../eventstore/types.js';
import type { Logger, Projections } from './types.js';

export interface ProjectionsOptions {
  logger?: Logger;
  policy?: Policy;
  /** The London date reports and year groups are computed against (today by default). */
  today?: () => IsoDate;
}

export function createProjections(_store: EventStore, _options: ProjectionsOptions = {}): Projections {
  throw new Error('not yet');
}
