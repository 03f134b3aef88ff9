import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mintToken } from '../../../src/api/plugins/auth.js';
import { buildApp } from '../../../src/api/server.js';
import { loadConfig } from '../../../src/config.js';
import { londonDate } from '../../../src/domain/calendar/index.js';
import type { Role } from '../../../src/domain/roles.js';
import { openEventStore } from '../../../src/eventstore/open.js';
import { createProjections } from '../../../src/projections/index.js';

const AUTH_SECRET = 'an-outage-test-secret-long-enough-for-hs256';

/** The API as `sightline serve` builds it with EVENT_STORE=esdb, in this process, at a fixed business date. */
export async function startEsdbApi(options: { esdbUrl: string; deadlineMs: number; now: Date }) {
  const config = loadConfig({
    EVENT_STORE: 'esdb',
    ESDB_URL: options.esdbUrl,
    ESDB_DEADLINE_MS: String(options.deadlineMs),
    ESDB_READ_DEADLINE_MS: String(options.deadlineMs),
    AUTH_SECRET,
    LOG_LEVEL: 'silent',
  });
  const store = await openEventStore(config);
  const projections = createProjections(store, { today: () => londonDate(options.now) });
  await projections.start();
  const app: FastifyInstance = await buildApp({
    config,
    store,
    projections,
    now: () => options.now,
    limits: { requestsPerMinute: 100_000 },
  });
  await app.ready();
  return {
    app,
    projections,
    token: (role: Role) => mintToken(config, { sub: `${role}-1`, role }),
    async close() {
      await app.close();
      await projections.close();
      await store.close();
    },
  };
}

/**
 * The answer to `request`, or a failure naming it once `safetyNetMs` pass without one. A safety net only:
 * the bound the test relies on is the adapter's deadline, far shorter.
 */
export async function answerOf(
  request: Promise<LightMyRequestResponse>,
  what: string,
  safetyNetMs = 60_000,
): Promise<LightMyRequestResponse> {
  let timer: NodeJS.Timeout | undefined;
  const unanswered = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${safetyNetMs} ms`)), safetyNetMs);
  });
  try {
    return await Promise.race([request, unanswered]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `check` until it holds; throws after `safetyNetMs`. */
export async function eventually(check: () => Promise<boolean>, what: string, safetyNetMs = 60_000) {
  const giveUpAt = Date.now() + safetyNetMs;
  while (!(await check())) {
    if (Date.now() > giveUpAt) throw new Error(`${what}: not within ${safetyNetMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
