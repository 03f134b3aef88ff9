import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../src/api/plugins/auth.js';
import { buildApp } from '../../src/api/server.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import { eheReferral } from '../api/fixtures.js';
import { bearer, emptyProjections, TEST_SECRET, type TestApi, testApi, testConfig } from '../api/support.js';

const someCase = `/v1/cases/${randomUUID()}`;
const now = () => Math.floor(Date.now() / 1000);

/** A local token with exactly these claims (no defaults), signed with the test secret. */
const localToken = (claims: JWTPayload) =>
  new SignJWT({ iss: 'sightline', aud: 'sightline', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(TEST_SECRET));
const fresh = { iat: now(), exp: now() + 3600 };

describe('a token is refused unless its subject, lifetime and role are sound', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi();
  });
  afterAll(() => api.close());

  const status = async (token: string) =>
    (await api.app.inject({ url: someCase, headers: bearer(token) })).statusCode;

  it('accepts a well-formed token (the baseline the refusals differ from)', async () => {
    expect(await status(await localToken({ sub: 'olive', role: 'officer', ...fresh }))).toBe(404);
  });

  it.each([
    ['a number', 42],
    ['an object', { id: 'olive' }],
    ['longer than 200 characters', 'a'.repeat(201)],
    ['holding a control character', 'olive\u0000'],
    ['holding a newline', 'olive\nmanager'],
    ['only spaces', '   '],
    ['empty', ''],
  ])('refuses a subject that is %s', async (_, sub) => {
    expect(await status(await localToken({ sub, role: 'officer', ...fresh } as JWTPayload))).toBe(401);
  });

  it('refuses a subject that is a number, so the access log stays readable for the auditor', async () => {
    const referral = eheReferral();
    const manager = bearer(await api.token('manager'));
    await api.app.inject({ method: 'POST', url: '/v1/ehe-cases', headers: manager, payload: referral });
    const officer = await localToken({ sub: 7 as unknown as string, role: 'officer', ...fresh });
    await api.app.inject({ url: `/v1/cases/${referral.caseId}`, headers: bearer(officer) });
    const auditor = bearer(await api.token('auditor'));
    expect((await api.app.inject({ url: '/v1/access-log', headers: auditor })).statusCode).toBe(200);
  });

  it('refuses a token without exp, and one without iat', async () => {
    expect(await status(await localToken({ sub: 'olive', role: 'officer', iat: now() }))).toBe(401);
    expect(await status(await localToken({ sub: 'olive', role: 'officer', exp: now() + 60 }))).toBe(401);
  });

  it('refuses a token that lives longer than 12 hours', async () => {
    const token = await localToken({ sub: 'olive', role: 'officer', iat: now(), exp: now() + 12 * 3600 + 1 });
    expect(await status(token)).toBe(401);
  });

  it('refuses a token issued in the future', async () => {
    const token = await localToken({ sub: 'olive', role: 'officer', iat: now() + 600, exp: now() + 3600 });
    expect(await status(token)).toBe(401);
  });

  it('refuses a token naming two of our roles rather than picking one', async () => {
    const token = await localToken({ sub: 'olive', role: ['officer', 'manager'], ...fresh });
    expect(await status(token)).toBe(401);
  });
});

describe('sightline token caps the lifetime it mints', () => {
  it('mints 12 hours, and refuses 13', async () => {
    const config = testConfig();
    await expect(mintToken(config, { sub: 'olive', role: 'officer', expiresIn: '12h' })).resolves.toEqual(
      expect.any(String),
    );
    await expect(mintToken(config, { sub: 'olive', role: 'officer', expiresIn: '13h' })).rejects.toThrow(
      ConfigError,
    );
  });

  it('the CLI refuses --expires 13h with a message, not a stack trace', () => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const run = spawnSync(
      tsx,
      ['src/main.ts', 'token', '--sub', 'olive', '--role', 'officer', '--expires', '13h'],
      {
        env: { ...process.env, AUTH_SECRET: TEST_SECRET, SQLITE_PATH: ':memory:', LOG_LEVEL: 'silent' },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('at most 12 hours');
    expect(run.stdout).toBe('');
  });

  it('refuses a subject with a space or a control character', async () => {
    await expect(mintToken(testConfig(), { sub: 'olive smith', role: 'officer' })).rejects.toThrow(
      ConfigError,
    );
  });
});

describe('the OIDC issuer is trusted only over https and only as itself', () => {
  it('refuses an http issuer that is not this machine, and any http issuer in production', () => {
    const oidc = { AUTH_MODE: 'oidc', OIDC_AUDIENCE: 'sightline-api' };
    expect(() => loadConfig({ ...oidc, OIDC_ISSUER: 'http://idp.council.example/realms/c' })).toThrow(
      /OIDC_ISSUER/,
    );
    expect(() =>
      loadConfig({ ...oidc, NODE_ENV: 'production', OIDC_ISSUER: 'http://127.0.0.1:8080/realms/c' }),
    ).toThrow(/OIDC_ISSUER/);
    expect(loadConfig({ ...oidc, OIDC_ISSUER: 'https://idp.council.example/realms/c' }).OIDC_ISSUER).toBe(
      'https://idp.council.example/realms/c',
    );
  });

  let server: Server;
  let issuer: string;
  let discovery: () => Record<string, unknown>;
  let privateJwk: JWK;
  beforeAll(async () => {
    const keys = await generateKeyPair('RS256', { extractable: true });
    privateJwk = await exportJWK(keys.privateKey);
    // No `alg` on the key: which RSA algorithms the verifier accepts is then up to its own pin.
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', use: 'sig' };
    server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.url === '/c/.well-known/openid-configuration') response.end(JSON.stringify(discovery()));
      else if (request.url === '/c/certs') response.end(JSON.stringify({ keys: [jwk] }));
      else response.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/c`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const oidcStatus = async (alg: string) => {
    const config = testConfig({ AUTH_MODE: 'oidc', OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'sightline-api' });
    const store = createSqliteEventStore({ path: ':memory:' });
    const app = await buildApp({ config, store, projections: emptyProjections() });
    const token = await new SignJWT({ roles: ['officer'] })
      .setProtectedHeader({ alg, kid: 'k1' })
      .setIssuer(issuer)
      .setAudience('sightline-api')
      .setSubject('bob')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(await importJWK(privateJwk, alg));
    const response = await app.inject({ url: someCase, headers: bearer(token) });
    await app.close();
    await store.close();
    return response.statusCode;
  };

  it('accepts RS256 from the issuer its discovery document names', async () => {
    discovery = () => ({ issuer, jwks_uri: `${issuer}/certs` });
    expect(await oidcStatus('RS256')).toBe(404);
  });

  it('refuses algorithms other than RS256 and ES256', async () => {
    discovery = () => ({ issuer, jwks_uri: `${issuer}/certs` });
    expect(await oidcStatus('RS384')).toBe(401);
  });

  it('refuses a discovery document naming another issuer', async () => {
    discovery = () => ({ issuer: 'https://elsewhere.example/c', jwks_uri: `${issuer}/certs` });
    expect(await oidcStatus('RS256')).toBe(401);
  });

  it('refuses keys served over plain http from another machine', async () => {
    discovery = () => ({ issuer, jwks_uri: 'http://keys.example/certs' });
    expect(await oidcStatus('RS256')).toBe(401);
  });
});
