import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken, resolveAuthSecret } from '../../src/api/plugins/auth.js';
import { buildApp } from '../../src/api/server.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import { eheReferral } from './fixtures.js';
import { bearer, emptyProjections, TEST_SECRET, type TestApi, testApi, testConfig } from './support.js';

const someCase = `/v1/cases/${randomUUID()}`;

describe('bearer tokens (local HS256)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi();
  });
  afterAll(() => api.close());

  it('answers 401 with a problem and a Bearer challenge without a token', async () => {
    const response = await api.app.inject(someCase);
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['www-authenticate']).toContain('Bearer');
    expect(response.json()).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('answers 401 to an expired token', async () => {
    const token = await mintToken(api.config, {
      sub: 'alice',
      role: 'officer',
      expiresIn: Math.floor(Date.now() / 1000) - 60,
    });
    expect((await api.app.inject({ url: someCase, headers: bearer(token) })).statusCode).toBe(401);
  });

  it('answers 401 to a token for another audience', async () => {
    const token = await mintToken(testConfig({ AUTH_AUDIENCE: 'another-service' }), {
      sub: 'alice',
      role: 'officer',
    });
    expect((await api.app.inject({ url: someCase, headers: bearer(token) })).statusCode).toBe(401);
  });

  it('answers 401 to a token signed with another secret', async () => {
    const token = await mintToken(testConfig({ AUTH_SECRET: 'x'.repeat(40) }), {
      sub: 'alice',
      role: 'officer',
    });
    expect((await api.app.inject({ url: someCase, headers: bearer(token) })).statusCode).toBe(401);
  });

  it('answers 403 to a referrer trying to read a case', async () => {
    const response = await api.app.inject({ url: someCase, headers: bearer(await api.token('referrer')) });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'forbidden' });
  });

  it('answers 403 to admin (no case data) creating a referral, before looking at the body', async () => {
    const before = await api.eventCount();
    const response = await api.app.inject({
      method: 'POST',
      url: '/v1/ehe-cases',
      headers: bearer(await api.token('admin')),
      payload: eheReferral(),
    });
    expect(response.statusCode).toBe(403);
    expect(await api.eventCount()).toBe(before);
  });

  it('lets a token through to the route with the right role', async () => {
    const response = await api.app.inject({ url: someCase, headers: bearer(await api.token('officer')) });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'case_not_found' });
  });
});

describe('the local secret', () => {
  it('is created once beside the SQLite file, readable only by its owner, and shared by token and server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-auth-'));
    const config = testConfig({ SQLITE_PATH: join(dir, 'data', 'sightline.db'), AUTH_SECRET: '' });
    const secret = resolveAuthSecret(config);
    const file = join(dir, 'data', 'auth-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret(config)).toBe(secret);
    const store = createSqliteEventStore({ path: ':memory:' });
    const app = await buildApp({ config, store, projections: emptyProjections() });
    const token = await mintToken(config, { sub: 'alice', role: 'officer' });
    expect((await app.inject({ url: someCase, headers: bearer(token) })).statusCode).toBe(404);
    await app.close();
    await store.close();
  });
});

describe('bearer tokens from an OIDC issuer', () => {
  let server: Server;
  let issuer: string;
  let sign: (claims: Record<string, unknown>, audience?: string) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.url === '/realms/council/.well-known/openid-configuration') {
        response.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/certs` }));
      } else if (request.url === '/realms/council/certs') {
        response.end(JSON.stringify({ keys: [jwk] }));
      } else {
        response.statusCode = 404;
        response.end('{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/council`;
    sign = (claims, audience = 'sightline-api') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject('bob')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const oidcApp = async () => {
    const config = testConfig({
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: 'sightline-api',
      OIDC_ROLE_CLAIM: 'realm_access.roles',
      AUTH_SECRET: TEST_SECRET,
    });
    const store = createSqliteEventStore({ path: ':memory:' });
    const app = await buildApp({ config, store, projections: emptyProjections() });
    return {
      app,
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  };

  it('accepts a token signed by a key in the issuer’s JWKS, reading the role from the configured claim', async () => {
    const { app, close } = await oidcApp();
    const token = await sign({ realm_access: { roles: ['offline_access', 'officer'] } });
    const response = await app.inject({ url: someCase, headers: bearer(token) });
    expect(response.statusCode).toBe(404);
    await close();
  });

  it('refuses a token for another audience, and one with no role of ours', async () => {
    const { app, close } = await oidcApp();
    const otherAudience = await sign({ realm_access: { roles: ['officer'] } }, 'another-api');
    expect((await app.inject({ url: someCase, headers: bearer(otherAudience) })).statusCode).toBe(401);
    const noRole = await sign({ realm_access: { roles: ['offline_access'] } });
    expect((await app.inject({ url: someCase, headers: bearer(noRole) })).statusCode).toBe(401);
    await close();
  });

  it('refuses a local HS256 token when the issuer is OIDC', async () => {
    const { app, close } = await oidcApp();
    const local = await mintToken(testConfig(), { sub: 'alice', role: 'manager' });
    expect((await app.inject({ url: someCase, headers: bearer(local) })).statusCode).toBe(401);
    await close();
  });
});
