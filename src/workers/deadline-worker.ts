import type { Worker, WorkerOptions } from 'bullmq';
import type { Logger } from '../logger.js';
import type { DueClockJob } from './clock-jobs.js';
import { DueClockJobSchema } from './clock-jobs.js';
import type { DueClockHandler } from './due-clocks.js';
import type { QueueSet } from './queues.js';

/**
 * The deadline and escalation workers: when a job fires, the due-clock handler re-reads the case and appends
 * `DeadlineMissed` / `CaseEscalated` / `AnnualContactDue` only if the clock is still open and due; the job
 * id is the causation. The next rung of the ladder is scheduled by the clock scheduler from that event.
 */
export function createDeadlineWorkers(
  queues: QueueSet,
  handler: DueClockHandler,
  logger: Logger,
  options: Partial<WorkerOptions> = {},
): Worker[] {
  const recordIfDue = async (job: { id?: string | undefined; data: unknown }) => {
    const due: DueClockJob = DueClockJobSchema.parse(job.data);
    const outcome = await handler.run(due, job.id);
    if (outcome.appended.length > 0) {
      logger.info({ jobId: job.id, appended: outcome.appended }, 'clock event recorded');
    }
    return outcome;
  };
  return [
    queues.createWorker('deadlines', recordIfDue, { concurrency: 8, ...options }),
    queues.createWorker('escalations', recordIfDue, { concurrency: 4, ...options }),
  ];
}
