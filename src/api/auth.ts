import { randomBytes, webcrypto } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { createRemoteJWKSet, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { Config } from '../config.js';
import { type Panel, PanelSchema } from '../domain/ehe/commands.js';
import { type Role, RoleSchema } from '../domain/roles.js';
import { HttpProblem } from './errors.js';
import { unencapsulated } from './plugin.js';

/** Who is calling: the token's subject, the one role the API acts on, and a panel member's panel. */
export interface Actor {
  id: string;
  role: Role;
  panel?: Panel;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const LOCAL_ISSUER = 'sightline';
const SECRET_FILE = 'auth-secret';

/**
 * The HS256 secret of the embedded default: AUTH_SECRET, or a random one kept beside the SQLite file
 * (created once, mode 0600) so that `npm start` and `sightline token` agree without configuration.
 */
export function resolveAuthSecret(config: Config): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (config.SQLITE_PATH === ':memory:') {
    throw new Error(
      'AUTH_SECRET must be set when SQLITE_PATH is :memory: (there is no directory to keep one in)',
    );
  }
  const file = join(dirname(config.SQLITE_PATH), SECRET_FILE);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    // 'wx': if another process created it meanwhile, read theirs rather than overwrite it
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}

/** A token for the embedded default (`sightline token --sub alice --role officer`). */
export async function mintToken(
  config: Config,
  claims: { sub: string; role: Role; panel?: Panel; expiresIn?: string | number },
): Promise<string> {
  const key = new TextEncoder().encode(resolveAuthSecret(config));
  return new SignJWT({ role: claims.role, ...(claims.panel ? { panel: claims.panel } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(config.AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '8h')
    .sign(key);
}

/** Reads a claim by a dotted path (`realm_access.roles`), as OIDC providers nest them. */
function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The role a claim names; from a list, the first value that is one of ours. */
function roleFrom(claim: unknown): Role | undefined {
  const values = Array.isArray(claim) ? claim : [claim];
  for (const value of values) {
    const parsed = RoleSchema.safeParse(value);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

export type TokenVerifier = (token: string) => Promise<Actor>;

/** Verifies local HS256 tokens, or an OIDC issuer's tokens against its JWKS (found by discovery). */
export function createTokenVerifier(config: Config): TokenVerifier {
  if (config.AUTH_MODE === 'oidc') {
    const issuer = config.OIDC_ISSUER ?? '';
    const audience = config.OIDC_AUDIENCE ?? '';
    let jwks: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
    const discover = async () => {
      const response = await fetch(new URL('.well-known/openid-configuration', issuer.replace(/\/?$/, '/')));
      if (!response.ok) throw new Error(`OIDC discovery answered ${response.status}`);
      const { jwks_uri } = (await response.json()) as { jwks_uri?: string };
      if (!jwks_uri) throw new Error('OIDC discovery has no jwks_uri');
      return createRemoteJWKSet(new URL(jwks_uri));
    };
    return async (token) => {
      jwks ??= discover().catch((error: unknown) => {
        jwks = undefined; // discovery failed: try again on the next request
        throw error;
      });
      const { payload } = await jwtVerify(token, await jwks, { issuer, audience });
      return actorFrom(payload, config.OIDC_ROLE_CLAIM, config.OIDC_PANEL_CLAIM);
    };
  }
  // Imported once: handing jose the raw bytes imports the key again on every request.
  let key: Promise<webcrypto.CryptoKey> | undefined;
  return async (token) => {
    key ??= webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(resolveAuthSecret(config)),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    const { payload } = await jwtVerify(token, await key, {
      issuer: LOCAL_ISSUER,
      audience: config.AUTH_AUDIENCE,
      algorithms: ['HS256'],
    });
    return actorFrom(payload, 'role', 'panel');
  };
}

/** A panel member reads and decides only for the panel their token names; without one, nothing. */
function actorFrom(payload: JWTPayload, roleClaim: string, panelClaim: string): Actor {
  const role = roleFrom(claimAt(payload, roleClaim));
  if (!payload.sub || !role) throw new Error('the token names no subject or no known role');
  if (role !== 'panel') return { id: payload.sub, role };
  const panel = PanelSchema.safeParse(claimAt(payload, panelClaim));
  if (!panel.success) throw new Error(`a panel member's token names no known panel in ${panelClaim}`);
  return { id: payload.sub, role, panel: panel.data };
}

const unauthorized = (detail: string) =>
  new HttpProblem(401, 'unauthorized', detail, {
    headers: { 'www-authenticate': 'Bearer realm="sightline"' },
  });

/** Who is calling, or a 401: the route's own `authorize` then decides whether they may. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized('a bearer token is required');
  return request.actor;
}

/** A route's role check, run before the body is parsed so that a refused caller learns nothing more. */
export function authorize(allowed: readonly Role[]): onRequestHookHandler {
  return async (request) => {
    const actor = actorOf(request);
    if (!allowed.includes(actor.role)) {
      throw new HttpProblem(403, 'forbidden', `the ${actor.role} role may not do this`);
    }
  };
}

/**
 * Bearer authentication for the routes registered inside this plugin's scope (`/v1`); health, metrics and
 * the documentation stay open. Any failure is a plain 401: which check failed is logged, not told.
 */
export const authPlugin = unencapsulated(
  'sightline-auth',
  async (app: FastifyInstance, { verify }: { verify: TokenVerifier }) => {
    app.decorateRequest('actor', null);
    app.addHook('onRequest', async (request) => {
      if (!request.url.startsWith('/v1/')) return;
      const header = request.headers.authorization;
      const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header ?? '');
      if (!match?.[1]) throw unauthorized('a bearer token is required');
      try {
        request.actor = await verify(match[1]);
      } catch (error) {
        request.log.info({ reason: (error as Error).message }, 'token refused');
        throw unauthorized('the token is not valid here (signature, issuer, audience or expiry)');
      }
    });
  },
);
