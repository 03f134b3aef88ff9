import { decodeJwt } from 'jose';

/** Enough for every member of a large council's staff and its portals, each with a token or two a day. */
const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * Remembers the actor of each token already verified, until the token's `exp`, so that verifying a
 * signature (a webcrypto job, 130–170 µs a request: issue 16's profile) happens once per token rather than
 * once per request. Only exactly the same string hits: nothing is accepted that was not verified in full
 * once. A token lives at most 12 hours (checked when verified), which is as long as it would be accepted
 * without the cache; a refused token is never remembered. Bounded: the oldest entry goes first.
 */
export function cachedTokenVerifier<Actor>(
  verify: (token: string) => Promise<Actor>,
  options: { maxEntries?: number; nowMs?: () => number } = {},
): (token: string) => Promise<Actor> {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const nowMs = options.nowMs ?? Date.now;
  const verified = new Map<string, { actor: Actor; expiresAtMs: number }>();
  return async (token) => {
    const known = verified.get(token);
    if (known && known.expiresAtMs > nowMs()) return known.actor;
    if (known) verified.delete(token);
    const actor = await verify(token);
    // verify() has required `exp`; a token without one would have been refused before this line.
    const { exp } = decodeJwt(token);
    if (typeof exp === 'number') {
      if (verified.size >= maxEntries) verified.delete(verified.keys().next().value as string);
      verified.set(token, { actor, expiresAtMs: exp * 1000 });
    }
    return actor;
  };
}
