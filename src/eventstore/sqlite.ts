import Database from 'better-sqlite3';
import { EventStoreClosedError } from './errors.js';
import { createGroupCommit } from './sqlite-append.js';
import { prepareDatabaseFiles } from './sqlite-files.js';
import { createSqliteReader } from './sqlite-read.js';
import { ensureSchema } from './sqlite-schema.js';
import { createPollingSubscription } from './sqlite-subscription.js';
import type { EventStore } from './types.js';
import {
  checkExpectedRevision,
  checkReadAllRequest,
  checkReadStreamRequest,
  checkStreamName,
  checkSubscribeRequest,
  prepareEvents,
} from './validation.js';

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
  const subscriptions = new Set<{ close(): Promise<void> }>();
  let closed = false;

  const guard = () => {
    if (closed) throw new EventStoreClosedError();
  };

  return {
    async append(stream, events, expected) {
      guard();
      checkStreamName(stream);
      checkExpectedRevision(expected);
      return groupCommit.append(stream, prepareEvents(events), expected);
    },

    async *readStream(stream, readOptions = {}) {
      guard();
      checkReadStreamRequest(stream, readOptions);
      yield* reader.readStream(stream, readOptions);
    },

    async *readAll(readOptions = {}) {
      guard();
      checkReadAllRequest(readOptions);
      yield* reader.readAll(readOptions);
    },

    subscribeToAll(subscribeOptions = {}) {
      guard();
      checkSubscribeRequest(subscribeOptions);
      const subscription = createPollingSubscription({
        readPage: (after, pageSize) => reader.readPageAfter(after, pageSize, subscribeOptions.filter),
        from: subscribeOptions.fromPosition ?? 0n,
        pollIntervalMs: options.pollIntervalMs ?? 200,
        listeners,
        onClose: () => subscriptions.delete(subscription),
      });
      subscriptions.add(subscription);
      return subscription;
    },

    async close() {
      if (closed) return;
      closed = true;
      await groupCommit.drain();
      await Promise.all([...subscriptions].map((s) => s.close()));
      db.close();
    },
  };
}
