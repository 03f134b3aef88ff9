import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { mintToken } from '../../src/api/plugins/auth.js';
import { buildApp } from '../../src/api/server.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import { bearer, emptyProjections, testConfig } from '../api/support.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('searches leave no personal data in the server log', () => {
  it('logs the path of a search, never its query string', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const config = testConfig();
    const store = createSqliteEventStore({ path: ':memory:' });
    const logger = pino({ level: 'info' }, sink);
    const app = await buildApp({ config, store, projections: emptyProjections(), logger });
    const headers = bearer(await mintToken(config, { sub: 'olive', role: 'officer' }));
    const response = await app.inject({ url: '/v1/cases?q=Amelia%20Fairweather&yearGroup=8', headers });
    await app.inject({ url: 'http://localhost/v1/cases?q=Q801200212345', headers });
    await app.close();
    await store.close();
    expect(response.statusCode).toBe(200);
    const log = lines.join('');
    expect(log).toContain('/v1/cases?[query redacted]');
    expect(log).not.toMatch(/Amelia|Fairweather|Q801200212345/);
  });
});

describe('the SQLite files are readable by the service alone', () => {
  it('creates the folder 0700 and the database, -wal and -shm 0600', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'sightline-files-')), 'data');
    const path = join(folder, 'sightline.db');
    const store = createSqliteEventStore({ path });
    await store.append('test-1', [{ type: 'Written', data: {} }], 'any');
    expect(modeOf(folder)).toBe(0o700);
    expect(modeOf(path)).toBe(0o600);
    expect(modeOf(`${path}-wal`)).toBe(0o600);
    expect(modeOf(`${path}-shm`)).toBe(0o600);
    await store.close();
  });
});
