import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/api/plugins/security-headers.js';
import { testApi } from './support.js';

/** Helmet's default headers on a plain route: what the precomputed set replaces. */
async function helmetDefaults(): Promise<Record<string, unknown>> {
  const app = Fastify();
  await app.register(helmet, { global: true });
  app.get('/', async () => ({}));
  const { headers } = await app.inject({ url: '/' });
  await app.close();
  const { 'content-type': _, 'content-length': __, date: ___, connection: ____, ...security } = headers;
  return security;
}

describe('security headers', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  beforeAll(async () => {
    api = await testApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it("are helmet's defaults, precomputed", async () => {
    expect(securityHeaders).toEqual(await helmetDefaults());
  });

  it('are on answers, refusals and unknown routes alike, and /docs keeps its own policy', async () => {
    for (const url of ['/health/live', '/v1/cases', '/no-such-route']) {
      const { headers } = await api.app.inject({ url });
      for (const [name, value] of Object.entries(securityHeaders))
        expect(headers[name], `${url} ${name}`).toBe(value);
    }
    const docs = await api.app.inject({ url: '/docs/' });
    expect(docs.headers['content-security-policy']).toMatch(/validator\.swagger\.io/);
  });
});
