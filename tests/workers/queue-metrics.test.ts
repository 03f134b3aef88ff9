import { afterEach, describe, expect, it } from 'vitest';
import { metricsRegistry } from '../../src/metrics.js';
import { createQueueSet, type QueueSet } from '../../src/workers/queues.js';
import { deletePrefix, REDIS_URL, testPrefix } from './support.js';

const silent = { info() {}, warn() {}, error() {}, debug() {} };

describe('queue depths in /metrics', () => {
  let queues: QueueSet | undefined;
  const prefix = testPrefix();
  afterEach(async () => {
    await queues?.close();
    await deletePrefix(prefix);
  });

  it('reports the jobs of each open queue by state, and forgets a closed queue set', async () => {
    queues = createQueueSet({ redisUrl: REDIS_URL, prefix, logger: silent });
    await queues.queue('deadlines').add('due', { caseId: 'x' }, { jobId: 'deadline_test', delay: 60_000 });
    const text = await metricsRegistry.getSingleMetricAsString('sightline_queue_jobs');
    expect(text).toContain('sightline_queue_jobs{queue="deadlines",state="delayed"} 1');
    await queues.close();
    queues = undefined;
    metricsRegistry.resetMetrics();
    expect(await metricsRegistry.getSingleMetricAsString('sightline_queue_jobs')).not.toContain('deadlines');
  });
});
