import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { Redis } from 'ioredis';
import { mintToken } from '../../../src/api/plugins/auth.js';
import { buildApp } from '../../../src/api/server.js';
import { loadConfig } from '../../../src/config.js';
import { londonDate } from '../../../src/domain/calendar/index.js';
import { defaultPolicy } from '../../../src/domain/policy.js';
import type { Role } from '../../../src/domain/roles.js';
import { openEventStore } from '../../../src/eventstore/open.js';
import { silentLogger } from '../../../src/logger.js';
import { createProjections } from '../../../src/projections/index.js';
import { createQueueSet } from '../../../src/workers/queues.js';
import { startWorkers } from '../../../src/workers/start.js';

/**
 * This suite's own Redis database and key prefix: no other test uses database 11, so FLUSHDB on it
 * (the lost Redis) touches nobody else's keys.
 */
export const REDIS_DB = 11;
export const REDIS_URL = `redis://127.0.0.1:6379/${REDIS_DB}`;
export const REDIS_PREFIX = 'reliability-redis-lost';

/** The clock the API, the views and the workers judge "today" by, moved by the test. */
export function movableClock(iso: string) {
  let current = new Date(iso);
  return {
    now: () => current,
    set(next: string) {
      current = new Date(next);
    },
  };
}
export type MovableClock = ReturnType<typeof movableClock>;

/**
 * What `sightline all` runs, in this process: the API and the views on a SQLite file, and the BullMQ
 * workers on this suite's Redis database, all judging time by `clock`. The workers stop and start alone.
 */
export async function startSightline(clock: MovableClock) {
  const directory = mkdtempSync(join(tmpdir(), 'sightline-redis-lost-'));
  const config = loadConfig({
    SQLITE_PATH: join(directory, 'sightline.db'),
    REDIS_URL,
    REDIS_PREFIX,
    AUTH_SECRET: 'a-redis-lost-test-secret-long-enough-for-hs256',
    LOG_LEVEL: 'silent',
    SHUTDOWN_GRACE_MS: '5000',
  });
  const store = await openEventStore(config);
  const projections = createProjections(store, { today: () => londonDate(clock.now()) });
  await projections.start();
  const app: FastifyInstance = await buildApp({
    config,
    store,
    projections,
    now: clock.now,
    limits: { requestsPerMinute: 100_000 },
  });
  await app.ready();
  // The test's own handle on the queues, to look at jobs and to run the sweep as its cron job would.
  const queues = createQueueSet({ redisUrl: REDIS_URL, prefix: REDIS_PREFIX, logger: silentLogger });
  let workers: { close(): Promise<void> } | undefined;

  return {
    app,
    store,
    projections,
    queues,
    token: (role: Role, sub = `${role}-1`) => mintToken(config, { sub, role }),
    async inject(request: InjectOptions) {
      return app.inject(request);
    },
    async startWorkers() {
      workers = await startWorkers({
        config,
        store,
        projections,
        policy: defaultPolicy,
        logger: silentLogger,
        now: clock.now,
      });
    },
    async stopWorkers() {
      await workers?.close();
      workers = undefined;
    },
    async close() {
      await workers?.close();
      await queues.close();
      await app.close();
      await projections.close();
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
export type Sightline = Awaited<ReturnType<typeof startSightline>>;

/** FLUSHDB on this suite's database only: what a Redis that lost its data (or a new, empty one) looks like. */
export async function flushOwnDatabase(): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    const selected = await redis.client('INFO');
    if (!String(selected).includes(` db=${REDIS_DB} `)) throw new Error(`not on database ${REDIS_DB}`);
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}
