import { afterEach, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from './support.js';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('the /v1 scope holds authentication, rate limits and no-store; nothing outside it does', () => {
  it('refuses an unknown /v1 path without a token before saying it does not exist', async () => {
    api = await testApi();
    const anonymous = await api.app.inject({ url: '/v1/no-such-thing' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const officer = await api.app.inject({
      url: '/v1/no-such-thing',
      headers: { authorization: `Bearer ${await api.token('officer')}` },
    });
    expect(officer.statusCode).toBe(404);
    expect(officer.json()).toMatchObject({ code: 'route_not_found', instance: '/v1/no-such-thing' });
    expect(officer.headers['cache-control']).toBe('no-store');
  });

  it('leaves health, the documentation and unknown paths outside /v1 open and without no-store', async () => {
    api = await testApi({ limits: { requestsPerMinute: 1, requestsPerMinutePerAddress: 1 } });
    for (let i = 0; i < 3; i++) {
      const live = await api.app.inject({ url: '/health/live' });
      expect(live.statusCode).toBe(200);
      expect(live.headers['cache-control']).toBeUndefined();
    }
    expect((await api.app.inject({ url: '/openapi.json' })).statusCode).toBe(200);
    const elsewhere = await api.app.inject({ url: '/v2/cases' });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toMatchObject({ code: 'route_not_found' });
  });
});
