import type { Calendar } from '../domain/calendar/index.js';
import type { Policy } from '../domain/policy.js';
import type { DueClockJob } from './clock-jobs.js';
import { jobIdOf, runAt } from './clock-jobs.js';
import type { QueueName, QueueSet } from './queues.js';

/** Escalations have their own queue, so a backlog of one never delays the other. */
export const queueOf = (job: DueClockJob): QueueName =>
  job.kind === 'escalation' ? 'escalations' : 'deadlines';
const queueOfId = (id: string): QueueName => (id.startsWith('escalation_') ? 'escalations' : 'deadlines');

/**
 * Adds each job under its deterministic id, delayed until it is due (at once when already due). BullMQ
 * ignores an add whose id is already waiting or delayed, which is what makes replays harmless.
 */
export async function enqueueDueClocks(
  queues: QueueSet,
  jobs: readonly DueClockJob[],
  ctx: { policy: Policy; calendar: Calendar; now: () => Date },
  /** The sweep's jobs get their own ids, so a failed job kept under the scheduled id cannot block them. */
  idSuffix = '',
): Promise<void> {
  const byQueue = new Map<QueueName, DueClockJob[]>();
  for (const job of jobs) {
    const list = byQueue.get(queueOf(job)) ?? [];
    list.push(job);
    byQueue.set(queueOf(job), list);
  }
  const nowMs = ctx.now().getTime();
  await Promise.all(
    [...byQueue].map(([name, list]) =>
      queues.queue(name).addBulk(
        list.map((job) => ({
          name: job.kind,
          data: job,
          opts: {
            jobId: `${jobIdOf(job)}${idSuffix}`,
            delay: Math.max(0, runAt(job, ctx).getTime() - nowMs),
          },
        })),
      ),
    ),
  );
}

/** Removes jobs by id; one being processed right now is locked and stays (its handler decides nothing). */
export async function removeDueClockJobs(queues: QueueSet, ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map((id) => queues.queue(queueOfId(id)).remove(id)));
}
