import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eheReferral } from './fixtures.js';
import { bearer, type TestApi, testApi } from './support.js';

describe('audit: history, the case as at an instant, and the access log', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  let auditor: Record<string, string>;
  let caseId: string;
  let betweenWrites: string;
  beforeAll(async () => {
    api = await testApi({ now: new Date('2025-11-18T10:00:00Z') });
    manager = bearer(await api.token('manager', 'mary'));
    auditor = bearer(await api.token('auditor', 'audrey'));
    const referral = eheReferral({ receivedOn: '2025-11-18' });
    caseId = referral.caseId;
    await api.app.inject({ method: 'POST', url: '/v1/ehe-cases', payload: referral, headers: manager });
    await sleep(5);
    betweenWrites = new Date().toISOString();
    await sleep(5);
    // Entered the next day
    api.setNow(new Date('2025-11-19T10:00:00Z'));
    await api.app.inject({
      method: 'POST',
      url: `/v1/cases/${caseId}/allocation`,
      payload: { officerId: 'olive', allocatedOn: '2025-11-19' },
      headers: manager,
    });
  });
  afterAll(() => api.close());

  it('pages through the full history with its metadata', async () => {
    const first = await api.app.inject({ url: `/v1/cases/${caseId}/events?limit=1`, headers: auditor });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      caseType: 'ehe',
      events: [{ revision: '0', type: 'EheReferralReceived', metadata: { actor: 'mary', role: 'manager' } }],
      next: '0',
    });
    const second = await api.app.inject({
      url: `/v1/cases/${caseId}/events?after=0&limit=1`,
      headers: auditor,
    });
    expect(second.json()).toMatchObject({ events: [{ revision: '1', type: 'CaseAllocated' }], next: null });
  });

  it('shows the case as things had happened by an instant (business time)', async () => {
    const response = await api.app.inject({
      url: `/v1/cases/${caseId}/state?asOf=2025-11-18T23:00:00Z&basis=occurred`,
      headers: auditor,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ basis: 'occurred', revision: '0', eventsApplied: 1 });
    expect(response.json().state).toMatchObject({ status: 'referred', allocatedOfficer: null });
  });

  it('shows the case as the system knew it at an instant (recorded time)', async () => {
    const then = await api.app.inject({
      url: `/v1/cases/${caseId}/state?asOf=${betweenWrites}&basis=recorded`,
      headers: auditor,
    });
    expect(then.json()).toMatchObject({ revision: '0', state: { allocatedOfficer: null } });
    const now = await api.app.inject({ url: `/v1/cases/${caseId}/state`, headers: auditor });
    expect(now.json()).toMatchObject({ revision: '1', state: { allocatedOfficer: 'olive' } });
    expect(now.headers.etag).toBe('W/"1"');
  });

  it('answers the state under the field names the route was published with', async () => {
    const { state } = (await api.app.inject({ url: `/v1/cases/${caseId}/state`, headers: auditor })).json();
    expect(state).toMatchObject({ receivedOn: '2025-11-18', closed: null });
    expect(state).not.toHaveProperty('referredOn');
    expect(state).not.toHaveProperty('closure');
  });

  it("lets the case's own officer read its history, but not another officer or a referrer", async () => {
    const own = await api.app.inject({
      url: `/v1/cases/${caseId}/events`,
      headers: bearer(await api.token('officer', 'olive')),
    });
    expect(own.statusCode).toBe(200);
    const other = await api.app.inject({
      url: `/v1/cases/${caseId}/events`,
      headers: bearer(await api.token('officer', 'oscar')),
    });
    expect(other.statusCode).toBe(403);
    const referrer = await api.app.inject({
      url: `/v1/cases/${caseId}/state`,
      headers: bearer(await api.token('referrer')),
    });
    expect(referrer.statusCode).toBe(403);
  });

  it('records every read of the case by a person in the access log, which only the auditor reads', async () => {
    await api.app.inject({ url: `/v1/cases/${caseId}/events`, headers: manager });
    const log = await api.app.inject({ url: `/v1/access-log?caseId=${caseId}`, headers: auditor });
    expect(log.statusCode).toBe(200);
    const entries = log.json().entries as {
      actor: string;
      caseIds: string[];
      route: string;
      requestId: string;
    }[];
    expect(
      entries.some((entry) => entry.actor === 'mary' && entry.route === '/v1/cases/:caseId/events'),
    ).toBe(true);
    expect(entries.every((entry) => entry.caseIds.includes(caseId) && entry.requestId)).toBe(true);
    const page = await api.app.inject({ url: '/v1/access-log?limit=1', headers: auditor });
    expect(page.json().entries).toHaveLength(1);
    const next = await api.app.inject({
      url: `/v1/access-log?limit=1&after=${page.json().next}`,
      headers: auditor,
    });
    expect(next.json().entries[0].position).not.toBe(page.json().entries[0].position);
    const forbidden = await api.app.inject({ url: '/v1/access-log', headers: manager });
    expect(forbidden.statusCode).toBe(403);
  });
});
