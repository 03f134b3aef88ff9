import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmeReferral, eheReferral } from './fixtures.js';
import { bearer, type TestApi, testApi } from './support.js';

const now = new Date('2025-12-01T10:00:00Z');

describe('GET /v1/register/export: the register as one record per child', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  const child = { ...eheReferral().child, familyName: 'Ashworth', upn: 'A123456789012' };
  const first = eheReferral({ child });
  // The same child again (a second case opened on purpose), and another child.
  const again = eheReferral({ child, deliberateNewCase: { reason: 'The family returned after a move' } });
  const other = eheReferral({ child: { ...eheReferral().child, familyName: 'Brook', sex: 'M' } });
  beforeAll(async () => {
    api = await testApi({ now });
    manager = bearer(await api.token('manager', 'mary'));
    for (const referral of [first, again, other]) {
      const response = await api.app.inject({
        method: 'POST',
        url: '/v1/ehe-cases',
        payload: referral,
        headers: manager,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    await api.app.inject({ method: 'POST', url: '/v1/cme-cases', payload: cmeReferral(), headers: manager });
  });
  afterAll(() => api.close());

  const exportOn = (on: string, headers = manager) =>
    api.app.inject({ url: `/v1/register/export?on=${on}&purpose=dfe_return`, headers });

  it('gives each child one record with every case of theirs, and no names or addresses', async () => {
    const response = await exportOn('2025-12-01');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.header).toMatchObject({
      collection: 'children-not-in-school-register',
      referenceDate: '2025-12-01',
      basis: 'voluntary',
      commencement: null,
      recordCount: 2,
    });
    expect(body.children).toEqual([
      expect.objectContaining({
        UPN: child.upn,
        PersonBirthDate: child.dateOfBirth,
        Sex: child.sex,
        caseIds: expect.arrayContaining([first.caseId, again.caseId]),
        eligibility: expect.objectContaining({ conditions: ['A', 'B', 'C(a)'], standing: 'entry' }),
      }),
      expect.objectContaining({ LAchildID: other.caseId, UPN: null, Sex: 'M', caseIds: [other.caseId] }),
    ]);
    expect(body.children[0].caseIds).toHaveLength(2);
    // Both cases were opened the same day: the record is made from one of them, named first.
    expect(body.children[0].LAchildID).toBe(body.children[0].caseIds[0]);
    expect(response.body).not.toContain(child.familyName);
    expect(response.body).not.toContain(child.givenName);
  });

  it('has nobody before home education began', async () => {
    const body = (await exportOn('2025-11-01')).json();
    expect(body.header.recordCount).toBe(0);
    expect(body.children).toEqual([]);
  });

  it('logs the read of every case exported before answering', async () => {
    const auditor = bearer(await api.token('auditor', 'audrey'));
    await exportOn('2025-12-01');
    const entries = (await api.app.inject({ url: '/v1/access-log?actor=mary&limit=500', headers: auditor }))
      .json()
      .entries.filter((entry: { route: string }) => entry.route === '/v1/register/export');
    expect(entries.at(-1).caseIds.sort()).toEqual([first.caseId, again.caseId, other.caseId].sort());
    expect(entries.at(-1).purpose).toBe('dfe_return');
  });

  it('is not taken out without a purpose it recognises (s.436F)', async () => {
    for (const url of [
      '/v1/register/export?on=2025-12-01',
      '/v1/register/export?on=2025-12-01&purpose=curiosity',
    ]) {
      const response = await api.app.inject({ url, headers: manager });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().errors[0].path).toBe('querystring.purpose');
    }
  });

  it('is for the manager and auditors only', async () => {
    for (const role of ['officer', 'senior', 'referrer', 'panel', 'admin'] as const) {
      const response = await exportOn('2025-12-01', bearer(await api.token(role, `${role}-1`)));
      expect(response.statusCode, role).toBe(403);
    }
    const auditor = await exportOn('2025-12-01', bearer(await api.token('auditor', 'audrey')));
    expect(auditor.statusCode).toBe(200);
  });

  it('refuses a date that is not one, naming the field', async () => {
    const response = await exportOn('2026-02-30');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('querystring.on');
  });

  it('counts the register in the committee report on the period’s last day, by condition and year group', async () => {
    const committee = (
      await api.app.inject({
        url: '/v1/reports/committee?from=2025-09-01&to=2025-12-01',
        headers: manager,
      })
    ).json();
    const register = (
      await api.app.inject({ url: '/v1/register?on=2025-12-01&limit=100', headers: manager })
    ).json();
    expect(committee.register).toEqual({
      on: '2025-12-01',
      basis: 'voluntary',
      total: register.items.length,
      byStanding: { entry: 3, candidate: 0 },
      byCondition: { A: 3, B: 3, 'C(a)': 3, 'C(b)': 0, 'C(c)': 0 },
      // Every child of the fixtures was born on 3 October 2012: Year 8 in the 2025-26 school year.
      byYearGroup: { 'Year 8': 3 },
    });
    const published = (
      await api.app.inject({
        url: '/v1/reports/committee?from=2025-09-01&to=2025-12-01&rounding=published',
        headers: manager,
      })
    ).json();
    expect(published.register.total).toBe('low');
  });
});
