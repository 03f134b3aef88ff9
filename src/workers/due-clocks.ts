import { isExpiryClock } from '../domain/clocks.js';
import type { CmeCommand } from '../domain/cme/index.js';
import { decideContext } from '../domain/context.js';
import type { EheCommand } from '../domain/ehe/index.js';
import type { Policy } from '../domain/policy.js';
import { createCaseHandlers } from '../eventstore/case-handlers.js';
import { commandMetadata } from '../eventstore/metadata.js';
import type { EventStore } from '../eventstore/types.js';
import type { DueClockJob } from './clock-jobs.js';
import { jobIdOf } from './clock-jobs.js';
import { unreadWorkerMetrics, type WorkerMetrics } from './metrics.js';

/** The service identity clock commands are recorded under (DOMAIN.md roles: `admin`, no case data). */
export const CLOCK_WORKER_ACTOR = { id: 'sightline-clock-worker', role: 'admin' } as const;

export interface DueClockOutcome {
  /**
   * Types of the events appended by this run; empty when the clock was met, moved, stopped or already
   * recorded, or an earlier run of the same job had appended them.
   */
  appended: string[];
}

/**
 * What happens when a clock is due, whichever trigger noticed (BullMQ job or embedded sweep): ask the
 * case's decider, which alone judges whether the clock is still open and due by its recorded date. The
 * idempotency key is the job's own id and dates, so a job run twice appends once.
 */
export interface DueClockHandler {
  run(job: DueClockJob, causationId?: string): Promise<DueClockOutcome>;
}

function eheCommandOf(job: DueClockJob): EheCommand {
  switch (job.kind) {
    case 'deadline':
      // An order lapsing with school age (or an ESO running out) is recorded, not missed or escalated.
      return isExpiryClock(job.clock)
        ? { type: 'RecordClockExpiry', data: { clock: job.clock, dueOn: job.dueOn } }
        : { type: 'RecordDeadlineMissed', data: { clock: job.clock, dueOn: job.dueOn } };
    case 'reminder':
      return { type: 'RecordAnnualContactDue', data: { dueOn: job.dueOn } };
    case 'escalation':
      return { type: 'EscalateCase', data: { clock: job.clock, level: job.level } };
    case 'schoolAgeEnded':
      return { type: 'CloseAtEndOfSchoolAge', data: { leavingDate: job.dueOn } };
    case 'registerCommenced':
      return { type: 'StartRegisterDuties', data: { commencedOn: job.dueOn } };
  }
}

/** A CME case has no annual review and is no register entry, so a reminder or commencement decides nothing. */
function cmeCommandOf(job: DueClockJob): CmeCommand | undefined {
  switch (job.kind) {
    case 'deadline':
      return { type: 'RecordDeadlineMissed', data: { clock: job.clock, dueOn: job.dueOn } };
    case 'reminder':
    case 'registerCommenced':
      return undefined;
    case 'escalation':
      return { type: 'EscalateCase', data: { clock: job.clock, level: job.level } };
    case 'schoolAgeEnded':
      return { type: 'CloseAtEndOfSchoolAge', data: { leavingDate: job.dueOn } };
  }
}

export function idempotencyKeyOf(job: DueClockJob): string {
  return `${jobIdOf(job)}_${job.dueOn}`;
}

export function createDueClockHandler(deps: {
  store: EventStore;
  policy: Policy;
  now: () => Date;
  metrics?: WorkerMetrics;
}): DueClockHandler {
  const handlers = createCaseHandlers(deps.store);
  const metrics = deps.metrics ?? unreadWorkerMetrics();
  return {
    async run(job, causationId) {
      const key = idempotencyKeyOf(job);
      const metadata = commandMetadata({ actor: CLOCK_WORKER_ACTOR, correlationId: causationId ?? key });
      const context = decideContext(deps.now(), deps.policy, { ...CLOCK_WORKER_ACTOR });
      const request = { stream: job.stream, metadata, context, options: { idempotencyKey: key } };
      const cmeCommand = cmeCommandOf(job);
      const result = !job.stream.startsWith('cme-')
        ? await handlers.ehe({ ...request, command: eheCommandOf(job) })
        : cmeCommand
          ? await handlers.cme({ ...request, command: cmeCommand })
          : { events: [], replayed: false };
      // A replay (the same job run again after a crash) wrote nothing new: report nothing.
      const appended = result.replayed ? [] : result.events.map(({ event }) => event.type);
      for (const type of appended) metrics.clockEvents.inc({ type });
      return { appended };
    },
  };
}
