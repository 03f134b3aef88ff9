import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { HttpProblem } from './errors.js';

export interface RateLimits {
  /** Requests a minute one verified actor (a token's subject) may make to /v1. */
  perActor: number;
  /** Requests a minute one client address may make to /v1, counted before authentication. */
  perAddress: number;
}

/**
 * Two allowances on /v1. One per client address, counted first, for every request including those whose
 * token is refused (guessing tokens costs allowance). One per verified actor, counted after authentication:
 * keyed by the subject, so every spelling and every fresh token of one person share it. The plugin's own
 * hooks run once per request and after the app's, so we call its limiters from our own hooks instead
 * (registered by the /v1 scope, api/v1.ts, so they count only API requests).
 */
export async function rateLimitHooks(
  app: FastifyInstance,
  limits: RateLimits,
): Promise<{ byAddress: onRequestHookHandler; byActor: onRequestHookHandler }> {
  await app.register(rateLimit, { global: false, timeWindow: '1 minute' });
  const limiter = (max: number, key: (request: FastifyRequest) => string | undefined) => {
    const count = app.createRateLimit({ max, keyGenerator: (request) => key(request) ?? '' });
    return async (request: FastifyRequest) => {
      if (key(request) === undefined) return;
      const outcome = await count(request);
      if (!outcome.isAllowed && outcome.isExceeded) {
        throw new HttpProblem(429, 'rate_limited', `too many requests: retry in ${outcome.ttlInSeconds} s`, {
          headers: { 'retry-after': String(outcome.ttlInSeconds) },
        });
      }
    };
  };
  return {
    byAddress: limiter(limits.perAddress, (request) => `address:${request.ip}`),
    byActor: limiter(limits.perActor, (request) => (request.actor ? `actor:${request.actor.id}` : undefined)),
  };
}
