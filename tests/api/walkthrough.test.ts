import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../src/api/plugins/auth.js';
import { buildApp } from '../../src/api/server.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import { emptyProjections, testConfig } from './support.js';

const run = promisify(execFile);

/** The README's curl walk-through, run for real against the server listening on a socket. */
describe('the README walk-through', () => {
  const config = testConfig();
  const store = createSqliteEventStore({ path: ':memory:' });
  let app: Awaited<ReturnType<typeof buildApp>>;
  let url: string;
  beforeAll(async () => {
    app = await buildApp({ config, store, projections: emptyProjections() });
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('takes a case from a deletion return to closure with curl', async () => {
    const env = {
      ...process.env,
      SIGHTLINE_URL: url,
      SCHOOL_TOKEN: await mintToken(config, { sub: 'bitterne-park', role: 'referrer' }),
      MANAGER_TOKEN: await mintToken(config, { sub: 'mary', role: 'manager' }),
      OFFICER_TOKEN: await mintToken(config, { sub: 'olive', role: 'officer' }),
    };
    const { stdout } = await run('bash', ['tests/api/walkthrough.sh'], { env });
    expect(stdout).toMatch(/^opened EHE case [0-9a-f-]{36}$/m);
    expect(stdout).toContain('["FirstContactMade"]');
    expect(stdout).toContain('["ReturnedToSchool"]');
    expect(stdout).toMatch(/"events":\["EheCaseClosed"\]/);
    expect(stdout).toMatch(/^0 EheReferralReceived by bitterne-park$/m);
    expect(stdout).toMatch(/EheCaseClosed by mary$/m);
  });

  it('answers over the socket with security headers and a request id', async () => {
    const response = await fetch(`${url}/health/live`, { headers: { 'x-request-id': 'trace-123' } });
    expect(response.status).toBe(200);
    // Our own id, always: a client's X-Request-Id is logged beside it, never used as it.
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toContain('max-age');
  });

  it('tells caches to keep no copy of case data', async () => {
    const token = await mintToken(config, { sub: 'mary', role: 'manager' });
    const response = await fetch(`${url}/v1/deadlines`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
