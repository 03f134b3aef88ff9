import type { Worker } from 'bullmq';
import { z } from 'zod';
import type { Policy } from '../domain/policy.js';
import type { RecordedEvent } from '../eventstore/types.js';
import type { Logger } from '../logger.js';
import type { Notification } from './notifications.js';
import { deliver, notificationFor } from './notifications.js';
import type { QueueSet } from './queues.js';

export interface WebhookSettings {
  urls: readonly string[];
  secret: string;
  attempts: number;
  /** First retry delay; each next one doubles. */
  backoffMs?: number;
}

const DeliveryJob = z.object({ url: z.string(), notification: z.custom<Notification>() });

/**
 * For the clock scheduler's `onEvent`: one job per message and URL (id from the event, so a replay adds
 * none), retried with exponential backoff; after the last attempt the job stays in the failed set: that is
 * the dead letter, counted in metrics.
 */
export function notificationEnqueuer(queues: QueueSet, policy: Policy, webhooks: WebhookSettings) {
  return async (event: RecordedEvent): Promise<void> => {
    const notification = notificationFor(event, policy);
    if (!notification || webhooks.urls.length === 0) return;
    await queues.queue('notifications').addBulk(
      webhooks.urls.map((url, index) => ({
        name: notification.reason,
        data: { url, notification },
        opts: {
          jobId: `notify_${notification.id}_${index}`,
          attempts: webhooks.attempts,
          backoff: { type: 'exponential', delay: webhooks.backoffMs ?? 10_000 },
          removeOnFail: false,
        },
      })),
    );
  };
}

export function createNotificationWorker(
  queues: QueueSet,
  webhooks: WebhookSettings,
  logger: Logger,
  now: () => Date,
): Worker {
  const worker = queues.createWorker(
    'notifications',
    async (job) => {
      const { url, notification } = DeliveryJob.parse(job.data);
      await deliver(url, notification, { secret: webhooks.secret, now });
      queues.metrics.notificationsDelivered.inc();
    },
    { concurrency: 4 },
  );
  worker.on('failed', (job) => {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
      queues.metrics.notificationsDeadLettered.inc();
      logger.error({ jobId: job.id, attempts: job.attemptsMade }, 'webhook message dead-lettered');
    }
  });
  return worker;
}
