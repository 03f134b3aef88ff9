import { Redis } from 'ioredis';

/**
 * The readiness check of the Redis the queues run on, for `/health/ready`: its own connection, opened on the
 * first check and never queueing a command while Redis is away (the check must answer, not wait).
 */
export function createRedisReadiness(url: string): { check(): Promise<void>; close(): Promise<void> } {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => {}); // reported by the readiness check, not as an unhandled event
  return {
    async check() {
      if (redis.status === 'wait') await redis.connect();
      const answer = await redis.ping();
      if (answer !== 'PONG') throw new Error(`Redis answered ${answer} to PING`);
    },
    async close() {
      redis.disconnect();
    },
  };
}
