import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/server.js';
import { loadConfig } from '../../src/config.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';

describe('health', () => {
  const store = createSqliteEventStore({ path: ':memory:' });

  it('is live and ready when the event store answers', async () => {
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), store });
    expect((await app.inject('/health/live')).statusCode).toBe(200);
    const ready = await app.inject('/health/ready');
    expect(ready.json()).toMatchObject({ status: 'ok', checks: { eventStore: 'ok' } });
    await app.close();
  });

  it('is not ready when the event store does not answer', async () => {
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), store });
    await store.close();
    const ready = await app.inject('/health/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ checks: { eventStore: 'unreachable' } });
    await app.close();
  });
});
