import type { EventStore } from '../eventstore/types.js';
import type { Projections } from './types.js';

export interface RebuildReport {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  consistent: boolean;
  differences: string[];
}

export async function rebuildAndCheck(_store: EventStore, _live?: Projections): Promise<RebuildReport> {
  throw new Error('not yet');
}
