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
  // Loaded only when asked for, so the embedded default never loads the gRPC client.
  const { createEsdbEventStore } = await import('./esdb.js');
  if (!config.ESDB_URL) throw new Error('ESDB_URL is required when EVENT_STORE=esdb');
  return createEsdbEventStore({
    connectionString: config.ESDB_URL,
    deadlineMs: config.ESDB_DEADLINE_MS,
    readDeadlineMs: config.ESDB_READ_DEADLINE_MS,
  });
}
