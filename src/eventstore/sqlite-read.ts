import type { Database, Statement } from 'better-sqlite3';
import type { EventFilter, ReadAllOptions, ReadStreamOptions, RecordedEvent } from './types.js';

const PAGE_SIZE = 2000;
const MAX_POSITION = 2n ** 63n - 1n;

type Row = [bigint, string, string, bigint, string, string, string, string];

const columns = 'position, event_id, stream, revision, type, data, metadata, recorded_at';

const toRecorded = (row: Row): RecordedEvent => ({
  position: row[0],
  id: row[1],
  stream: row[2],
  revision: row[3],
  type: row[4],
  data: JSON.parse(row[5]),
  metadata: JSON.parse(row[6]),
  recordedAt: new Date(row[7]),
});

/** SQL for "the column starts with one of these prefixes"; substr keeps it exact (LIKE folds case). */
const filterSql = (filter: EventFilter | undefined): { sql: string; params: (string | number)[] } => {
  if (filter === undefined) return { sql: '', params: [] };
  const [column, prefixes] =
    'eventTypePrefixes' in filter ? ['type', filter.eventTypePrefixes] : ['stream', filter.streamPrefixes];
  if (prefixes.length === 0) return { sql: ' AND 0', params: [] };
  return {
    sql: ` AND (${prefixes.map(() => `substr(${column}, 1, ?) = ?`).join(' OR ')})`,
    params: prefixes.flatMap((p) => [[...p].length, p]),
  };
};

export function createSqliteReader(db: Database) {
  const streamForwards = db
    .prepare(`SELECT ${columns} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`)
    .raw();
  const streamBackwards = db
    .prepare(
      `SELECT ${columns} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    )
    .raw();
  const allStatements = new Map<string, Statement>();

  const allStatement = (direction: 'forwards' | 'backwards', filter: EventFilter | undefined) => {
    const { sql } = filterSql(filter);
    const key = `${direction}${sql}`;
    let statement = allStatements.get(key);
    if (!statement) {
      const where = direction === 'forwards' ? 'position >= ?' : 'position <= ?';
      const order = direction === 'forwards' ? 'ASC' : 'DESC';
      statement = db
        .prepare(`SELECT ${columns} FROM events WHERE ${where}${sql} ORDER BY position ${order} LIMIT ?`)
        .raw();
      allStatements.set(key, statement);
    }
    return statement;
  };

  const readAllPage = (
    from: bigint,
    limit: number,
    direction: 'forwards' | 'backwards',
    filter: EventFilter | undefined,
  ): RecordedEvent[] => {
    const rows = allStatement(direction, filter).all(from, ...filterSql(filter).params, limit) as Row[];
    return rows.map(toRecorded);
  };

  /** Pages through a read so a million-event log never sits in memory at once. */
  async function* paged(
    maxCount: number,
    page: (from: bigint | undefined, limit: number) => RecordedEvent[],
    next: (last: RecordedEvent) => bigint,
  ): AsyncGenerator<RecordedEvent> {
    let remaining = maxCount;
    let from: bigint | undefined;
    while (remaining > 0) {
      const limit = Math.min(PAGE_SIZE, remaining);
      const events = page(from, limit);
      for (const event of events) yield event;
      remaining -= events.length;
      const last = events.at(-1);
      if (events.length < limit || last === undefined) return;
      from = next(last);
    }
  }

  return {
    readStream(stream: string, options: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
      const backwards = options.direction === 'backwards';
      const start = options.fromRevision ?? (backwards ? MAX_POSITION : 0n);
      return paged(
        options.maxCount ?? Number.POSITIVE_INFINITY,
        (from, limit) =>
          ((backwards ? streamBackwards : streamForwards).all(stream, from ?? start, limit) as Row[]).map(
            toRecorded,
          ),
        (last) => (backwards ? last.revision - 1n : last.revision + 1n),
      );
    },

    readAll(options: ReadAllOptions): AsyncGenerator<RecordedEvent> {
      const direction = options.direction ?? 'forwards';
      const start = options.fromPosition ?? (direction === 'backwards' ? MAX_POSITION : 0n);
      return paged(
        options.maxCount ?? Number.POSITIVE_INFINITY,
        (from, limit) => readAllPage(from ?? start, limit, direction, options.filter),
        (last) => (direction === 'backwards' ? last.position - 1n : last.position + 1n),
      );
    },

    /** Events strictly after `after`, for subscriptions. */
    readPageAfter(after: bigint, limit: number, filter: EventFilter | undefined): RecordedEvent[] {
      return readAllPage(after + 1n, limit, 'forwards', filter);
    },
  };
}
