import type { Worker, WorkerOptions } from 'bullmq';
import { createCalendar, londonDate } from '../domain/calendar/index.js';
import type { Policy } from '../domain/policy.js';
import type { EventStore } from '../eventstore/types.js';
import type { Logger } from '../logger.js';
import type { ClockScheduler } from './clock-scheduler.js';
import { createClockScheduler } from './clock-scheduler.js';
import { createDeadlineWorkers } from './deadline-worker.js';
import type { DueClockHandler } from './due-clocks.js';
import { enqueueDueClocks } from './enqueue.js';
import type { WebhookSettings } from './notification-worker.js';
import { createNotificationWorker, notificationEnqueuer } from './notification-worker.js';
import type { QueueSet } from './queues.js';
import type { DeadlineSource } from './sweep.js';
import { countByKind, sweepDueClocks } from './sweep.js';

export interface BullmqTriggerDeps {
  store: EventStore;
  queues: QueueSet;
  deadlines: DeadlineSource;
  handler: DueClockHandler;
  policy: Policy;
  logger: Logger;
  now: () => Date;
  sweepCron: string;
  webhooks?: WebhookSettings;
  /** Tests shorten lock and stall intervals. */
  workerOptions?: Partial<WorkerOptions>;
}

export interface BullmqTrigger {
  scheduler: ClockScheduler;
  workers: Worker[];
  /** Runs the sweep now, as the daily job does; resolves with how many due clocks it enqueued. */
  sweepNow(): Promise<number>;
  /** Stops taking jobs, lets the ones in hand finish for up to `graceMs`, then closes Redis. */
  close(graceMs?: number): Promise<void>;
}

export const DAILY_SWEEP_ID = 'daily-sweep';

export async function startBullmqTrigger(deps: BullmqTriggerDeps): Promise<BullmqTrigger> {
  const { queues, logger } = deps;
  const ctx = {
    policy: deps.policy,
    calendar: createCalendar(deps.policy.calendar),
    now: deps.now,
    metrics: queues.metrics,
  };
  await queues.checkEvictionPolicy();
  const webhooks = deps.webhooks?.urls.length ? deps.webhooks : undefined;
  // The daily sweep's schedule lives in Redis too: register it again when Redis has lost it.
  const scheduleSweep = async () => {
    await queues
      .queue('sweep')
      .upsertJobScheduler(
        DAILY_SWEEP_ID,
        { pattern: deps.sweepCron, tz: 'Europe/London' },
        { name: 'sweep' },
      );
  };
  const scheduler = createClockScheduler({
    ...deps,
    ...(webhooks ? { onEvent: notificationEnqueuer(queues, deps.policy, webhooks) } : {}),
    onRedisLost: scheduleSweep,
  });
  await scheduler.start();

  const sweepNow = async () => {
    const jobs = sweepDueClocks(deps.deadlines, ctx);
    await enqueueDueClocks(queues, jobs, ctx, `_swept_${londonDate(deps.now())}`);
    logger.info({ found: countByKind(jobs) }, 'sweep enqueued due clocks');
    return jobs.length;
  };
  const workers = [
    ...createDeadlineWorkers(queues, deps.handler, logger, deps.workerOptions),
    queues.createWorker('sweep', sweepNow, deps.workerOptions),
  ];
  if (webhooks) workers.push(createNotificationWorker(queues, webhooks, logger, deps.now));
  await scheduleSweep();

  return {
    scheduler,
    workers,
    sweepNow,
    async close(graceMs = 10_000) {
      await scheduler.close();
      await closeWithin(workers, graceMs, logger);
      await queues.close();
    },
  };
}

/** `worker.close()` waits for the job in hand, and can wait forever: past the grace, force it. */
async function closeWithin(workers: Worker[], graceMs: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const graceful = Promise.all(workers.map((worker) => worker.close())).then(() => true);
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), graceMs);
  });
  const finished = await Promise.race([graceful, expired]);
  clearTimeout(timer);
  if (finished) return;
  logger.warn({ graceMs }, 'workers still busy after the grace period; closing them by force');
  await Promise.allSettled(workers.map((worker) => worker.close(true)));
}
