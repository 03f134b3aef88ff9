import type { Database } from 'better-sqlite3';
import {
  EventStoreUnavailableError,
  InvalidEventStoreRequestError,
  WrongExpectedVersionError,
} from './errors.js';
import type { AppendResult, ExpectedRevision } from './types.js';
import type { PreparedEvent } from './validation.js';

interface PendingAppend {
  stream: string;
  events: PreparedEvent[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

const expectedHolds = (expected: ExpectedRevision, current: bigint | null): boolean => {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === null;
  if (expected === 'stream_exists') return current !== null;
  return current === expected;
};

/** SQLite's transient failures (busy, locked, I/O) are outages, not bugs: callers may retry. */
const toStoreError = (error: unknown): unknown => {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY)/.test(code)) {
    return new EventStoreUnavailableError(`The SQLite event store could not write (${code})`, {
      cause: error,
    });
  }
  return error;
};

/**
 * Group commit: appends that arrive while a commit is pending share one transaction and one fsync.
 * Each append runs in its own savepoint, so a revision conflict fails only that append, and every
 * caller is answered only after the commit holding its events is durable.
 */
export function createGroupCommit(db: Database, onCommitted: () => void) {
  const currentRevision = db.prepare('SELECT max(revision) FROM events WHERE stream = ?').pluck();
  const eventById = db.prepare('SELECT stream, revision, position FROM events WHERE event_id = ?');
  const idsFrom = db
    .prepare('SELECT event_id FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?')
    .pluck();
  const lastPositionOf = db.prepare('SELECT position FROM events WHERE stream = ? AND revision = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO events (event_id, stream, revision, type, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

  let queue: PendingAppend[] = [];
  let scheduled: Promise<void> | null = null;

  /** The same ids appended again at the same place: answer with what the first append wrote. */
  const replayOf = (append: PendingAppend, current: bigint | null): AppendResult | null => {
    const first = append.events[0];
    const found = first && (eventById.get(first.id) as { stream: string; revision: bigint } | undefined);
    if (!found) return null;
    const ids = idsFrom.all(found.stream, found.revision, append.events.length) as string[];
    const sameBatch =
      found.stream === append.stream &&
      ids.length === append.events.length &&
      ids.every((id, i) => id === append.events[i]?.id);
    if (!sameBatch) return null;
    const before = found.revision === 0n ? null : found.revision - 1n;
    const fits =
      append.expected === 'any' ||
      append.expected === 'stream_exists' ||
      (append.expected === 'no_stream' ? before === null : append.expected === before);
    if (!fits) throw new WrongExpectedVersionError(append.stream, append.expected, current ?? 'no_stream');
    const nextRevision = found.revision + BigInt(append.events.length) - 1n;
    return {
      nextRevision,
      position: lastPositionOf.get(append.stream, nextRevision) as bigint,
      replayed: true,
    };
  };

  const appendOne = (append: PendingAppend, recordedAt: string): AppendResult => {
    const current = (currentRevision.get(append.stream) as bigint | null) ?? null;
    const replay = replayOf(append, current);
    if (replay) return replay;
    if (!expectedHolds(append.expected, current)) {
      throw new WrongExpectedVersionError(append.stream, append.expected, current ?? 'no_stream');
    }
    let revision = current ?? -1n;
    let position = 0n;
    append.events.forEach((event, i) => {
      revision += 1n;
      try {
        const info = insert.run(
          event.id,
          append.stream,
          revision,
          event.type,
          event.data,
          event.metadata,
          recordedAt,
        );
        position = BigInt(info.lastInsertRowid);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new InvalidEventStoreRequestError(
            `Event id ${event.id} is already used by another event`,
            `events[${i}].id`,
          );
        }
        throw error;
      }
    });
    return { nextRevision: revision, position, replayed: false };
  };

  const commitBatch = (batch: PendingAppend[]): Outcome[] => {
    const recordedAt = new Date().toISOString();
    db.exec('BEGIN IMMEDIATE');
    try {
      const outcomes = batch.map((append): Outcome => {
        db.exec('SAVEPOINT one_append');
        try {
          const result = appendOne(append, recordedAt);
          db.exec('RELEASE one_append');
          return { ok: true, result };
        } catch (error) {
          db.exec('ROLLBACK TO one_append');
          db.exec('RELEASE one_append');
          return { ok: false, error: toStoreError(error) };
        }
      });
      db.exec('COMMIT');
      return outcomes;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  };

  const flush = () => {
    scheduled = null;
    const batch = queue;
    queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = commitBatch(batch);
    } catch (error) {
      const failure = toStoreError(error);
      for (const append of batch) append.reject(failure);
      return;
    }
    outcomes.forEach((outcome, i) => {
      const append = batch[i]!;
      if (outcome.ok) append.resolve(outcome.result);
      else append.reject(outcome.error);
    });
    if (outcomes.some((o) => o.ok)) onCommitted();
  };

  return {
    append(stream: string, events: PreparedEvent[], expected: ExpectedRevision): Promise<AppendResult> {
      return new Promise((resolve, reject) => {
        queue.push({ stream, events, expected, resolve, reject });
        scheduled ??= new Promise((done) =>
          setImmediate(() => {
            flush();
            done();
          }),
        );
      });
    },
    /** Waits for the appends already queued to be committed. */
    async drain(): Promise<void> {
      while (scheduled) await scheduled;
    },
  };
}
