import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type TestApi, testApi } from './support.js';

/** What the router refuses before any route runs is a problem document too, not Fastify's own JSON. */
describe("the router's own refusals", () => {
  let api: TestApi;
  let manager: Record<string, string>;
  beforeAll(async () => {
    api = await testApi();
    manager = bearer(await api.token('manager'));
  });
  afterAll(() => api.close());

  it('a path parameter longer than the router takes is a 414 problem', async () => {
    const response = await api.app.inject({ url: `/v1/cases/${'a'.repeat(5_000)}`, headers: manager });
    expect(response.statusCode).toBe(414);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status: 414,
      title: 'URI Too Long',
      code: 'path_parameter_too_long',
      type: 'urn:sightline:problem:path_parameter_too_long',
    });
  });

  it('a path segment that is not valid percent-encoding is a 400 problem', async () => {
    const response = await api.app.inject({ url: '/v1/cases/%zz/closure', method: 'POST', headers: manager });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 400, code: 'bad_url' });
    expect(response.json().requestId).toEqual(expect.any(String));
  });
});
