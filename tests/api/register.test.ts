import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/domain/policy.js';
import type { Role } from '../../src/domain/roles.js';
import { cmeReferral, eheReferral } from './fixtures.js';
import { bearer, type TestApi, testApi } from './support.js';

const now = new Date('2025-12-01T10:00:00Z');

describe('GET /v1/register: the Children Not In School register over HTTP', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  const first = eheReferral({ child: { ...eheReferral().child, familyName: 'Abbott' } });
  const second = eheReferral({ child: { ...eheReferral().child, familyName: 'Baker' } });
  const missing = cmeReferral();
  beforeAll(async () => {
    api = await testApi({ now });
    manager = bearer(await api.token('manager', 'mary'));
    const post = (url: string, payload: object) =>
      api.app.inject({ method: 'POST', url, payload, headers: manager });
    await post('/v1/ehe-cases', first);
    await post('/v1/ehe-cases', second);
    await post('/v1/cme-cases', missing);
  });
  afterAll(() => api.close());

  const read = (url: string, headers: Record<string, string> = manager) => api.app.inject({ url, headers });

  it('lists the EHE entries, not the CME child whose whereabouts are unknown, as voluntary before commencement', async () => {
    const response = await read('/v1/register?on=2025-12-01');
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json();
    expect(page).toMatchObject({ on: '2025-12-01', basis: 'voluntary', commencement: null });
    expect(page.items.map((item: { caseId: string }) => item.caseId)).toEqual([first.caseId, second.caseId]);
    expect(page.items[0]).toMatchObject({
      standing: 'entry',
      grounds: ['A', 'B', 'C(a)'],
      basis: 'voluntary',
    });
  });

  it('pages by family name, following nextCursor', async () => {
    const one = (await read('/v1/register?on=2025-12-01&limit=1')).json();
    expect(one.items.map((item: { caseId: string }) => item.caseId)).toEqual([first.caseId]);
    expect(one.nextCursor).toBe(first.caseId);
    const two = (await read(`/v1/register?on=2025-12-01&limit=1&cursor=${one.nextCursor}`)).json();
    expect(two.items.map((item: { caseId: string }) => item.caseId)).toEqual([second.caseId]);
    expect(two).not.toHaveProperty('nextCursor');
  });

  it('filters by condition and year group', async () => {
    expect((await read('/v1/register?on=2025-12-01&condition=C(b)')).json().items).toEqual([]);
    expect((await read('/v1/register?on=2025-12-01&condition=C(a)')).json().items).toHaveLength(2);
    const group = (await read('/v1/register?on=2025-12-01')).json().items[0].yearGroup;
    expect((await read(`/v1/register?on=2025-12-01&yearGroup=${group}`)).json().items).toHaveLength(2);
    expect((await read(`/v1/register?on=2025-12-01&yearGroup=${group + 1}`)).json().items).toEqual([]);
  });

  it('records the read of each entry shown in the access log', async () => {
    const auditor = bearer(await api.token('auditor', 'audrey'));
    const reads = async () =>
      (
        (await read(`/v1/access-log?actor=mary&limit=500`, auditor)).json().entries as {
          route: string;
          caseIds: string[];
        }[]
      ).filter((entry) => entry.route === '/v1/register');
    const before = await reads();
    await read(`/v1/register?on=2025-12-01&limit=1&cursor=${first.caseId}`);
    const after = await reads();
    expect(after.slice(before.length)).toEqual([expect.objectContaining({ caseIds: [second.caseId] })]);
  });

  it('answers CSV with Accept: text/csv, every matching entry a row', async () => {
    const response = await api.app.inject({
      url: '/v1/register?on=2025-12-01&limit=1',
      headers: { ...manager, accept: 'text/csv' },
    });
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'caseId,caseType,standing,givenName,familyName,dateOfBirth,yearGroup,grounds,onRegisterSince,basis,statutorySince,missing',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${first.caseId},ehe,entry,`);
  });

  it('refuses roles that may not read the register: schools and agencies, panel members, IT', async () => {
    for (const role of ['referrer', 'panel', 'admin'] as Role[]) {
      const response = await read('/v1/register', bearer(await api.token(role)));
      expect(response.statusCode, role).toBe(403);
    }
    for (const role of ['officer', 'senior', 'manager', 'auditor'] as Role[]) {
      const response = await read('/v1/register', bearer(await api.token(role)));
      expect(response.statusCode, role).toBe(200);
    }
  });

  it('refuses a cursor that is no case, naming the parameter', async () => {
    const response = await read('/v1/register?cursor=00000000-0000-4000-8000-000000000000');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'invalid_cursor',
      errors: [{ path: 'querystring.cursor' }],
    });
  });
});

describe('GET /v1/register after commencement (policy commencement.cnisRegister)', () => {
  it('marks the register statutory from the commencement date, and each entry from its later start', async () => {
    const api = await testApi({
      now,
      policy: {
        ...defaultPolicy,
        commencement: { ...defaultPolicy.commencement, cnisRegister: '2025-11-20' },
      },
    });
    try {
      const manager = bearer(await api.token('manager', 'mary'));
      const ehe = eheReferral();
      await api.app.inject({ method: 'POST', url: '/v1/ehe-cases', payload: ehe, headers: manager });
      const before = (await api.app.inject({ url: '/v1/register?on=2025-11-19', headers: manager })).json();
      expect(before).toMatchObject({
        basis: 'voluntary',
        commencement: '2025-11-20',
        items: [{ basis: 'voluntary' }],
      });
      const after = (await api.app.inject({ url: '/v1/register?on=2025-12-01', headers: manager })).json();
      expect(after).toMatchObject({
        basis: 'statutory',
        items: [{ basis: 'statutory', onRegisterSince: '2025-11-17', statutorySince: '2025-11-20' }],
      });
    } finally {
      await api.close();
    }
  });
});

describe('GET /v1/register/leavers', () => {
  it('lists who left in the period with the reason, and logs the read', async () => {
    const api = await testApi({ now: new Date('2026-03-02T10:00:00Z') });
    try {
      const manager = bearer(await api.token('manager', 'mary'));
      const ehe = eheReferral();
      const post = (url: string, payload: object) =>
        api.app.inject({ method: 'POST', url, payload, headers: manager });
      await post('/v1/ehe-cases', ehe);
      const returned = await post(`/v1/cases/${ehe.caseId}/return-to-school`, {
        school: { name: 'Redbridge Community School' },
        startDate: '2026-02-23',
      });
      expect(returned.statusCode, returned.body).toBe(200);
      const response = await api.app.inject({
        url: '/v1/register/leavers?from=2026-02-01&to=2026-02-28',
        headers: manager,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().items).toEqual([
        expect.objectContaining({
          caseId: ehe.caseId,
          lastDay: '2026-02-22',
          reason: 'on_roll',
          basis: 'voluntary',
        }),
      ]);
      const auditor = bearer(await api.token('auditor', 'audrey'));
      const log = (
        await api.app.inject({ url: `/v1/access-log?caseId=${ehe.caseId}`, headers: auditor })
      ).json();
      expect(log.entries.map((entry: { route: string }) => entry.route)).toContain('/v1/register/leavers');
      const referrer = await api.app.inject({
        url: '/v1/register/leavers?from=2026-02-01&to=2026-02-28',
        headers: bearer(await api.token('referrer')),
      });
      expect(referrer.statusCode).toBe(403);
    } finally {
      await api.close();
    }
  });
});
