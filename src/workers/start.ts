import { Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { Policy } from '../domain/policy.js';
import type { EventStore } from '../eventstore/types.js';
import type { Logger } from '../logger.js';
import { startBullmqTrigger } from './bullmq-trigger.js';
import { createDueClockHandler } from './due-clocks.js';
import { startEmbeddedTrigger } from './embedded.js';
import { createWorkerMetrics } from './metrics.js';
import type { WebhookSettings } from './notification-worker.js';
import { createQueueSet } from './queues.js';
import type { DeadlineSource } from './sweep.js';

export interface WorkerDeps {
  config: Config;
  store: EventStore;
  projections: DeadlineSource;
  policy: Policy;
  logger: Logger;
  /** The process's Prometheus registry, where the workers' figures are exported. */
  registry?: Registry;
  /** The clock the handlers judge "today" by; tests move it instead of waiting. */
  now?: () => Date;
}

/**
 * Every worker of the process: BullMQ on Redis when REDIS_URL is set, else the embedded trigger. Both call
 * the same due-clock handler. `close()` finishes the jobs in hand within SHUTDOWN_GRACE_MS and closes Redis;
 * the store and the views belong to the caller.
 */
export async function startWorkers(deps: WorkerDeps): Promise<{ close(): Promise<void> }> {
  const { config, store, policy, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const metrics = createWorkerMetrics(deps.registry ?? new Registry());
  const handler = createDueClockHandler({ store, policy, now, metrics });
  const webhooks: WebhookSettings | undefined =
    config.WEBHOOK_URLS.length > 0 && config.WEBHOOK_SECRET
      ? { urls: config.WEBHOOK_URLS, secret: config.WEBHOOK_SECRET, attempts: config.WEBHOOK_ATTEMPTS }
      : undefined;
  const common = { store, deadlines: deps.projections, handler, policy, logger, now, metrics };
  const withWebhooks = webhooks ? { webhooks } : {};
  if (!config.REDIS_URL) {
    logger.info({ intervalMs: config.EMBEDDED_SWEEP_MS }, 'workers: embedded trigger (no REDIS_URL)');
    const embedded = startEmbeddedTrigger({
      ...common,
      ...withWebhooks,
      intervalMs: config.EMBEDDED_SWEEP_MS,
    });
    void embedded.sweepOnce().catch(() => undefined);
    return embedded;
  }
  const queues = createQueueSet({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX, logger, metrics });
  logger.info({ prefix: config.REDIS_PREFIX }, 'workers: BullMQ on Redis');
  const trigger = await startBullmqTrigger({
    ...common,
    ...withWebhooks,
    queues,
    sweepCron: config.SWEEP_CRON,
  });
  return { close: () => trigger.close(config.SHUTDOWN_GRACE_MS) };
}
