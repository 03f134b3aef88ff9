/**
 * Deadline workers on the real Redis (REDIS_URL, default redis://127.0.0.1:6379) under a key prefix of
 * their own, removed afterwards: scheduling the clocks of 100,000 cases (rebuild from the log, and live
 * from the subscription), a sweep over 100,000 open clocks of which 5% are overdue, and the jobs one
 * deadline worker processes per second. Figures only; nothing asserts on time.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createCalendar, londonDate } from '../src/domain/calendar/index.js';
import { decideContext } from '../src/domain/context.js';
import type { EheCommand } from '../src/domain/ehe/index.js';
import { eheCodec, eheDecider } from '../src/domain/ehe/index.js';
import { defaultPolicy } from '../src/domain/policy.js';
import { createSqliteEventStore } from '../src/eventstore/sqlite.js';
import type { EventStore } from '../src/eventstore/types.js';
import { silentLogger } from '../src/logger.js';
import { createProjections } from '../src/projections/index.js';
import type { DueClockJob } from '../src/workers/clock-jobs.js';
import { createClockScheduler } from '../src/workers/clock-scheduler.js';
import { createDeadlineWorkers } from '../src/workers/deadline-worker.js';
import { createDueClockHandler } from '../src/workers/due-clocks.js';
import { enqueueDueClocks } from '../src/workers/enqueue.js';
import { createQueueSet, type QueueSet } from '../src/workers/queues.js';
import { sweepDueClocks } from '../src/workers/sweep.js';
import type { BenchReport, Measurement, RunSample } from './support.js';
import { formatRate, measured, medianOf, stopwatch } from './support.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const policy = defaultPolicy;
const calendar = createCalendar(policy.calendar);
/** Monday 15 June 2026: referrals of the 12th are not yet due, those of the 1st are overdue. */
const NOW = new Date('2026-06-15T09:00:00Z');
const now = () => NOW;

/** A referral as the decider records it, received on `receivedOn`; only the case id changes per case. */
function referralTemplate(receivedOn: string) {
  const command = {
    type: 'ReceiveEheReferral',
    data: {
      caseId: randomUUID(),
      receivedOn,
      source: 'deletion_return',
      deletionReturn: {
        school: { name: 'Bench School', urn: '116436' },
        deletedOn: receivedOn,
        ground: 'parent has given written notice of home education',
      },
      schoolLeft: { name: 'Bench School', urn: '116436' },
      previousSchoolType: 'academy',
      child: {
        givenName: 'Bench',
        familyName: 'Child',
        dateOfBirth: '2014-01-01',
        sex: 'U',
        address: { lines: ['1 Bench Street'], town: 'Southampton', postcode: 'SO14 7LY' },
      },
      parentsCarers: [{ name: 'Bench Parent', relationship: 'parent', livesWithChild: true }],
      eheStartDate: receivedOn,
      primaryReason: { code: 'lifestyle' },
    },
  } as unknown as EheCommand;
  const context = decideContext(new Date(`${receivedOn}T10:00:00Z`), policy, {
    id: 'bench',
    role: 'manager',
  });
  const [event] = eheDecider.decide(command, eheDecider.initialState(), context);
  if (!event) throw new Error('the referral template decided nothing');
  return eheCodec.encode(event);
}

/** `cases` referrals, `overdueShare` of them received long enough ago to be overdue now. */
async function seed(store: EventStore, cases: number, overdueShare: number): Promise<string[]> {
  const recent = referralTemplate('2026-06-12');
  const old = referralTemplate('2026-06-01');
  const metadata = {
    actor: 'bench',
    role: 'manager',
    correlationId: 'bench',
    causationId: 'bench',
    schemaVersion: 1,
  };
  const overdueEvery = overdueShare > 0 ? Math.round(1 / overdueShare) : 0;
  const overdue: string[] = [];
  for (let i = 0; i < cases; i++) {
    const caseId = randomUUID();
    const template = overdueEvery > 0 && i % overdueEvery === 0 ? old : recent;
    if (template === old) overdue.push(caseId);
    const data = { ...(template.data as Record<string, unknown>), caseId };
    await store.append(
      `ehe-${caseId}`,
      [{ type: template.type, data, metadata: { ...metadata, occurredAt: NOW.toISOString() } }],
      'no_stream',
    );
  }
  return overdue;
}

async function deletePrefix(prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

async function withQueues<T>(run: (queues: QueueSet) => Promise<T>): Promise<T> {
  const prefix = `bench-${randomUUID()}`;
  const queues = createQueueSet({ redisUrl, prefix, logger: silentLogger });
  try {
    return await run(queues);
  } finally {
    await queues.close();
    await deletePrefix(prefix);
  }
}

/** Clocks scheduled per second, by the rebuild (no checkpoint) or by following the log (checkpoint -1). */
async function schedule(store: EventStore, clocks: number, mode: 'rebuild' | 'live'): Promise<RunSample> {
  return withQueues(async (queues) => {
    if (mode === 'live') await queues.redis.set(`${queues.prefix}:clock-scheduler:checkpoint`, '-1');
    const scheduler = createClockScheduler({ store, queues, policy, logger: silentLogger, now });
    const timer = stopwatch();
    await scheduler.start();
    const seconds = timer.seconds();
    await scheduler.close();
    const scheduled =
      (await queues.queue('deadlines').getDelayedCount()) +
      (await queues.queue('deadlines').getWaitingCount());
    if (scheduled !== clocks) throw new Error(`expected ${clocks} jobs, found ${scheduled}`);
    return { count: clocks, seconds };
  });
}

/** One Worker object (its default concurrency) working through due jobs that each append DeadlineMissed. */
async function workThrough(store: EventStore, jobs: DueClockJob[]): Promise<RunSample> {
  return withQueues(async (queues) => {
    await enqueueDueClocks(queues, jobs, { policy, calendar, now });
    const handler = createDueClockHandler({ store, policy, now });
    const timer = stopwatch();
    const workers = createDeadlineWorkers(queues, handler, silentLogger).slice(0, 1);
    const deadlines = queues.queue('deadlines');
    for (;;) {
      const counts = await deadlines.getJobCounts('wait', 'active', 'delayed', 'failed');
      if ((counts.wait ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) === 0) {
        if ((counts.failed ?? 0) > 0) throw new Error(`${counts.failed} jobs failed`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seconds = timer.seconds();
    await Promise.all(workers.map((worker) => worker.close()));
    return { count: jobs.length, seconds };
  });
}

export async function benchDeadlines(options: {
  quick: boolean;
  log?: (line: string) => void;
}): Promise<BenchReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const cases = options.quick ? 5_000 : 100_000;
  // Following the log saves a checkpoint per event: a smaller log keeps the full run within minutes.
  const liveCases = options.quick ? 2_000 : 10_000;
  const sweepCases = options.quick ? 2_500 : 50_000;
  const workerJobs = options.quick ? 300 : 2_000;
  const runs = options.quick ? 1 : 2;
  const measurements: Measurement[] = [];

  const store = createSqliteEventStore({ path: ':memory:' });
  log(`seeding ${cases} referrals (two clocks each)`);
  await seed(store, cases, 0);
  const clocks = cases * 2;
  log('scheduling: rebuild from the log');
  const rebuild = await medianOf(runs, () => schedule(store, clocks, 'rebuild'));
  measurements.push(
    measured('schedule-rebuild', `schedule ${clocks} clocks of ${cases} cases, rebuild`, 'clocks/s', rebuild),
  );
  await store.close();
  const liveStore = createSqliteEventStore({ path: ':memory:' });
  await seed(liveStore, liveCases, 0);
  log(`scheduling: following the log of ${liveCases} cases`);
  const live = await medianOf(runs, () => schedule(liveStore, liveCases * 2, 'live'));
  measurements.push(
    measured(
      'schedule-live',
      `schedule ${liveCases * 2} clocks of ${liveCases} cases, live`,
      'clocks/s',
      live,
    ),
  );
  await liveStore.close();

  const sweepStore = createSqliteEventStore({ path: ':memory:' });
  log(`seeding ${sweepCases} referrals for the sweep, 5% overdue`);
  const overdue = await seed(sweepStore, sweepCases, 0.05);
  const projections = createProjections(sweepStore, {
    policy,
    today: () => londonDate(NOW),
    exportMetrics: false,
  });
  await projections.start();
  let found = 0;
  const sweep = await medianOf(runs * 3, async () => {
    const timer = stopwatch();
    found = sweepDueClocks(projections, { policy, calendar, now }).length;
    return { count: sweepCases * 2, seconds: timer.seconds() };
  });
  measurements.push(
    measured('sweep', `sweep over ${sweepCases * 2} open clocks, ${found} overdue`, 'clocks/s', sweep),
  );
  await projections.close();

  log(`one deadline worker, ${workerJobs} due jobs`);
  const jobs: DueClockJob[] = overdue.slice(0, workerJobs).map((caseId) => ({
    kind: 'deadline',
    stream: `ehe-${caseId}`,
    clock: 'firstContact',
    dueOn: '2026-06-08',
  }));
  const worker = await medianOf(1, () => workThrough(sweepStore, jobs));
  measurements.push(
    measured('worker', `one worker, ${jobs.length} jobs appending DeadlineMissed`, 'jobs/s', worker),
  );
  await sweepStore.close();

  return {
    name: 'deadlines',
    quick: options.quick,
    settings: {
      redis: redisUrl,
      store: 'SQLite in memory',
      cases,
      sweepCases,
      workerJobs,
      workerConcurrency: 8,
    },
    measurements,
    tables: [
      {
        title: 'Deadline workers (median rate)',
        headers: ['figure', 'rate', 'unit', 'runs'],
        rows: measurements.map((m) => [m.label, formatRate(m.median), m.unit, String(m.runs)]),
      },
    ],
    notes: [
      `The sweep found ${found} due clocks (expected about ${Math.round(sweepCases * 2 * 0.05)}).`,
      'Scheduling adds one delayed BullMQ job per clock with a deterministic id; the live figure includes saving the checkpoint after every event.',
    ],
  };
}
