import type { Database } from 'better-sqlite3';

export const SCHEMA_VERSION = 1n;

/** Creates or checks the schema; refuses a file written by a newer sightline. */
export function ensureSchema(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS sightline_schema (version INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS events (
      position    INTEGER PRIMARY KEY AUTOINCREMENT,
      event_id    TEXT    NOT NULL UNIQUE,
      stream      TEXT    NOT NULL,
      revision    INTEGER NOT NULL,
      type        TEXT    NOT NULL,
      data        TEXT    NOT NULL,
      metadata    TEXT    NOT NULL,
      recorded_at TEXT    NOT NULL,
      UNIQUE (stream, revision)
    );
  `);
  const row = db.prepare('SELECT version FROM sightline_schema').get() as { version: bigint } | undefined;
  if (row === undefined) {
    db.prepare('INSERT INTO sightline_schema (version) VALUES (?)').run(SCHEMA_VERSION);
  } else if (row.version > SCHEMA_VERSION) {
    throw new Error(
      `The event store file has schema version ${row.version}, newer than this sightline (${SCHEMA_VERSION})`,
    );
  }
}
