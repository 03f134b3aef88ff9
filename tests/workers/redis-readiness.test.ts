import { afterEach, describe, expect, it } from 'vitest';
import { createRedisReadiness } from '../../src/workers/redis-readiness.js';
import { REDIS_URL } from './support.js';

describe("the readiness check of the workers' Redis", () => {
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const item of opened.splice(0)) await item.close();
  });

  it('answers when Redis does, and fails at once, without queueing, when nothing listens', async () => {
    const up = createRedisReadiness(REDIS_URL);
    opened.push(up);
    await expect(up.check()).resolves.toBeUndefined();
    // Port 1 on the loopback: nothing listens, so the connection is refused straight away.
    const down = createRedisReadiness('redis://127.0.0.1:1');
    opened.push(down);
    await expect(down.check()).rejects.toThrow();
  });
});
