import { afterEach, describe, expect, it } from 'vitest';
import { createMetricsRegistry } from '../../src/metrics.js';
import { createWorkerMetrics } from '../../src/workers/metrics.js';
import { createQueueSet, type QueueSet } from '../../src/workers/queues.js';
import { deletePrefix, REDIS_URL, testPrefix } from './support.js';

const silent = { info() {}, warn() {}, error() {}, debug() {} };

const metricsRegistry = createMetricsRegistry();
const metrics = createWorkerMetrics(metricsRegistry);

describe('queue depths in /metrics', () => {
  let queues: QueueSet | undefined;
  const prefix = testPrefix();
  afterEach(async () => {
    await queues?.close();
    await deletePrefix(prefix);
  });

  it('reports the jobs of each open queue by state, and forgets a closed queue set', async () => {
    queues = createQueueSet({ redisUrl: REDIS_URL, prefix, logger: silent, metrics });
    await queues.queue('deadlines').add('due', { caseId: 'x' }, { jobId: 'deadline_test', delay: 60_000 });
    const text = await metricsRegistry.getSingleMetricAsString('sightline_queue_jobs');
    expect(text).toContain('sightline_queue_jobs{queue="deadlines",state="delayed"} 1');
    await queues.close();
    queues = undefined;
    metricsRegistry.resetMetrics();
    expect(await metricsRegistry.getSingleMetricAsString('sightline_queue_jobs')).not.toContain('deadlines');
  });
});
