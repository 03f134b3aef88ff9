import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/api/plugins/auth.js';
import { cachedTokenVerifier } from '../../src/api/plugins/token-cache.js';

const secret = new TextEncoder().encode('a-token-cache-test-secret-long-enough');
const token = (sub: string, exp: number) =>
  new SignJWT({ role: 'officer' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime(exp)
    .sign(secret);

/** A verifier that counts its calls and refuses tokens listed as bad. */
function countingVerifier(refused = new Set<string>()) {
  const calls: string[] = [];
  const verify = async (value: string): Promise<Actor> => {
    calls.push(value);
    if (refused.has(value)) throw new Error('bad signature');
    return { id: `actor-${calls.length}`, role: 'officer' };
  };
  return { calls, verify };
}

describe('the token cache', () => {
  const now = 1_800_000_000_000;

  it('verifies a token once and answers its actor until it expires, then verifies it again', async () => {
    const { calls, verify } = countingVerifier();
    let clock = now;
    const cached = cachedTokenVerifier(verify, { nowMs: () => clock });
    const value = await token('olive', now / 1000 + 60);
    const first = await cached(value);
    expect(await cached(value)).toBe(first);
    expect(calls).toHaveLength(1);
    clock = now + 60_000; // exp is exclusive: the token is no longer valid at its exp
    await cached(value);
    expect(calls).toHaveLength(2);
  });

  it('never remembers a refused token', async () => {
    const value = await token('mallory', now / 1000 + 60);
    const { calls, verify } = countingVerifier(new Set([value]));
    const cached = cachedTokenVerifier(verify, { nowMs: () => now });
    await expect(cached(value)).rejects.toThrow('bad signature');
    await expect(cached(value)).rejects.toThrow('bad signature');
    expect(calls).toHaveLength(2);
  });

  it('a different string is verified, even for the same subject', async () => {
    const { calls, verify } = countingVerifier();
    const cached = cachedTokenVerifier(verify, { nowMs: () => now });
    await cached(await token('olive', now / 1000 + 60));
    await cached(await token('olive', now / 1000 + 61));
    expect(calls).toHaveLength(2);
  });

  it('holds at most maxEntries tokens, dropping the oldest', async () => {
    const { calls, verify } = countingVerifier();
    const cached = cachedTokenVerifier(verify, { maxEntries: 2, nowMs: () => now });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((sub) => token(sub, now / 1000 + 60)));
    for (const value of [a, b, c, c, b]) await cached(value!);
    expect(calls).toHaveLength(3);
    await cached(a!);
    expect(calls).toHaveLength(4);
  });
});
