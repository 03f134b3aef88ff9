import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createCalendar, londonDate } from '../../src/domain/calendar/index.js';
import { caseStreamPrefixes } from '../../src/domain/case-types.js';
import { decideContext } from '../../src/domain/context.js';
import type { EheCommandInput } from '../../src/domain/ehe/index.js';
import { eheCodec, eheDecider } from '../../src/domain/ehe/index.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { createCommandHandler } from '../../src/eventstore/handle.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import type { EventStore, RecordedEvent } from '../../src/eventstore/types.js';
import { silentLogger } from '../../src/logger.js';
import { createProjections } from '../../src/projections/index.js';
import { DueClockJobSchema, runAt } from '../../src/workers/clock-jobs.js';
import { createDueClockHandler } from '../../src/workers/due-clocks.js';
import { startEmbeddedTrigger } from '../../src/workers/embedded.js';
import type { WebhookSettings } from '../../src/workers/notification-worker.js';
import type { QueueSet } from '../../src/workers/queues.js';
import { referral } from '../domain/ehe/fixtures.js';

export const REDIS_URL = 'redis://127.0.0.1:6379';
export const policy = defaultPolicy;
export const calendar = createCalendar(policy.calendar);

/** Every test run gets its own keys, so runs and councils sharing the Redis never meet. */
export const testPrefix = () => `test-${randomUUID()}`;

/** Deletes this prefix's keys only: the shared Redis is never flushed. */
export async function deletePrefix(prefix: string): Promise<number> {
  const redis = new Redis(REDIS_URL);
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
  return deleted;
}

/** The clock the workers judge "today" by, moved by the test instead of waiting. */
export function fakeClock(iso: string) {
  let current = new Date(iso);
  return {
    now: () => current,
    set(next: string) {
      current = new Date(next);
    },
  };
}
export type FakeClock = ReturnType<typeof fakeClock>;

export const openStore = () => createSqliteEventStore({ path: ':memory:', pollIntervalMs: 20 });

export function openProjections(store: EventStore, clock: FakeClock, withPolicy: Policy = policy) {
  return createProjections(store, {
    policy: withPolicy,
    today: () => londonDate(clock.now()),
    exportMetrics: false,
  });
}

/** A command as the manager records it, at the fake clock's time. */
export async function record(
  store: EventStore,
  caseId: string,
  command: EheCommandInput,
  clock: FakeClock,
  withPolicy: Policy = policy,
) {
  const context = decideContext(clock.now(), withPolicy, { id: 'manager-1', role: 'manager' });
  const meta = {
    actor: 'manager-1',
    role: 'manager',
    correlationId: randomUUID(),
    causationId: randomUUID(),
  };
  return createCommandHandler(store, { decider: eheDecider, codec: eheCodec })({
    stream: `ehe-${caseId}`,
    command: command as never,
    metadata: meta,
    context,
  });
}

/**
 * A referral received Monday 1 June 2026 and allocated the next day, so only the first-contact clock
 * (due Monday 8 June, five working days after) is left open.
 */
export async function referredCase(store: EventStore, clock: FakeClock): Promise<string> {
  const caseId = randomUUID();
  clock.set('2026-06-01T10:00:00Z');
  await record(store, caseId, referral({ caseId, receivedOn: '2026-06-01' }), clock);
  clock.set('2026-06-02T10:00:00Z');
  await record(
    store,
    caseId,
    { type: 'AllocateCase', data: { officerId: 'officer-1', allocatedOn: '2026-06-02' } },
    clock,
  );
  return caseId;
}

export const contactMade = (attemptedOn: string): EheCommandInput => ({
  type: 'RecordContactAttempt',
  data: { attemptedOn, method: 'phone', outcome: 'contact_made' },
});

export async function eventsOf(store: EventStore, caseId: string, type?: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(`ehe-${caseId}`)) {
    if (type === undefined || event.type === type) events.push(event);
  }
  return events;
}

/**
 * The position of the last case event: the clock scheduler and the views read only the case streams, so a
 * later access-log or reservation event is never a position they reach.
 */
export async function headPosition(store: EventStore): Promise<bigint> {
  const filter = { streamPrefixes: [...caseStreamPrefixes] };
  for await (const event of store.readAll({ direction: 'backwards', maxCount: 1, filter }))
    return event.position;
  return -1n;
}

export async function waitUntil(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Time travel for BullMQ: promotes the delayed jobs whose due instant the fake clock has passed. */
export async function fireDueJobs(queues: QueueSet, clock: FakeClock): Promise<number> {
  let promoted = 0;
  for (const name of ['deadlines', 'escalations'] as const) {
    for (const job of await queues.queue(name).getDelayed()) {
      const due = runAt(DueClockJobSchema.parse(job.data), { policy, calendar });
      if (due <= clock.now()) {
        await job.promote();
        promoted++;
      }
    }
  }
  return promoted;
}

/** Waits until no job is waiting or running in the clock queues. */
export async function drained(queues: QueueSet): Promise<void> {
  await waitUntil(async () => {
    for (const name of ['deadlines', 'escalations'] as const) {
      const counts = await queues.queue(name).getJobCounts('wait', 'active', 'prioritized');
      if ((counts.wait ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0) > 0) return false;
    }
    return true;
  });
}

/**
 * The trigger for one machine without Redis, over its own views; the test sweeps by hand (`sweepAt`) instead
 * of waiting for the interval. Everything it opens is closed through `cleanups`.
 */
export async function embeddedTrigger(
  store: EventStore,
  clock: FakeClock,
  cleanups: (() => Promise<unknown>)[],
  options: { webhooks?: WebhookSettings; policy?: Policy } = {},
) {
  const withPolicy = options.policy ?? policy;
  const projections = openProjections(store, clock, withPolicy);
  await projections.start();
  const handler = createDueClockHandler({ store, policy: withPolicy, now: clock.now });
  const trigger = startEmbeddedTrigger({
    store,
    deadlines: projections,
    handler,
    policy: withPolicy,
    logger: silentLogger,
    now: clock.now,
    intervalMs: 3_600_000,
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
  });
  cleanups.push(
    () => trigger.close(),
    () => projections.close(),
  );
  return {
    projections,
    async sweepAt(iso: string) {
      await projections.waitFor(await headPosition(store));
      clock.set(iso);
      return trigger.sweepOnce();
    },
  };
}
