import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/server.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import { emptyProjections, testApi, testConfig } from './support.js';

describe('health and metrics', () => {
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const item of opened.splice(0)) await item.close();
  });

  it('is live and ready when the event store answers and the views are caught up', async () => {
    const api = await testApi();
    opened.push(api);
    expect((await api.app.inject('/health/live')).statusCode).toBe(200);
    const ready = await api.app.inject('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ok',
      checks: { eventStore: 'ok', redis: 'not_configured', views: 'ok' },
    });
  });

  it('is not ready when the event store does not answer', async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    const app = await buildApp({ config: testConfig(), store, projections: emptyProjections() });
    await store.close();
    const ready = await app.inject('/health/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ checks: { eventStore: 'unreachable' } });
    await app.close();
  });

  it('is not ready while the views are behind', async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    const projections = { ...emptyProjections(), caughtUp: () => false, lag: async () => 12n };
    const app = await buildApp({ config: testConfig(), store, projections });
    const ready = await app.inject('/health/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ checks: { views: 'behind' } });
    const metrics = await app.inject('/metrics');
    expect(metrics.body).toContain('sightline_view_lag_events 12');
    await app.close();
    await store.close();
  });

  it('serves Prometheus metrics with request counts by route', async () => {
    const api = await testApi();
    opened.push(api);
    await api.app.inject('/health/live');
    const metrics = await api.app.inject('/metrics');
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(
      /sightline_http_requests_total\{method="GET",route="\/health\/live",status="200"\} \d+/,
    );
    expect(metrics.body).toContain('sightline_http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('sightline_event_store_append_duration_seconds');
  });

  it("reports the workers' Redis through the check the composition root hands in", async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    opened.push(store);
    const answering = await buildApp({
      config: testConfig(),
      store,
      projections: emptyProjections(),
      checkRedis: async () => {},
    });
    opened.push(answering);
    expect((await answering.inject('/health/ready')).json()).toMatchObject({ checks: { redis: 'ok' } });
    const away = await buildApp({
      config: testConfig(),
      store,
      projections: emptyProjections(),
      checkRedis: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    });
    opened.push(away);
    const ready = await away.inject('/health/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ checks: { redis: 'unreachable' } });
  });
});
