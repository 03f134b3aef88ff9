import Database from 'better-sqlite3';
import { checkedEventStore } from './checked-store.js';
import { createGroupCommit } from './sqlite-append.js';
import { prepareDatabaseFiles } from './sqlite-files.js';
import { createSqliteReader } from './sqlite-read.js';
import { ensureSchema } from './sqlite-schema.js';
import { createPollingSubscription } from './sqlite-subscription.js';
import type { EventStore } from './types.js';

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:' for a store that lives as long as the process. */
  path: string;
  /** How often a live subscription looks for appends made by another process. */
  pollIntervalMs?: number;
  /** How long a write waits for another process's write lock before giving up. */
  busyTimeoutMs?: number;
}

export function createSqliteEventStore(options: SqliteEventStoreOptions): EventStore {
  prepareDatabaseFiles(options.path);
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  // better-sqlite3 defaults WAL to NORMAL, which can lose the last commits on power loss.
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.defaultSafeIntegers(true);
  ensureSchema(db);

  const reader = createSqliteReader(db);
  const listeners = new Set<() => void>();
  const groupCommit = createGroupCommit(db, () => {
    for (const wake of listeners) wake();
  });

  return checkedEventStore({
    append: (stream, events, expected) => groupCommit.append(stream, events, expected),
    readStream: (stream, readOptions) => reader.readStream(stream, readOptions),
    readAll: (readOptions) => reader.readAll(readOptions),
    subscribeToAll: (subscribeOptions, onClose) =>
      createPollingSubscription({
        readPage: (after, pageSize) => reader.readPageAfter(after, pageSize, subscribeOptions.filter),
        from: subscribeOptions.fromPosition ?? 0n,
        pollIntervalMs: options.pollIntervalMs ?? 200,
        listeners,
        onClose,
      }),
    drain: () => groupCommit.drain(),
    close: async () => {
      db.close();
    },
  });
}
