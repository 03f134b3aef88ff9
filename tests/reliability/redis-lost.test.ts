import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAILY_SWEEP_ID } from '../../src/workers/bullmq-trigger.js';
import type { QueueSet } from '../../src/workers/queues.js';
import { drained, fireDueJobs, headPosition, waitUntil } from '../workers/support.js';
import { awaitedJobId, councilDesk, type OpenClock } from './support/redis-council.js';
import {
  flushOwnDatabase,
  movableClock,
  REDIS_PREFIX,
  type Sightline,
  startSightline,
} from './support/redis-sightline.js';

/**
 * Redis loses everything (FLUSHDB of this suite's own database) under running workers, which are then
 * stopped and started again, as after a Redis failover to an empty replica. The log is the truth: every
 * open clock gets its job back, a clock that ran out while Redis was empty is recorded as missed once, and
 * one recorded before is not recorded again, however often the sweep and the jobs run.
 */
const SETTLE_MS = 60_000;

/** The case ids of each kind of case in the council, by what their clocks do. */
interface Council {
  missedBeforeTheLoss: string[];
  missedWhileRedisWasEmpty: string[];
  notYetDue: string[];
  recordedWhileRedisWasEmpty: string[];
  contacted: string[];
  cme: string[];
}

describe('Redis lost', () => {
  const clock = movableClock('2026-05-05T10:00:00Z');
  let sightline: Sightline;
  let desk: Awaited<ReturnType<typeof councilDesk>>;
  const council: Council = {
    missedBeforeTheLoss: [],
    missedWhileRedisWasEmpty: [],
    notYetDue: [],
    recordedWhileRedisWasEmpty: [],
    contacted: [],
    cme: [],
  };

  beforeAll(async () => {
    await flushOwnDatabase(); // what a crashed earlier run of this suite may have left
    sightline = await startSightline(clock);
    desk = await councilDesk(sightline);
  });
  afterAll(async () => {
    await sightline?.close();
    await flushOwnDatabase();
  });

  /** Each step builds on the one before: never pass on a council the first step failed to create. */
  const expectCouncilComplete = (whileEmpty = 1) =>
    expect(Object.values(council).map((ids) => ids.length)).toEqual([3, 3, 3, whileEmpty, 2, 2]);

  const checkpointKey = `${REDIS_PREFIX}:clock-scheduler:checkpoint`;
  /** The workers have scheduled every event in the log, their jobs have run, and the views have them. */
  const settled = async (queues: QueueSet) => {
    // A job that runs while we drain appends an event, which the scheduler turns into the next rung's job:
    // settled only once the log's head stays where it was across a whole drain.
    for (let head = await headPosition(sightline.store); ; ) {
      await waitUntil(async () => BigInt((await queues.redis.get(checkpointKey)) ?? '-1') >= head, SETTLE_MS);
      await drained(queues);
      const after = await headPosition(sightline.store);
      if (after === head) {
        await sightline.projections.waitFor(head, SETTLE_MS);
        return head;
      }
      head = after;
    }
  };
  /** Until nothing more happens: each run's events may schedule the next rung, due at once or not. */
  const settleFully = async () => {
    for (let head = await settled(sightline.queues); ; ) {
      await fireDueJobs(sightline.queues, clock);
      const next = await settled(sightline.queues);
      if (next === head) return;
      head = next;
    }
  };
  const runSweep = async () => {
    const job = await sightline.queues.queue('sweep').add('sweep', {});
    await waitUntil(async () => ['completed', 'unknown'].includes(await job.getState()), SETTLE_MS);
    await settleFully();
  };
  const jobState = async (id: string) => {
    const queue = sightline.queues.queue(id.startsWith('escalation_') ? 'escalations' : 'deadlines');
    return (await queue.getJob(id))?.getState() ?? 'absent';
  };
  const expectEveryOpenClockScheduled = async (open: OpenClock[]) => {
    for (const openClock of open) {
      const id = awaitedJobId(openClock);
      if (id)
        expect(await jobState(id), `${id} (${openClock.status}, due ${openClock.dueOn})`).toBe('delayed');
    }
  };

  it('the workers schedule the council, and record the clocks already run out', async () => {
    await sightline.startWorkers();
    for (let i = 0; i < 3; i++) council.missedBeforeTheLoss.push(await desk.eheCase('2026-05-05'));
    clock.set('2026-06-01T10:00:00Z');
    for (let i = 0; i < 3; i++) council.missedWhileRedisWasEmpty.push(await desk.eheCase('2026-06-01'));
    for (let i = 0; i < 2; i++) {
      const caseId = await desk.eheCase('2026-06-01');
      await desk.contactMade(caseId, '2026-06-01');
      council.contacted.push(caseId);
    }
    clock.set('2026-06-05T10:00:00Z');
    for (let i = 0; i < 2; i++) council.notYetDue.push(await desk.eheCase('2026-06-05'));
    council.notYetDue.push(await desk.eheCase('2026-06-05', { allocate: false }));
    for (let i = 0; i < 2; i++) council.cme.push(await desk.cmeCase('2026-06-05'));
    await settleFully();
    expectCouncilComplete(0);

    for (const caseId of council.missedBeforeTheLoss) {
      expect(await desk.countOf(caseId, 'DeadlineMissed')).toBe(1);
    }
    const open = await desk.openClocks();
    expect(open.filter((c) => c.status !== 'missed' && c.escalation === 'none').length).toBeGreaterThan(8);
    await expectEveryOpenClockScheduled(open);
  });

  it('after FLUSHDB and a restart of the workers every open clock has its delayed job again', async () => {
    expectCouncilComplete(0);
    const before = await sightline.queues.queue('deadlines').getDelayedCount();
    expect(before).toBeGreaterThan(0);
    await flushOwnDatabase();
    expect(await sightline.queues.queue('deadlines').getDelayedCount()).toBe(0);
    // The API goes on recording while Redis is empty and the workers still run.
    council.recordedWhileRedisWasEmpty.push(await desk.eheCase('2026-06-05'));
    await settleFully();
    await sightline.stopWorkers();
    clock.set('2026-06-09T08:00:00Z'); // first contact for the 1 June cases was due on 8 June
    await sightline.startWorkers();
    await settleFully();

    const open = await desk.openClocks();
    const waiting = open.filter((c) => c.status !== 'missed' && c.escalation === 'none');
    expect(waiting.map((c) => c.caseId)).toEqual(
      expect.arrayContaining([...council.notYetDue, ...council.recordedWhileRedisWasEmpty, ...council.cme]),
    );
    await expectEveryOpenClockScheduled(open);
    expect(await sightline.queues.queue('sweep').getJobScheduler(DAILY_SWEEP_ID)).toBeDefined();
  });

  it('every clock that ran out is recorded as missed exactly once, however often the sweep and jobs run', async () => {
    expectCouncilComplete();
    const expectMissedOnce = async () => {
      for (const caseId of [...council.missedBeforeTheLoss, ...council.missedWhileRedisWasEmpty]) {
        expect(await desk.countOf(caseId, 'DeadlineMissed'), caseId).toBe(1);
      }
      const notDue = [...council.notYetDue, ...council.recordedWhileRedisWasEmpty, ...council.contacted];
      for (const caseId of [...notDue, ...council.cme]) {
        expect(await desk.countOf(caseId, 'DeadlineMissed'), caseId).toBe(0);
      }
      for (const caseId of council.missedBeforeTheLoss) {
        expect(await desk.countOf(caseId, 'CaseEscalated'), caseId).toBe(2);
      }
    };
    await expectMissedOnce();
    await runSweep();
    await runSweep();
    await expectMissedOnce();
    // And once more from nothing: another loss, another rebuild, the same record.
    await flushOwnDatabase();
    await sightline.stopWorkers();
    await sightline.startWorkers();
    await settleFully();
    await runSweep();
    await expectMissedOnce();
    // And a scheduler replaying the whole log, which enqueues every deadline job the log ever started again.
    await sightline.stopWorkers();
    await sightline.queues.redis.set(checkpointKey, '-1');
    await sightline.startWorkers();
    await settleFully();
    await expectMissedOnce();
    await expectEveryOpenClockScheduled(await desk.openClocks());
  });
});
