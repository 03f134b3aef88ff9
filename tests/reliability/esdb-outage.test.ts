import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eheReferral } from '../api/fixtures.js';
import { startEsdbTestServer } from '../support/esdb-test-server.js';
import { answerOf, eventually, startEsdbApi } from './support/esdb-api.js';
import { startPartitioningProxy } from './support/esdb-proxy.js';

/**
 * EventStoreDB goes away under a running API and comes back with its data: stopped and restarted on the same
 * port (the test server keeps its log across stop() and start()), or cut off by a network partition that
 * swallows bytes, where nothing is refused and only deadlines end a request. While it is away every request
 * that needs it is a 503 problem; once it is back the same process serves again, and the views' $all
 * subscription resumes where it stopped.
 */
const NOW = new Date('2025-11-20T10:00:00Z');
const DEADLINE_MS = 1_500;

/** What a 503 must not tell a client: the store's name and address, client errors, stack frames. */
const INTERNALS =
  /eventstore|esdb|grpc|unavailable:|econnrefused|127\.0\.0\.1|node_modules|at \w+ \(|\.ts:\d+/i;

interface Outage {
  connectionString: string;
  begin(): Promise<void>;
  end(): Promise<void>;
  close(): Promise<void>;
}

async function serverStopped(): Promise<Outage> {
  const server = await startEsdbTestServer({ batchAppend: true });
  return {
    connectionString: server.connectionString,
    begin: () => server.stop(),
    end: () => server.start(),
    close: () => server.stop(),
  };
}

async function networkPartitioned(): Promise<Outage> {
  const server = await startEsdbTestServer({ batchAppend: true });
  const proxy = await startPartitioningProxy(server.port);
  return {
    connectionString: proxy.connectionString,
    begin: async () => proxy.partition(),
    end: async () => proxy.heal(),
    async close() {
      await proxy.close();
      await server.stop();
    },
  };
}

describe.each([
  ['the server stopped and restarted', serverStopped],
  ['a network partition that swallows bytes', networkPartitioned],
])('EventStoreDB outage: %s', (_name, startOutage) => {
  let outage: Outage;
  let api: Awaited<ReturnType<typeof startEsdbApi>>;
  let manager: Record<string, string>;
  let caseId: string;

  beforeAll(async () => {
    outage = await startOutage();
    api = await startEsdbApi({ esdbUrl: outage.connectionString, deadlineMs: DEADLINE_MS, now: NOW });
    manager = { authorization: `Bearer ${await api.token('manager')}` };
  });
  afterAll(async () => {
    await api?.close();
    await outage?.close();
  });

  const inject = (what: string, request: InjectOptions) => answerOf(api.app.inject(request), what);
  const refer = () =>
    inject('referral', { method: 'POST', url: '/v1/ehe-cases', headers: manager, payload: eheReferral() });
  const allocate = (id: string) =>
    inject('allocation', {
      method: 'POST',
      url: `/v1/cases/${id}/allocation`,
      headers: manager,
      payload: { officerId: 'olive', allocatedOn: '2025-11-18' },
    });
  const listedIds = async () => {
    const page = await inject('case list', { url: '/v1/cases?limit=500', headers: manager });
    return page.statusCode === 200 ? page.json().items.map((item: { caseId: string }) => item.caseId) : [];
  };

  const expectUnavailable = (response: LightMyRequestResponse, what: string) => {
    expect(response.statusCode, `${what}: ${response.body}`).toBe(503);
    expect(response.headers['content-type'], what).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem, what).toMatchObject({
      type: 'urn:sightline:problem:store_unavailable',
      title: 'Service Unavailable',
      status: 503,
      code: 'store_unavailable',
    });
    expect(response.headers['retry-after'], what).toBeDefined();
    expect(response.body, what).not.toMatch(INTERNALS);
  };

  it('serves while the store is up', async () => {
    const opened = await refer();
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().caseId;
    await eventually(async () => (await listedIds()).includes(caseId), 'the case in the views');
    expect((await inject('ready', { url: '/health/ready' })).statusCode).toBe(200);
  });

  it('answers 503 problems, not hangs or 500s, while the store is down', async () => {
    await outage.begin();
    expectUnavailable(await refer(), 'a referral');
    expectUnavailable(await allocate(caseId), 'a command on a case');
    // The summary comes from the views, but the read must be logged first: no record, no data.
    expectUnavailable(
      await inject('case read', { url: `/v1/cases/${caseId}`, headers: manager }),
      'case read',
    );
    expectUnavailable(
      await inject('history read', { url: `/v1/cases/${caseId}/events`, headers: manager }),
      'history read',
    );
    const ready = await inject('ready', { url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({
      status: 'unavailable',
      checks: { eventStore: 'unreachable', views: 'unreachable' },
    });
    expect((await inject('live', { url: '/health/live' })).statusCode).toBe(200);
  });

  it('serves writes and reads again once the store is back, with no restart, and the views catch up', async () => {
    await outage.end();
    await eventually(
      async () => (await inject('ready', { url: '/health/ready' })).statusCode === 200,
      'ready again',
    );
    const allocated = await allocate(caseId);
    expect(allocated.statusCode, allocated.body).toBe(200);
    const opened = await refer();
    expect(opened.statusCode, opened.body).toBe(201);
    const newCaseId: string = opened.json().caseId;
    await eventually(async () => (await listedIds()).includes(newCaseId), 'the new case in GET /v1/cases');
    await eventually(async () => {
      const summary = await inject('case read', { url: `/v1/cases/${caseId}`, headers: manager });
      return summary.statusCode === 200 && summary.json().officerId === 'olive';
    }, 'the allocation in the views');
    const history = await inject('history', { url: `/v1/cases/${caseId}/events`, headers: manager });
    expect(history.statusCode).toBe(200);
    expect(history.json().events.map((event: { type: string }) => event.type)).toContain('CaseAllocated');
  });
});
