import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandRoutes } from '../../src/api/routes/case-command-table.js';
import { type TestApi, testApi } from './support.js';

describe('the OpenAPI document', () => {
  let api: TestApi;
  let document: {
    openapi: string;
    paths: Record<
      string,
      Record<string, { summary?: string; tags?: string[]; responses: Record<string, unknown> }>
    >;
  };
  beforeAll(async () => {
    api = await testApi();
    const response = await api.app.inject('/openapi.json');
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(() => api.close());

  it('is valid OpenAPI 3.1', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('names every operation with a stable, unique operationId, and says who to contact and where it is served', () => {
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    const ids = operations.map((operation) => (operation as { operationId?: string }).operationId);
    expect(ids.length).toBeGreaterThanOrEqual(70);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]+$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Pinned, as generated clients name their methods after them.
    expect(document.paths['/v1/cases/{caseId}']?.get).toMatchObject({ operationId: 'getCaseSummary' });
    expect(document.paths['/v1/cases/{caseId}/sao/section-437-notices']?.post).toMatchObject({
      operationId: 'serveSection437Notice',
    });
    const { info, servers } = document as unknown as { info: { contact?: unknown }; servers?: unknown[] };
    expect(info.contact).toBeDefined();
    expect(servers?.length).toBeGreaterThan(0);
  });

  it('lists every route the server has, each with a summary, tags and error responses', () => {
    for (const route of commandRoutes) {
      const operation = document.paths[`/v1/cases/{caseId}/${route.path}`]?.post;
      expect(operation, route.path).toBeDefined();
      expect(operation?.summary).toBeTruthy();
      expect(operation?.tags?.length).toBeGreaterThan(0);
      for (const status of ['400', '401', '403', '404', '409', '412', '422'])
        expect(operation?.responses).toHaveProperty(status);
    }
    for (const path of [
      '/v1/ehe-cases',
      '/v1/cme-cases',
      '/v1/deletion-returns',
      '/v1/cases/{caseId}',
      '/v1/cases/{caseId}/events',
      '/v1/cases/{caseId}/state',
      '/v1/access-log',
      '/health/live',
      '/health/ready',
    ]) {
      expect(document.paths, path).toHaveProperty([path]);
    }
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        const url = path.replaceAll(/\{(\w+)\}/g, ':$1');
        expect(api.app.hasRoute({ method: method.toUpperCase() as 'GET', url }), `${method} ${path}`).toBe(
          true,
        );
      }
    }
  });

  it('serves Swagger UI at /docs with a content security policy that lets it run', async () => {
    const page = await api.app.inject('/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const json = await api.app.inject('/v1/cases');
    expect(json.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
