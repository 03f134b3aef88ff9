import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmeReferral, eheReferral } from '../api/fixtures.js';
import { bearer, type TestApi, testApi } from '../api/support.js';

/**
 * Issue 12, findings 3 and 4: one id held two case types (the second child then vanished from every view),
 * and a reclassification refused for its target id had already closed the EHE case.
 */
describe('one case id, one case type', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  beforeAll(async () => {
    api = await testApi();
    manager = bearer(await api.token('manager', 'mary'));
  });
  afterAll(() => api.close());

  const post = (url: string, payload: object, headers = manager) =>
    api.app.inject({ method: 'POST', url, payload, headers });
  const listed = async (caseId: string) =>
    (await api.app.inject({ url: `/v1/cases/${caseId}`, headers: manager })).json();

  it('opens two cases under two ids when one Idempotency-Key is sent to both referral routes', async () => {
    const key = { ...manager, 'idempotency-key': `both-routes-${randomUUID()}` };
    const { caseId: _e, ...ehe } = eheReferral();
    const { caseId: _c, ...cme } = cmeReferral();
    const eheCase = await post('/v1/ehe-cases', ehe, key);
    const cmeCase = await post('/v1/cme-cases', cme, key);
    expect([eheCase.statusCode, cmeCase.statusCode]).toEqual([201, 201]);
    expect(cmeCase.json().caseId).not.toBe(eheCase.json().caseId);
    expect((await listed(cmeCase.json().caseId)).caseType).toBe('cme');
    expect((await listed(eheCase.json().caseId)).caseType).toBe('ehe');
  });

  it.each([
    ['an EHE referral', '/v1/ehe-cases', () => eheReferral(), '/v1/cme-cases', () => cmeReferral()],
    ['a CME referral', '/v1/cme-cases', () => cmeReferral(), '/v1/ehe-cases', () => eheReferral()],
  ])(
    "refuses %s under the id of the other type's case, writing nothing",
    async (_, url, body, otherUrl, other) => {
      const existing = other();
      await post(otherUrl, existing);
      const before = await api.eventCount();
      const answer = await post(url, { ...body(), caseId: existing.caseId });
      expect(answer.statusCode).toBe(409);
      expect(answer.json().code).toBe('case_id_taken');
      expect(answer.body).not.toContain(existing.child.familyName);
      expect(await api.eventCount()).toBe(before);
    },
  );

  it.each([
    [
      'an existing CME case',
      async () => {
        const cme = cmeReferral();
        await post('/v1/cme-cases', cme);
        return cme.caseId;
      },
    ],
    ['the EHE case itself', async (ehe: string) => ehe],
  ])('refuses a reclassification to the id of %s before closing the EHE case', async (_, target) => {
    const ehe = eheReferral();
    await post('/v1/ehe-cases', ehe);
    const cmeCaseId = await target(ehe.caseId);
    const before = await api.eventCount();
    const answer = await post(`/v1/cases/${ehe.caseId}/reclassification`, {
      reclassifiedOn: '2025-11-19',
      reason: 'The family has left the address and no education is known.',
      cmeCaseId,
    });
    expect(answer.statusCode).toBe(409);
    expect(answer.json().code).toBe('case_id_taken');
    expect(await api.eventCount()).toBe(before);
    expect((await listed(ehe.caseId)).open).toBe(true);
  });

  it('refuses a CME child found home educated under an existing EHE id before recording it', async () => {
    const cme = cmeReferral({
      child: {
        ...cmeReferral().child,
        address: { lines: ['2 Low Road'], town: 'Southampton', postcode: 'SO15 2AB' },
      },
    });
    const ehe = eheReferral();
    await post('/v1/cme-cases', cme);
    await post('/v1/ehe-cases', ehe);
    await post(`/v1/cases/${cme.caseId}/allocation`, { officerId: 'olive', allocatedOn: '2025-11-18' });
    await post(`/v1/cases/${cme.caseId}/location`, {
      establishedOn: '2025-11-18',
      whereabouts: {
        kind: 'in_area',
        address: { lines: ['2 Low Road'], town: 'Southampton', postcode: 'SO15 2AB' },
      },
    });
    const before = await api.eventCount();
    const answer = await post(`/v1/cases/${cme.caseId}/became-ehe`, {
      establishedOn: '2025-11-19',
      eheCaseId: ehe.caseId,
    });
    expect(answer.statusCode).toBe(409);
    expect(answer.json().code).toBe('case_id_taken');
    expect(await api.eventCount()).toBe(before);
  });

  it('a view that meets a second case type under one id says so in a metric and the log, not in silence', async () => {
    const { createSqliteEventStore } = await import('../../src/eventstore/sqlite.js');
    const { createProjections } = await import('../../src/projections/index.js');
    const { createProjectionMetrics } = await import('../../src/projections/metrics.js');
    const { Registry } = await import('prom-client');
    const projectionMetrics = createProjectionMetrics(new Registry());
    const store = createSqliteEventStore({ path: ':memory:' });
    const caseId = randomUUID();
    // Copy one real case of each type into a fresh store, both under one id, as a buggy writer would.
    const ehe = eheReferral();
    const cme = cmeReferral();
    await post('/v1/ehe-cases', ehe);
    await post('/v1/cme-cases', cme);
    for (const [type, id] of [
      ['ehe', ehe.caseId],
      ['cme', cme.caseId],
    ] as const) {
      for await (const event of api.store.readStream(`${type}-${id}`)) {
        const data = { ...(event.data as object), caseId };
        await store.append(
          `${type}-${caseId}`,
          [{ type: event.type, data, metadata: event.metadata }],
          'any',
        );
      }
    }
    const errors: unknown[] = [];
    const logger = { error: (...args: unknown[]) => errors.push(args), warn: () => {}, info: () => {} };
    const before = (await projectionMetrics.caseIdConflicts.get()).values[0]?.value ?? 0;
    const views = createProjections(store, {
      today: () => '2025-11-20',
      exportMetrics: false,
      logger,
      metrics: projectionMetrics,
    });
    await views.start();
    expect((await projectionMetrics.caseIdConflicts.get()).values[0]?.value).toBe(before + 1);
    expect(JSON.stringify(errors)).toContain('two case types');
    await views.close();
    await store.close();
  });
});
