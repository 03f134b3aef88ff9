import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startWorkers } from '../../src/workers/start.js';
import { cleanupsAfterEach } from '../support/cleanups.js';
import {
  deletePrefix,
  eventsOf,
  fakeClock,
  openProjections,
  openStore,
  policy,
  REDIS_URL,
  referredCase,
  testPrefix,
  waitUntil,
} from './support.js';

const cleanups = cleanupsAfterEach();

async function setUp() {
  const store = openStore();
  const clock = fakeClock('2026-06-01T10:00:00Z');
  const caseId = await referredCase(store, clock);
  clock.set('2026-06-09T08:00:00Z');
  const projections = openProjections(store, clock);
  await projections.start();
  cleanups.push(
    () => store.close(),
    () => projections.close(),
  );
  return { store, clock, caseId, projections };
}

describe('startWorkers', () => {
  it('with REDIS_URL runs BullMQ: a clock already overdue at start is recorded, and close returns within the grace', async () => {
    const { store, clock, caseId, projections } = await setUp();
    const prefix = testPrefix();
    cleanups.push(() => deletePrefix(prefix));
    const config = loadConfig({ REDIS_URL, REDIS_PREFIX: prefix, SHUTDOWN_GRACE_MS: '2000' });
    const workers = await startWorkers({
      config,
      store,
      projections,
      policy,
      logger: silentLogger,
      now: clock.now,
    });
    await waitUntil(async () => (await eventsOf(store, caseId, 'DeadlineMissed')).length === 1);
    const started = Date.now();
    await workers.close();
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('without REDIS_URL runs the embedded trigger, which sweeps at start', async () => {
    const { store, clock, caseId, projections } = await setUp();
    const config = loadConfig({});
    const workers = await startWorkers({
      config,
      store,
      projections,
      policy,
      logger: silentLogger,
      now: clock.now,
    });
    await waitUntil(async () => (await eventsOf(store, caseId, 'DeadlineMissed')).length === 1);
    await workers.close();
  });
});
