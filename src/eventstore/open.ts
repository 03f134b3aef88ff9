import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from '../config.js';
import { createSqliteEventStore } from './sqlite.js';
import type { EventStore } from './types.js';

/** The event store the configuration names: the embedded SQLite file by default. */
export async function openEventStore(config: Config): Promise<EventStore> {
  if (config.EVENT_STORE === 'sqlite') {
    if (config.SQLITE_PATH !== ':memory:') mkdirSync(dirname(config.SQLITE_PATH), { recursive: true });
    return createSqliteEventStore({ path: config.SQLITE_PATH });
  }
  throw new Error('EVENT_STORE=esdb is not available in this build yet');
}
