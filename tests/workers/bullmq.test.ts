import { describe, expect, it } from 'vitest';
import type { EventStore } from '../../src/eventstore/types.js';
import { silentLogger } from '../../src/logger.js';
import { createClockScheduler } from '../../src/workers/clock-scheduler.js';
import { createQueueSet } from '../../src/workers/queues.js';
import { cleanupsAfterEach } from '../support/cleanups.js';
import { startTrigger } from './bullmq-harness.js';
import {
  contactMade,
  deletePrefix,
  drained,
  eventsOf,
  fakeClock,
  fireDueJobs,
  headPosition,
  openStore,
  policy,
  REDIS_URL,
  record,
  referredCase,
  testPrefix,
  waitUntil,
} from './support.js';
import { flakyWebhookServer, WEBHOOK_SECRET } from './webhook-server.js';

const cleanups = cleanupsAfterEach();

function setUp() {
  const prefix = testPrefix();
  const store = openStore();
  const clock = fakeClock('2026-06-01T10:00:00Z');
  cleanups.push(
    () => store.close(),
    () => deletePrefix(prefix),
  );
  return { prefix, store, clock };
}

async function started(store: EventStore, clock: ReturnType<typeof fakeClock>, prefix: string) {
  const running = await startTrigger(store, clock, prefix);
  cleanups.push(() => running.close());
  return running;
}

describe('BullMQ trigger on Redis', () => {
  it('a referral with no contact yields DeadlineMissed for first contact once its due date has passed', async () => {
    const { prefix, store, clock } = setUp();
    const caseId = await referredCase(store, clock);
    const running = await started(store, clock, prefix);
    await running.caughtUp();
    expect(
      await running.queues.queue('deadlines').getJob(`deadline_ehe-${caseId}_firstContact`),
    ).toBeDefined();

    clock.set('2026-06-08T16:00:00Z');
    expect(await fireDueJobs(running.queues, clock)).toBe(0);
    clock.set('2026-06-09T08:00:00Z');
    expect(await fireDueJobs(running.queues, clock)).toBe(1);
    await waitUntil(async () => (await eventsOf(store, caseId, 'DeadlineMissed')).length === 1);
    const [missed] = await eventsOf(store, caseId, 'DeadlineMissed');
    expect(missed?.data).toEqual({ clock: 'firstContact', dueOn: '2026-06-08', recordedOn: '2026-06-09' });
    expect(missed?.metadata.causationId).toBe(`deadline_ehe-${caseId}_firstContact`);
  });

  it('a contact before the due date removes the job and records nothing', async () => {
    const { prefix, store, clock } = setUp();
    const caseId = await referredCase(store, clock);
    const running = await started(store, clock, prefix);
    clock.set('2026-06-05T10:00:00Z');
    await record(store, caseId, contactMade('2026-06-05'), clock);
    await running.caughtUp();
    expect(
      await running.queues.queue('deadlines').getJob(`deadline_ehe-${caseId}_firstContact`),
    ).toBeUndefined();

    clock.set('2026-07-09T08:00:00Z');
    await fireDueJobs(running.queues, clock);
    await drained(running.queues);
    const firstContactMisses = (await eventsOf(store, caseId, 'DeadlineMissed')).filter(
      (event) => (event.data as { clock: string }).clock === 'firstContact',
    );
    expect(firstContactMisses).toEqual([]);
  });

  it('the escalation ladder walks to the manager, then stops when the contact is made', async () => {
    const { prefix, store, clock } = setUp();
    const caseId = await referredCase(store, clock);
    const running = await started(store, clock, prefix);
    await running.caughtUp();
    const escalations = running.queues.queue('escalations');

    clock.set('2026-06-09T08:00:00Z');
    await fireDueJobs(running.queues, clock);
    await waitUntil(async () => (await eventsOf(store, caseId, 'DeadlineMissed')).length === 1);
    await running.caughtUp();
    // Grace: two working days after 8 June the manager is told, on the 11th.
    clock.set('2026-06-10T12:00:00Z');
    expect(await fireDueJobs(running.queues, clock)).toBe(0);
    clock.set('2026-06-11T08:00:00Z');
    expect(await fireDueJobs(running.queues, clock)).toBe(1);
    await waitUntil(async () => (await eventsOf(store, caseId, 'CaseEscalated')).length === 1);
    await running.caughtUp();
    const headJobId = `escalation_ehe-${caseId}_firstContact_head_of_service`;
    expect(await escalations.getJob(headJobId)).toBeDefined();

    clock.set('2026-06-12T10:00:00Z');
    await record(store, caseId, contactMade('2026-06-12'), clock);
    await running.caughtUp();
    expect(await escalations.getJob(headJobId)).toBeUndefined();
    clock.set('2026-06-30T08:00:00Z');
    await fireDueJobs(running.queues, clock);
    await drained(running.queues);
    const levels = (await eventsOf(store, caseId, 'CaseEscalated')).map(
      (e) => (e.data as { level: string }).level,
    );
    expect(levels).toEqual(['manager']);
  });

  it('the ladder reaches the head of service five working days after the manager', async () => {
    const { prefix, store, clock } = setUp();
    const caseId = await referredCase(store, clock);
    const running = await started(store, clock, prefix);
    for (const at of ['2026-06-09T08:00:00Z', '2026-06-11T08:00:00Z', '2026-06-18T08:00:00Z']) {
      await running.caughtUp();
      clock.set(at);
      await fireDueJobs(running.queues, clock);
      await drained(running.queues);
    }
    const types = (await eventsOf(store, caseId)).map((e) => e.type).slice(2);
    expect(types).toEqual(['DeadlineMissed', 'CaseEscalated', 'CaseEscalated']);
    const levels = (await eventsOf(store, caseId, 'CaseEscalated')).map(
      (e) => (e.data as { level: string }).level,
    );
    expect(levels).toEqual(['manager', 'head_of_service']);
  });

  it('a worker killed mid-job leaves a stalled job that a second worker finishes, with one event', async () => {
    const { prefix, store, clock } = setUp();
    const caseId = await referredCase(store, clock);
    // The first worker appends, then hangs as a killed process would, before completing the job.
    let appended = false;
    const hangingStore: EventStore = {
      ...store,
      append: async (...args) => {
        await store.append(...args);
        appended = true;
        return new Promise(() => undefined);
      },
      readStream: (...args) => store.readStream(...args),
      readAll: (...args) => store.readAll(...args),
      subscribeToAll: (...args) => store.subscribeToAll(...args),
      close: async () => undefined,
    };
    const first = await startTrigger(store, clock, prefix, { workerStore: hangingStore });
    await first.caughtUp();
    clock.set('2026-06-09T08:00:00Z');
    await fireDueJobs(first.queues, clock);
    await waitUntil(() => appended);
    await Promise.all(first.trigger.workers.map((worker) => worker.close(true)));
    await first.trigger.scheduler.close();
    await first.queues.close();
    await first.projections.close();

    const second = await started(store, clock, prefix);
    await waitUntil(async () => {
      const counts = await second.queues.queue('deadlines').getJobCounts('active', 'wait', 'delayed');
      return (counts.active ?? 0) + (counts.wait ?? 0) + (counts.delayed ?? 0) === 0;
    }, 15_000);
    expect(await eventsOf(store, caseId, 'DeadlineMissed')).toHaveLength(1);
  });

  it('after Redis loses its keys a restart rebuilds every job, and the sweep finds every overdue clock', async () => {
    const { prefix, store, clock } = setUp();
    const caseIds = [
      await referredCase(store, clock),
      await referredCase(store, clock),
      await referredCase(store, clock),
    ];
    const first = await startTrigger(store, clock, prefix);
    await first.caughtUp();
    expect(await first.queues.queue('deadlines').getDelayedCount()).toBe(3);
    await first.close();
    expect(await deletePrefix(prefix)).toBeGreaterThan(0);

    clock.set('2026-06-09T08:00:00Z');
    const second = await started(store, clock, prefix);
    await second.caughtUp();
    const found = await second.trigger.sweepNow();
    expect(found).toBe(3);
    await waitUntil(async () => {
      const missed = await Promise.all(caseIds.map((id) => eventsOf(store, id, 'DeadlineMissed')));
      return missed.every((events) => events.length === 1);
    });
    await drained(second.queues);
    for (const id of caseIds) expect(await eventsOf(store, id, 'DeadlineMissed')).toHaveLength(1);
  });

  it('replaying from an earlier checkpoint adds no job twice', async () => {
    const { prefix, store, clock } = setUp();
    for (let i = 0; i < 3; i++) await referredCase(store, clock);
    const queues = createQueueSet({ redisUrl: REDIS_URL, prefix, logger: silentLogger });
    cleanups.push(() => queues.close());
    const schedule = async () => {
      const scheduler = createClockScheduler({ store, queues, policy, logger: silentLogger, now: clock.now });
      await scheduler.start();
      await scheduler.close();
    };
    await schedule();
    expect(await queues.queue('deadlines').getDelayedCount()).toBe(3);
    await queues.redis.set(`${prefix}:clock-scheduler:checkpoint`, '-1');
    await schedule();
    const jobs = await queues.queue('deadlines').getDelayed();
    expect(jobs.map((job) => job.id).sort()).toEqual([...new Set(jobs.map((job) => job.id))].sort());
    expect(jobs).toHaveLength(3);
  });

  it('reads only the case streams, on rebuild and live, and is caught up with an access-log event last', async () => {
    const { prefix, store, clock } = setUp();
    await referredCase(store, clock);
    await store.append('access-log', [{ type: 'CaseDataRead', data: {} }], 'any');
    const filters: unknown[] = [];
    const watched: typeof store = {
      ...store,
      readAll: (options) => {
        filters.push(options?.filter);
        return store.readAll(options);
      },
      subscribeToAll: (options) => {
        filters.push(options?.filter);
        return store.subscribeToAll(options);
      },
    };
    const queues = createQueueSet({ redisUrl: REDIS_URL, prefix, logger: silentLogger });
    cleanups.push(() => queues.close());
    const scheduler = createClockScheduler({
      store: watched,
      queues,
      policy,
      logger: silentLogger,
      now: clock.now,
    });
    cleanups.push(() => scheduler.close());
    await scheduler.start();
    expect(await queues.queue('deadlines').getDelayedCount()).toBe(1);
    expect(filters.length).toBeGreaterThan(0);
    expect(
      filters.every((filter) => JSON.stringify(filter) === '{"streamPrefixes":["ehe-","cme-","cnis-"]}'),
    ).toBe(true);
  });

  it('two scheduler instances at once create each job once', async () => {
    const { prefix, store, clock } = setUp();
    for (let i = 0; i < 5; i++) await referredCase(store, clock);
    const sets = [1, 2].map(() => createQueueSet({ redisUrl: REDIS_URL, prefix, logger: silentLogger }));
    const schedulers = sets.map((queues) =>
      createClockScheduler({ store, queues, policy, logger: silentLogger, now: clock.now }),
    );
    cleanups.push(async () => {
      for (const scheduler of schedulers) await scheduler.close();
      for (const queues of sets) await queues.close();
    });
    await Promise.all(schedulers.map((scheduler) => scheduler.start()));
    for (let i = 0; i < 3; i++) await referredCase(store, clock);
    const head = await headPosition(store);
    await waitUntil(() => schedulers.every((scheduler) => scheduler.position() >= head));
    const deadlines = sets[0]?.queue('deadlines');
    expect(await deadlines?.getDelayedCount()).toBe(8);
    const ids = (await deadlines?.getDelayed())?.map((job) => job.id) ?? [];
    expect(new Set(ids).size).toBe(8);
  });
});

describe('annual review through BullMQ', () => {
  it('a suitable judgement schedules the review reminder, which records AnnualContactDue on its date', async () => {
    const { prefix, store, clock } = setUp();
    const caseId = await referredCase(store, clock);
    clock.set('2026-06-05T10:00:00Z');
    await record(store, caseId, contactMade('2026-06-04'), clock);
    await record(
      store,
      caseId,
      {
        type: 'JudgeSuitability',
        data: { judgedOn: '2026-06-05', outcome: 'suitable', rationale: 'report seen' },
      },
      clock,
    );
    const running = await started(store, clock, prefix);
    await running.caughtUp();
    expect(
      await running.queues.queue('deadlines').getJob(`reminder_ehe-${caseId}_annualContact`),
    ).toBeDefined();
    clock.set('2027-05-06T08:00:00Z');
    await fireDueJobs(running.queues, clock);
    await waitUntil(async () => (await eventsOf(store, caseId, 'AnnualContactDue')).length === 1);
    const [due] = await eventsOf(store, caseId, 'AnnualContactDue');
    expect(due?.data).toEqual({ dueOn: '2027-06-05', remindOn: '2027-05-06', recordedOn: '2027-05-06' });
  });
});

describe('webhooks through BullMQ', () => {
  it('a receiver that fails twice then succeeds gets one signed delivery without personal data', async () => {
    const { prefix, store, clock } = setUp();
    const receiver = await flakyWebhookServer(2);
    cleanups.push(() => receiver.close());
    const caseId = await referredCase(store, clock);
    const running = await startTrigger(store, clock, prefix, {
      webhooks: { urls: [receiver.url], secret: WEBHOOK_SECRET, attempts: 5, backoffMs: 50 },
    });
    cleanups.push(() => running.close());
    await running.caughtUp();
    clock.set('2026-06-09T08:00:00Z');
    await fireDueJobs(running.queues, clock);
    await waitUntil(() => receiver.delivered.length === 1, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.refused()).toBe(2);
    expect(receiver.delivered).toHaveLength(1);
    const [delivery] = receiver.delivered;
    expect(delivery?.signatureValid).toBe(true);
    expect(delivery?.body).toMatchObject({
      reason: 'deadline_missed',
      caseId,
      caseType: 'ehe',
      clock: 'firstContact',
    });
    expect(JSON.stringify(delivery?.body)).not.toMatch(/Amira|Khan|Portswood/);
  });
});
