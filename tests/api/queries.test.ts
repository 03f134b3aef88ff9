import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmeReferral, eheReferral, VALID_UPN } from './fixtures.js';
import { bearer, type TestApi, testApi } from './support.js';

describe('queries over HTTP, from the views', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  let officer: Record<string, string>;
  const ehe = eheReferral({ priorityFlags: ['child_protection_plan'] });
  const upnChild = eheReferral();
  const cme = cmeReferral();
  beforeAll(async () => {
    api = await testApi();
    manager = bearer(await api.token('manager', 'mary'));
    officer = bearer(await api.token('officer', 'olive'));
    const post = (url: string, payload: object) =>
      api.app.inject({ method: 'POST', url, payload, headers: manager });
    await post('/v1/ehe-cases', ehe);
    await post('/v1/ehe-cases', { ...upnChild, child: { ...upnChild.child, upn: VALID_UPN } });
    await post('/v1/cme-cases', cme);
    await post(`/v1/cases/${ehe.caseId}/allocation`, { officerId: 'olive', allocatedOn: '2025-11-18' });
  });
  afterAll(() => api.close());

  it('a referral answers with the clocks it started and their due dates, and no personal data', async () => {
    const referral = eheReferral({ receivedOn: '2025-11-14' });
    const response = await api.app.inject({
      method: 'POST',
      url: '/v1/ehe-cases',
      payload: referral,
      headers: manager,
    });
    expect(response.json()).not.toHaveProperty('summary');
    expect(response.json()).toMatchObject({
      caseId: referral.caseId,
      caseType: 'ehe',
      revision: '0',
      clocks: expect.arrayContaining([
        expect.objectContaining({ clock: 'allocation', startedOn: '2025-11-14', dueOn: '2025-11-18' }),
        expect.objectContaining({ clock: 'firstContact', startedOn: '2025-11-14', dueOn: '2025-11-21' }),
      ]),
    });
  });

  it('reads a case with its ETag, the revision of its last event', async () => {
    const response = await api.app.inject({ url: `/v1/cases/${ehe.caseId}`, headers: officer });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('W/"1"');
    expect(response.json()).toMatchObject({ caseId: ehe.caseId, officerId: 'olive', priority: true });
  });

  it('lists cases by type, officer, priority and free text (name or UPN), a page at a time', async () => {
    const list = async (query: string) =>
      (await api.app.inject({ url: `/v1/cases?${query}`, headers: manager })).json().items as {
        caseId: string;
      }[];
    expect((await list('type=cme')).map((c) => c.caseId)).toEqual([cme.caseId]);
    expect((await list('officer=olive')).map((c) => c.caseId)).toEqual([ehe.caseId]);
    expect((await list('priority=true')).map((c) => c.caseId)).toEqual([ehe.caseId]);
    expect((await list(`q=${encodeURIComponent(cme.child.familyName)}`)).map((c) => c.caseId)).toEqual([
      cme.caseId,
    ]);
    expect((await list(`q=${VALID_UPN}`)).map((c) => c.caseId)).toEqual([upnChild.caseId]);
    const first = await api.app.inject({ url: '/v1/cases?limit=1', headers: manager });
    expect(first.json().items).toHaveLength(1);
    const next = await api.app.inject({
      url: `/v1/cases?limit=1&cursor=${first.json().nextCursor}`,
      headers: manager,
    });
    expect(next.json().items[0].caseId).not.toBe(first.json().items[0].caseId);
  });

  it("lists an officer's caseload", async () => {
    const response = await api.app.inject({ url: '/v1/caseloads/olive', headers: officer });
    expect(response.json()).toMatchObject({ officerId: 'olive', total: 1, items: [{ caseId: ehe.caseId }] });
    expect(response.json().nextCursor).toBeUndefined();
  });

  it('shows the dashboard to a manager, not to an officer', async () => {
    const response = await api.app.inject({ url: '/v1/dashboard', headers: manager });
    expect(response.statusCode).toBe(200);
    expect(response.json().unallocated.count).toBeGreaterThanOrEqual(2);
    expect((await api.app.inject({ url: '/v1/dashboard', headers: officer })).statusCode).toBe(403);
  });

  it('lists open deadlines', async () => {
    const response = await api.app.inject({ url: `/v1/deadlines?caseId=${ehe.caseId}`, headers: officer });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((d: { clock: string }) => d.clock)).toContain('firstContact');
  });

  it('reports the DfE return as JSON, and as CSV when asked', async () => {
    const json = await api.app.inject({
      url: '/v1/reports/dfe-return?censusDate=2025-11-20&rounding=raw',
      headers: manager,
    });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ censusDate: '2025-11-20', rounding: 'raw', cme: { total: 1 } });
    const csv = await api.app.inject({
      url: '/v1/reports/dfe-return?censusDate=2025-11-20&rounding=raw',
      headers: { ...manager, accept: 'text/csv' },
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('section,figure,code,dfeCode,dfeLabel,value');
    expect(csv.body).toContain('\r\ncme,total,,,,1\r\n');
    expect(csv.body).toMatch(/\r\ncme,bySex,[FMU],,(Female|Male|Unknown),1\r\n/);
  });

  it('answers the exact counts a council submits unless published rounding is asked for', async () => {
    const exact = await api.app.inject({
      url: '/v1/reports/dfe-return?censusDate=2025-11-20',
      headers: manager,
    });
    expect(exact.json()).toMatchObject({ rounding: 'raw', cme: { total: 1 } });
    const published = await api.app.inject({
      url: '/v1/reports/dfe-return?censusDate=2025-11-20&rounding=published',
      headers: manager,
    });
    expect(published.json()).toMatchObject({ rounding: 'published', cme: { total: 'low' } });
  });

  it('the academic-year and committee reports are exact by default and rounded when asked, as the return is', async () => {
    const exact = await api.app.inject({
      url: '/v1/reports/committee?from=2025-09-01&to=2025-11-20',
      headers: manager,
    });
    expect(exact.json()).toMatchObject({ cme: { referrals: 1 }, rates: { academicYear: '2025-26' } });
    const published = await api.app.inject({
      url: '/v1/reports/committee?from=2025-09-01&to=2025-11-20&rounding=published',
      headers: manager,
    });
    expect(published.json()).toMatchObject({ cme: { referrals: 'low' } });
    const year = await api.app.inject({
      url: '/v1/reports/academic-year?year=2025-26&rounding=published',
      headers: manager,
    });
    expect(year.json()).toMatchObject({ cme: { referrals: 'low' }, schoolPopulation: null });
  });

  it('reports the academic year and the committee figures', async () => {
    const year = await api.app.inject({ url: '/v1/reports/academic-year?year=2025-26', headers: manager });
    expect(year.statusCode).toBe(200);
    expect(year.json()).toMatchObject({ label: '2025-26' });
    const committee = await api.app.inject({
      url: '/v1/reports/committee?from=2025-09-01&to=2025-11-20',
      headers: manager,
    });
    expect(committee.statusCode).toBe(200);
    expect(committee.json().cme.referrals).toBe(1);
    const backwards = await api.app.inject({
      url: '/v1/reports/committee?from=2025-11-20&to=2025-09-01',
      headers: manager,
    });
    expect(backwards.statusCode).toBe(400);
    const badYear = await api.app.inject({ url: '/v1/reports/academic-year?year=2025-27', headers: manager });
    expect(badYear.statusCode).toBe(400);
  });
  // Last: it records a contact on the shared case, which the tests above read.
  it('serves a caseload page and the dashboard again from their JSON, logging every read, until they change', async () => {
    const read = (url: string, headers: Record<string, string>) => api.app.inject({ url, headers });
    for (const [url, headers] of [
      ['/v1/caseloads/olive', officer],
      ['/v1/dashboard', manager],
    ] as const) {
      const before = await api.eventCount();
      const first = await read(url, headers);
      const second = await read(url, headers);
      expect(second.body, url).toBe(first.body);
      expect(second.headers['content-type'], url).toBe('application/json; charset=utf-8');
      // Each read is on the access log, cached answer or not.
      expect(await api.eventCount(), url).toBe(before + 2);
    }
    const page = (await read('/v1/caseloads/olive', officer)).json();
    const dashboard = (await read('/v1/dashboard', manager)).json();
    const contact = await api.app.inject({
      method: 'POST',
      url: `/v1/cases/${ehe.caseId}/contacts`,
      headers: manager,
      payload: { attemptedOn: '2025-11-19', method: 'phone', outcome: 'contact_made' },
    });
    expect(contact.statusCode, contact.body).toBe(200);
    const changed = (await read('/v1/caseloads/olive', officer)).json();
    expect(changed.items[0].revision).not.toBe(page.items[0].revision);
    expect((await read('/v1/dashboard', manager)).json().position).not.toBe(dashboard.position);
  });
});
