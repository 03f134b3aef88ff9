import { SignJWT } from 'jose';
import { roles } from '../../../src/domain/roles.js';
import { cmeReferral, eheReferral } from '../../api/fixtures.js';
import { TEST_SECRET, type TestApi, testApi } from '../../api/support.js';
import type { Operation } from './fuzz-operations.js';
import type { Credential } from './fuzz-requests.js';

/** Tokens that must all be refused: expired, for another audience or issuer, badly signed, roleless. */
async function refusedTokens(config: TestApi['config']): Promise<Credential[]> {
  const key = new TextEncoder().encode(TEST_SECRET);
  const sign = (claims: Record<string, unknown>, edit: (jwt: SignJWT) => SignJWT, secret = key) =>
    edit(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt()).sign(secret);
  const local = (jwt: SignJWT) => jwt.setIssuer('sightline').setAudience(config.AUTH_AUDIENCE);
  const unsigned = (claims: object) =>
    `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
  const bearer = (label: string, token: string): Credential => ({ label, header: `Bearer ${token}` });
  const manager = { role: 'manager', sub: 'mary' };
  return [
    { label: 'no token' },
    { label: 'empty bearer', header: 'Bearer ' },
    { label: 'basic auth', header: 'Basic dXNlcjpwYXNz' },
    bearer('not a jwt', 'not.a.jwt'),
    bearer(
      'expired',
      await sign(manager, (jwt) => local(jwt).setExpirationTime(Math.floor(Date.now() / 1000) - 60)),
    ),
    bearer(
      'other audience',
      await sign(manager, (jwt) =>
        jwt.setIssuer('sightline').setAudience('elsewhere').setExpirationTime('1h'),
      ),
    ),
    bearer(
      'other issuer',
      await sign(manager, (jwt) =>
        jwt.setIssuer('evil').setAudience(config.AUTH_AUDIENCE).setExpirationTime('1h'),
      ),
    ),
    bearer(
      'other secret',
      await sign(
        manager,
        (jwt) => local(jwt).setExpirationTime('1h'),
        new TextEncoder().encode('x'.repeat(48)),
      ),
    ),
    bearer('alg none', unsigned({ ...manager, iss: 'sightline', aud: config.AUTH_AUDIENCE })),
    bearer(
      'unknown role',
      await sign({ role: 'superuser', sub: 'eve' }, (jwt) => local(jwt).setExpirationTime('1h')),
    ),
    bearer('no subject', await sign({ role: 'manager' }, (jwt) => local(jwt).setExpirationTime('1h'))),
    ...(await badSubjectsAndLifetimes(config, sign, local)),
  ].map((credential) => ({ ...credential, refused: true }));
}

/** Subjects that would poison the log, lifetimes out of bounds, and a token naming two roles (issue 12). */
async function badSubjectsAndLifetimes(
  config: TestApi['config'],
  sign: (claims: Record<string, unknown>, edit: (jwt: SignJWT) => SignJWT) => Promise<string>,
  local: (jwt: SignJWT) => SignJWT,
): Promise<Credential[]> {
  const bearer = (label: string, token: string): Credential => ({ label, header: `Bearer ${token}` });
  const hour = (jwt: SignJWT) => local(jwt).setExpirationTime('1h');
  const now = Math.floor(Date.now() / 1000);
  const withoutIat = await new SignJWT({ role: 'manager', sub: 'mary' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('sightline')
    .setAudience(config.AUTH_AUDIENCE)
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(TEST_SECRET));
  return [
    bearer('sub a number', await sign({ role: 'manager', sub: 42 }, hour)),
    bearer('sub an object', await sign({ role: 'manager', sub: { id: 'mary' } }, hour)),
    bearer('sub too long', await sign({ role: 'manager', sub: 'm'.repeat(201) }, hour)),
    bearer('sub with controls', await sign({ role: 'manager', sub: 'mary\u0000\n' }, hour)),
    bearer('no exp', await sign({ role: 'manager', sub: 'mary' }, local)),
    bearer('no iat', withoutIat),
    bearer(
      'lives 13 hours',
      await sign({ role: 'manager', sub: 'mary' }, (jwt) => local(jwt).setExpirationTime(now + 13 * 3600)),
    ),
    bearer('two roles', await sign({ role: ['manager', 'officer'], sub: 'mary' }, hour)),
  ];
}

/**
 * The real server in this process on the SQLite store in memory, at a fixed "now", holding a few cases of
 * each kind, with a token for every role and a set of tokens it must refuse.
 */
export async function fuzzTarget() {
  const api = await testApi({ limits: { requestsPerMinute: 100_000_000 } });
  const manager = { authorization: `Bearer ${await api.token('manager', 'mary')}` };
  const post = async (url: string, payload: object) => {
    const response = await api.app.inject({ method: 'POST', url, headers: manager, payload });
    if (response.statusCode >= 300)
      throw new Error(`seeding ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const caseIds: string[] = [];
  for (let i = 0; i < 3; i++) caseIds.push((await post('/v1/ehe-cases', eheReferral())).caseId);
  for (let i = 0; i < 2; i++) caseIds.push((await post('/v1/cme-cases', cmeReferral())).caseId);
  for (const caseId of caseIds.slice(0, 2)) {
    await post(`/v1/cases/${caseId}/allocation`, { officerId: 'officer-1', allocatedOn: '2025-11-18' });
  }
  const credentials: Credential[] = [
    ...(await Promise.all(
      roles.map(async (role) => ({ label: `role:${role}`, header: `Bearer ${await api.token(role)}` })),
    )),
    // The scheme is case-insensitive (RFC 9110 §11.1): the same token, spelled `bearer`, works the same.
    { label: 'role:manager (lowercase bearer)', header: `bearer ${await api.token('manager')}` },
    ...(await refusedTokens(api.config)),
  ];
  return {
    api,
    caseIds,
    credentials,
    /** The roles the server lets through to an operation's own checks: any answer but 401 or 403. */
    async allowedRoles(operation: Operation): Promise<Set<string>> {
      const url = operation.path.replace(/\{[^}]+\}/g, caseIds[0] ?? '');
      const allowed = new Set<string>();
      for (const credential of credentials.filter((c) => c.label.startsWith('role:'))) {
        const headers = credential.header ? { authorization: credential.header } : {};
        const response = await api.app.inject({ method: operation.method as 'GET', url, headers });
        if (response.statusCode !== 401 && response.statusCode !== 403) allowed.add(credential.label);
      }
      return allowed;
    },
    /** The store's last global position: unchanged means nothing was written. */
    async head(): Promise<bigint> {
      for await (const event of api.store.readAll({ direction: 'backwards', maxCount: 1 }))
        return event.position;
      return -1n;
    },
  };
}
