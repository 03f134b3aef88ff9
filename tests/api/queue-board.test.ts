import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../src/domain/roles.js';
import { allQueues, createQueueSet, type QueueSet } from '../../src/workers/queues.js';
import { deletePrefix, REDIS_URL, testPrefix } from '../workers/support.js';
import { bearer, type TestApi, testApi } from './support.js';

const silent = { info() {}, warn() {}, error() {}, debug() {} };

interface QueuesBody {
  queues: { name: string; readOnlyMode: boolean; counts: Record<string, number> }[];
}

describe('/admin/queues (bull-board) against real Redis', () => {
  const prefix = testPrefix();
  let queueSet: QueueSet;
  let api: TestApi;

  beforeAll(async () => {
    queueSet = createQueueSet({ redisUrl: REDIS_URL, prefix, logger: silent });
    await queueSet.queue('deadlines').add('due', { caseId: 'x' }, { jobId: 'board_test', delay: 600_000 });
    api = await testApi({ queues: allQueues(queueSet) });
  });
  afterAll(async () => {
    await api?.close();
    await queueSet?.close();
    await deletePrefix(prefix);
  });

  const get = async (url: string, role?: (typeof roles)[number]) =>
    api.app.inject({ method: 'GET', url, headers: role ? bearer(await api.token(role)) : {} });
  const pause = async (role: (typeof roles)[number]) =>
    api.app.inject({
      method: 'PUT',
      url: '/admin/queues/api/queues/deadlines/pause',
      headers: bearer(await api.token(role)),
    });

  it('refuses a request without a bearer token, 401, for the page and its API alike', async () => {
    for (const url of ['/admin/queues', '/admin/queues/api/queues']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['www-authenticate']).toContain('Bearer');
    }
  });

  it('refuses every role but admin and manager, 403', async () => {
    const others = roles.filter((role) => role !== 'admin' && role !== 'manager');
    expect(others.length).toBeGreaterThan(0);
    for (const role of others) {
      const response = await get('/admin/queues/api/queues', role);
      expect(response.statusCode, role).toBe(403);
      expect(response.json()).toMatchObject({ code: 'forbidden' });
    }
  });

  it('shows an admin and a manager the page and the queues with their jobs', async () => {
    for (const role of ['admin', 'manager'] as const) {
      const page = await get('/admin/queues', role);
      expect(page.statusCode, role).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      const body = (await get('/admin/queues/api/queues', role)).json<QueuesBody>();
      expect(body.queues.map((queue) => queue.name).sort()).toEqual([
        'deadlines',
        'escalations',
        'notifications',
        'sweep',
      ]);
      expect(body.queues.find((queue) => queue.name === 'deadlines')?.counts.delayed).toBe(1);
    }
  });

  it('is read-only for a manager: the board says so and a change is refused, 403, changing nothing', async () => {
    const body = (await get('/admin/queues/api/queues', 'manager')).json<QueuesBody>();
    expect(body.queues.every((queue) => queue.readOnlyMode)).toBe(true);
    const refused = await pause('manager');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden' });
    expect(await queueSet.queue('deadlines').isPaused()).toBe(false);
  });

  it('lets an admin change a queue', async () => {
    const body = (await get('/admin/queues/api/queues', 'admin')).json<QueuesBody>();
    expect(body.queues.some((queue) => queue.readOnlyMode)).toBe(false);
    expect((await pause('admin')).statusCode).toBe(200);
    expect(await queueSet.queue('deadlines').isPaused()).toBe(true);
  });
});

describe('/admin/queues without Redis', () => {
  it('is not served', async () => {
    const api = await testApi();
    try {
      const response = await api.app.inject({ method: 'GET', url: '/admin/queues' });
      expect(response.statusCode).toBe(404);
    } finally {
      await api.close();
    }
  });
});
