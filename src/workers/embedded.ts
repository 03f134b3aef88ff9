import { createCalendar } from '../domain/calendar/index.js';
import type { Policy } from '../domain/policy.js';
import type { EventStore, Subscription } from '../eventstore/types.js';
import type { Logger } from '../logger.js';
import { jobIdOf } from './clock-jobs.js';
import type { DueClockHandler } from './due-clocks.js';
import { unreadWorkerMetrics, type WorkerMetrics } from './metrics.js';
import type { WebhookSettings } from './notification-worker.js';
import { deliver, notificationFor } from './notifications.js';
import type { DeadlineSource } from './sweep.js';
import { countByKind, sweepDueClocks } from './sweep.js';

export interface EmbeddedTriggerDeps {
  store: EventStore;
  deadlines: DeadlineSource;
  handler: DueClockHandler;
  policy: Policy;
  logger: Logger;
  now: () => Date;
  intervalMs: number;
  webhooks?: WebhookSettings;
  /** The process's worker metrics. */
  metrics?: WorkerMetrics;
}

export interface EmbeddedTrigger {
  /** One sweep now (the interval calls it too); resolves with what it recorded. */
  sweepOnce(): Promise<{ found: number; appended: string[] }>;
  close(): Promise<void>;
}

/**
 * The trigger for one machine without Redis: the sweep, on a short interval, in-process, calling the same
 * due-clock handler as BullMQ. Nothing is lost on a restart because nothing is held: the next sweep reads
 * the deadlines view again. Webhooks follow the log live from start, retried in-process.
 */
export function startEmbeddedTrigger(deps: EmbeddedTriggerDeps): EmbeddedTrigger {
  const metrics = deps.metrics ?? unreadWorkerMetrics();
  const ctx = { policy: deps.policy, calendar: createCalendar(deps.policy.calendar), now: deps.now, metrics };
  let running: Promise<unknown> = Promise.resolve();
  let closing = false;

  async function sweep() {
    const jobs = sweepDueClocks(deps.deadlines, ctx);
    const appended: string[] = [];
    for (const job of jobs) {
      if (closing) break;
      const outcome = await deps.handler.run(job, `sweep_${jobIdOf(job)}`);
      appended.push(...outcome.appended);
    }
    if (jobs.length > 0) deps.logger.info({ found: countByKind(jobs), appended }, 'embedded sweep');
    return { found: jobs.length, appended };
  }

  function sweepOnce() {
    const next = running.then(sweep, sweep);
    running = next.catch((error: unknown) =>
      deps.logger.error({ err: String(error) }, 'embedded sweep failed; the next one retries'),
    );
    return next;
  }

  const timer = setInterval(() => void sweepOnce().catch(() => undefined), deps.intervalMs);
  timer.unref();
  const notifier = deps.webhooks?.urls.length ? followForWebhooks(deps, deps.webhooks, metrics) : undefined;

  return {
    sweepOnce,
    async close() {
      closing = true;
      clearInterval(timer);
      await notifier?.close();
      await running;
    },
  };
}

function followForWebhooks(deps: EmbeddedTriggerDeps, webhooks: WebhookSettings, metrics: WorkerMetrics) {
  let subscription: Subscription | undefined;
  let closed = false;
  const inFlight = new Set<Promise<void>>();
  const deliverWithRetry = async (url: string, notification: Parameters<typeof deliver>[1]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await deliver(url, notification, { secret: webhooks.secret, now: deps.now });
        metrics.notificationsDelivered.inc();
        return;
      } catch (error) {
        if (attempt >= webhooks.attempts || closed) {
          metrics.notificationsDeadLettered.inc();
          deps.logger.error(
            { url, id: notification.id, err: String(error) },
            'webhook message dead-lettered',
          );
          return;
        }
        const delay = (webhooks.backoffMs ?? 10_000) * 2 ** (attempt - 1);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };
  const following = (async () => {
    let head: bigint | undefined;
    for await (const last of deps.store.readAll({ direction: 'backwards', maxCount: 1 }))
      head = last.position;
    if (closed) return;
    subscription = deps.store.subscribeToAll(head === undefined ? {} : { fromPosition: head });
    for await (const event of subscription) {
      const notification = notificationFor(event, deps.policy);
      if (!notification) continue;
      for (const url of webhooks.urls) {
        const delivery = deliverWithRetry(url, notification);
        inFlight.add(delivery);
        void delivery.finally(() => inFlight.delete(delivery));
      }
    }
  })();
  return {
    async close() {
      closed = true;
      await subscription?.close();
      await following.catch(() => undefined);
      await Promise.allSettled(inFlight);
    },
  };
}
