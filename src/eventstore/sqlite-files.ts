import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Personal data: readable and writable by the service's own user only. */
const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;

/**
 * Creates the database's folder (0700, only folders we create: an existing one may be shared) and file
 * (0600) before SQLite opens it, and tightens an older file left at 0644. SQLite gives the `-wal` and
 * `-shm` files it creates later the database file's own mode; ones left by an older version are
 * tightened here too.
 */
export function prepareDatabaseFiles(path: string): void {
  if (path === ':memory:' || path === '' || path.startsWith('file:')) return;
  mkdirSync(dirname(path), { recursive: true, mode: FOLDER_MODE });
  closeSync(openSync(path, 'a', FILE_MODE));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, FILE_MODE);
  }
}
