import type { Job, JobsOptions, Processor, WorkerOptions } from 'bullmq';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { unreadWorkerMetrics, type WorkerMetrics } from './metrics.js';

/** The queues, by name; the names appear in Redis keys, so they never change. */
export const queueNames = {
  deadlines: 'deadlines',
  escalations: 'escalations',
  notifications: 'notifications',
  sweep: 'sweep',
} as const;
export type QueueName = keyof typeof queueNames;

/** Every queue of a set, as /admin/queues shows them. */
export const allQueues = (set: QueueSet): Queue[] =>
  (Object.keys(queueNames) as QueueName[]).map((name) => set.queue(name));

/**
 * At least once, so every handler is idempotent. A completed job is removed (BullMQ keeps a completed
 * job's id blocked until then, and a clock restarted later reuses it); a failed one is kept for a while.
 */
export const defaultJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: { age: 30 * 24 * 3600 },
};

export interface QueueSetOptions {
  redisUrl: string;
  /** Namespaces every key, so tests and councils sharing one Redis never collide. */
  prefix: string;
  logger: Logger;
  /** The process's worker metrics, where the queues' depths are reported. */
  metrics?: WorkerMetrics;
}

/**
 * The one module that owns the Redis connections and the queue names. Queues share one connection that
 * fails fast; every worker has its own with `maxRetriesPerRequest: null` (BullMQ's blocking commands need
 * it), and all of them are closed here.
 */
export interface QueueSet {
  readonly prefix: string;
  readonly redis: Redis;
  /** What the workers on these queues count. */
  readonly metrics: WorkerMetrics;
  queue(name: QueueName): Queue;
  createWorker(name: QueueName, processor: Processor, options?: Partial<WorkerOptions>): Worker;
  /** Warns when Redis may evict keys: a lost job is a clock nobody watches. */
  checkEvictionPolicy(): Promise<string | undefined>;
  close(): Promise<void>;
}

export function createQueueSet(options: QueueSetOptions): QueueSet {
  const { prefix, logger } = options;
  const metrics = options.metrics ?? unreadWorkerMetrics();
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false });
  const workerConnections: Redis[] = [];
  const queues = new Map<QueueName, Queue>();
  const workers: Worker[] = [];
  const depths = async () =>
    Promise.all(
      [...queues.entries()].map(async ([name, queue]) => ({
        queue: name,
        counts: await queue.getJobCounts('waiting', 'active', 'delayed', 'failed'),
      })),
    );
  metrics.queueDepthSources.add(depths);
  return {
    prefix,
    redis,
    metrics,
    queue(name) {
      let queue = queues.get(name);
      if (!queue) {
        queue = new Queue(queueNames[name], { connection: redis, prefix, defaultJobOptions });
        queues.set(name, queue);
      }
      return queue;
    },
    createWorker(name, processor, workerOptions = {}) {
      const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
      workerConnections.push(connection);
      const worker = new Worker(queueNames[name], processor, { connection, prefix, ...workerOptions });
      worker.on('failed', (job: Job | undefined, error: Error) =>
        logger.warn(
          { queue: name, jobId: job?.id, attempts: job?.attemptsMade, err: error.message },
          'job failed',
        ),
      );
      worker.on('error', (error: Error) => logger.error({ queue: name, err: error.message }, 'worker error'));
      workers.push(worker);
      return worker;
    },
    async checkEvictionPolicy() {
      let policy: string | undefined;
      try {
        const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
        policy = reply[1];
      } catch (error) {
        // Managed Redis often forbids CONFIG: say so rather than guess.
        logger.warn({ err: String(error) }, 'cannot read Redis maxmemory-policy; make sure it is noeviction');
        return undefined;
      }
      if (policy !== 'noeviction') {
        logger.error(
          { maxmemoryPolicy: policy },
          'REDIS maxmemory-policy IS NOT noeviction: Redis may silently drop deadline jobs. Set maxmemory-policy noeviction (and appendonly yes).',
        );
      }
      return policy;
    },
    async close() {
      metrics.queueDepthSources.delete(depths);
      await Promise.allSettled(workers.map((worker) => worker.close()));
      await Promise.allSettled([...queues.values()].map((queue) => queue.close()));
      for (const connection of [...workerConnections, redis]) connection.disconnect();
    },
  };
}
