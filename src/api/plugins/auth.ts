import { randomBytes, webcrypto } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { createRemoteJWKSet, decodeJwt, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { type Config, ConfigError, isTrustedIdentityUrl } from '../../config.js';
import { ActorIdSchema } from '../../domain/actor-id.js';
import { type Panel, PanelSchema } from '../../domain/ehe/commands.js';
import { type Role, RoleSchema } from '../../domain/roles.js';
import { HttpProblem } from './errors.js';
import { cachedTokenVerifier } from './token-cache.js';

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
/** The longest a token may live (exp − iat), minted here or by an issuer: one working day. */
export const MAX_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;
/** How far ahead of our clock an issuer's `iat` may be (its clock drifts from ours). */
const CLOCK_TOLERANCE_SECONDS = 60;
/** The claims every token must carry, whoever signed it. */
const REQUIRED_CLAIMS = ['sub', 'iat', 'exp'];
/** An OIDC issuer signs with one of these; `none`, HMAC (a public key used as a secret) and the rest are refused. */
const OIDC_ALGORITHMS = ['RS256', 'ES256'];

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
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
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
  if (!ActorIdSchema.safeParse(claims.sub).success) {
    throw new ConfigError('a token subject must be 1–200 letters, digits or . _ @ : | -');
  }
  const key = new TextEncoder().encode(resolveAuthSecret(config));
  const issuedAt = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ role: claims.role, ...(claims.panel ? { panel: claims.panel } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(config.AUTH_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(claims.expiresIn ?? '8h')
    .sign(key);
  const { exp = Number.POSITIVE_INFINITY } = decodeJwt(token);
  if (exp - issuedAt > MAX_TOKEN_LIFETIME_SECONDS) {
    throw new ConfigError('a token lives at most 12 hours (--expires 12h or less)');
  }
  return token;
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

/**
 * The one role a claim names. A list may hold other values (`offline_access`), but a token naming two of
 * our roles is refused rather than guessed at: which one the issuer meant is not ours to choose.
 */
function roleFrom(claim: unknown): Role | undefined {
  const values = Array.isArray(claim) ? claim : [claim];
  const ours = new Set(values.flatMap((value) => RoleSchema.safeParse(value).data ?? []));
  if (ours.size > 1) throw new Error('the token names more than one role');
  return [...ours][0];
}

/** A token's lifetime is bounded, and it was not issued in our future. */
function checkLifetime(payload: JWTPayload): void {
  const { iat = 0, exp = 0 } = payload;
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) throw new Error('the token lives longer than 12 hours');
  if (iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS)
    throw new Error('the token was issued in the future');
}

export type TokenVerifier = (token: string) => Promise<Actor>;

/**
 * The issuer's discovery document, trusted only if it names the configured issuer exactly (OpenID Connect
 * Discovery 1.0 §4.3) and its keys are fetched over https (loopback http only outside production).
 */
async function discoverJwks(config: Config, issuer: string) {
  const response = await fetch(new URL('.well-known/openid-configuration', issuer.replace(/\/?$/, '/')));
  if (!response.ok) throw new Error(`OIDC discovery answered ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (document.issuer !== issuer) throw new Error('OIDC discovery names another issuer');
  if (typeof document.jwks_uri !== 'string') throw new Error('OIDC discovery has no jwks_uri');
  if (!isTrustedIdentityUrl(document.jwks_uri, config.NODE_ENV)) {
    throw new Error('OIDC discovery names a jwks_uri that is not https');
  }
  return createRemoteJWKSet(new URL(document.jwks_uri));
}

/**
 * Verifies local HS256 tokens, or an OIDC issuer's tokens against its JWKS (found by discovery), each
 * token once until it expires (token-cache.ts).
 */
export function createTokenVerifier(config: Config): TokenVerifier {
  return cachedTokenVerifier(signatureVerifier(config));
}

function signatureVerifier(config: Config): TokenVerifier {
  if (config.AUTH_MODE === 'oidc') {
    const issuer = config.OIDC_ISSUER ?? '';
    const audience = config.OIDC_AUDIENCE ?? '';
    let jwks: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
    return async (token) => {
      jwks ??= discoverJwks(config, issuer).catch((error: unknown) => {
        jwks = undefined; // discovery failed: try again on the next request
        throw error;
      });
      const { payload } = await jwtVerify(token, await jwks, {
        issuer,
        audience,
        algorithms: OIDC_ALGORITHMS,
        requiredClaims: REQUIRED_CLAIMS,
      });
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
      requiredClaims: REQUIRED_CLAIMS,
    });
    return actorFrom(payload, 'role', 'panel');
  };
}

/** A panel member reads and decides only for the panel their token names; without one, nothing. */
function actorFrom(payload: JWTPayload, roleClaim: string, panelClaim: string): Actor {
  checkLifetime(payload);
  // The subject becomes every event's actor: a number, an object or a control character would poison the log.
  const id = ActorIdSchema.safeParse(payload.sub);
  if (!id.success) throw new Error('the token names no valid subject');
  const role = roleFrom(claimAt(payload, roleClaim));
  if (!role) throw new Error('the token names no known role');
  if (role !== 'panel') return { id: id.data, role };
  const panel = PanelSchema.safeParse(claimAt(payload, panelClaim));
  if (!panel.success) throw new Error(`a panel member's token names no known panel in ${panelClaim}`);
  return { id: id.data, role, panel: panel.data };
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
 * Bearer authentication, an onRequest hook of the `/v1` scope (api/v1.ts); health, metrics and the
 * documentation stay open. Any failure is a plain 401: which check failed is logged, not told.
 */
export function authenticate(verify: TokenVerifier): onRequestHookHandler {
  return async (request) => {
    const header = request.headers.authorization;
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header ?? '');
    if (!match?.[1]) throw unauthorized('a bearer token is required');
    try {
      request.actor = await verify(match[1]);
    } catch (error) {
      request.log.info({ reason: (error as Error).message }, 'token refused');
      throw unauthorized('the token is not valid here (signature, issuer, audience or expiry)');
    }
  };
}
