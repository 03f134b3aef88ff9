import type { EventStore } from '../../src/eventstore/types.js';
import { silentLogger } from '../../src/logger.js';
import { startBullmqTrigger } from '../../src/workers/bullmq-trigger.js';
import { createDueClockHandler } from '../../src/workers/due-clocks.js';
import type { WebhookSettings } from '../../src/workers/notification-worker.js';
import { createQueueSet } from '../../src/workers/queues.js';
import type { FakeClock } from './support.js';
import { headPosition, openProjections, policy, REDIS_URL, waitUntil } from './support.js';

/** The BullMQ trigger on the real Redis under the test's prefix, with short locks so stalls show fast. */
export async function startTrigger(
  store: EventStore,
  clock: FakeClock,
  prefix: string,
  options: { webhooks?: WebhookSettings; workerStore?: EventStore } = {},
) {
  const projections = openProjections(store, clock);
  await projections.start();
  const queues = createQueueSet({ redisUrl: REDIS_URL, prefix, logger: silentLogger });
  const handler = createDueClockHandler({ store: options.workerStore ?? store, policy, now: clock.now });
  const trigger = await startBullmqTrigger({
    store,
    queues,
    deadlines: projections,
    handler,
    policy,
    logger: silentLogger,
    now: clock.now,
    sweepCron: '30 6 * * 1-5',
    workerOptions: { lockDuration: 1_000, stalledInterval: 500 },
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
  });
  return {
    queues,
    trigger,
    projections,
    /** Waits until the scheduler and the views have seen every event in the log. */
    async caughtUp() {
      const head = await headPosition(store);
      await waitUntil(() => trigger.scheduler.position() >= head);
      await projections.waitFor(head);
    },
    async close() {
      await trigger.close(2_000);
      await projections.close();
    },
  };
}
