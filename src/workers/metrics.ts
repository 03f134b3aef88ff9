import { Counter, Gauge, Registry } from 'prom-client';

type QueueDepths = () => Promise<{ queue: string; counts: Record<string, number> }[]>;

const jobStates = ['waiting', 'active', 'delayed', 'failed'] as const;

/** The workers' figures, on the registry they are handed (the process's, from the composition root). */
export function createWorkerMetrics(registry: Registry) {
  /** Queues whose depths /metrics reports: each open queue set adds itself and removes itself on close. */
  const queueDepthSources = new Set<QueueDepths>();
  return {
    queueDepthSources,
    clockEvents: new Counter({
      name: 'sightline_clock_events_appended_total',
      help: 'DeadlineMissed, CaseEscalated and AnnualContactDue events appended by the workers',
      labelNames: ['type'],
      registers: [registry],
    }),
    sweepFound: new Gauge({
      name: 'sightline_sweep_last_found',
      help: 'Due clocks the last sweep found without their event, by what they were due for',
      labelNames: ['kind'],
      registers: [registry],
    }),
    sweepRuns: new Counter({
      name: 'sightline_sweep_runs_total',
      help: 'Sweeps run',
      registers: [registry],
    }),
    notificationsDelivered: new Counter({
      name: 'sightline_notifications_delivered_total',
      help: 'Webhook messages delivered',
      registers: [registry],
    }),
    notificationsDeadLettered: new Counter({
      name: 'sightline_notifications_dead_lettered_total',
      help: 'Webhook messages given up after the configured attempts (kept in the failed set)',
      registers: [registry],
    }),
    schedulerPosition: new Gauge({
      name: 'sightline_clock_scheduler_position',
      help: 'Last $all position whose jobs are in Redis',
      registers: [registry],
    }),
    queueJobs: new Gauge({
      name: 'sightline_queue_jobs',
      help: 'Jobs in each BullMQ queue by state (failed notifications are the dead letter)',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        for (const source of queueDepthSources) {
          for (const { queue, counts } of await source()) {
            for (const state of jobStates) this.set({ queue, state }, counts[state] ?? 0);
          }
        }
      },
    }),
  };
}
export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;

/** For a part started without the process's metrics (a test, a benchmark): figures nobody reads. */
export const unreadWorkerMetrics = (): WorkerMetrics => createWorkerMetrics(new Registry());
