import { describe, expect, it } from 'vitest';
import { DAILY_SWEEP_ID } from '../../src/workers/bullmq-trigger.js';
import { cleanupsAfterEach } from '../support/cleanups.js';
import { startTrigger } from './bullmq-harness.js';
import {
  deletePrefix,
  fakeClock,
  headPosition,
  openStore,
  referredCase,
  testPrefix,
  waitUntil,
} from './support.js';

const cleanups = cleanupsAfterEach();

/**
 * Redis loses its data under running workers (a failover to an empty replica, a FLUSHDB) and the API goes
 * on recording events. The scheduler used to write a fresh checkpoint for the next event into the empty
 * Redis, so no start ever rebuilt the lost jobs, and the daily sweep's schedule was gone until a restart.
 */
describe('Redis lost under a running clock scheduler', () => {
  it('the next event rebuilds every open clock and the daily sweep, and a restart keeps them', async () => {
    const prefix = testPrefix();
    const store = openStore();
    const clock = fakeClock('2026-06-01T10:00:00Z');
    cleanups.push(
      () => store.close(),
      () => deletePrefix(prefix),
    );
    const before = [await referredCase(store, clock), await referredCase(store, clock)];
    const running = await startTrigger(store, clock, prefix);
    cleanups.push(() => running.close());
    await running.caughtUp();
    const deadlines = running.queues.queue('deadlines');
    const sweep = running.queues.queue('sweep');
    expect(await deadlines.getDelayedCount()).toBe(2);

    expect(await deletePrefix(prefix)).toBeGreaterThan(0);
    const after = await referredCase(store, clock);
    const head = await headPosition(store);
    await waitUntil(
      async () => (await running.queues.redis.get(`${prefix}:clock-scheduler:checkpoint`)) === `${head}`,
    );
    await running.caughtUp();
    const expectEveryClockScheduled = async () => {
      for (const caseId of [...before, after]) {
        const job = await deadlines.getJob(`deadline_ehe-${caseId}_firstContact`);
        expect(await job?.getState(), caseId).toBe('delayed');
      }
    };
    await expectEveryClockScheduled();
    await waitUntil(async () => (await sweep.getJobScheduler(DAILY_SWEEP_ID)) !== undefined);

    await running.close();
    cleanups.pop();
    const restarted = await startTrigger(store, clock, prefix);
    cleanups.push(() => restarted.close());
    await restarted.caughtUp();
    expect(await restarted.queues.queue('deadlines').getDelayedCount()).toBe(3);
  });
});
