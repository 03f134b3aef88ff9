import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmeReferral, eheReferral } from '../api/fixtures.js';
import { bearer, type TestApi, testApi } from '../api/support.js';

/** Issue 12, finding 1: a command's answer was a read of the case's personal data that no log recorded. */
describe('command answers and the access log', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  let admin: Record<string, string>;
  let auditor: Record<string, string>;
  beforeAll(async () => {
    api = await testApi();
    manager = bearer(await api.token('manager', 'mary'));
    admin = bearer(await api.token('admin', 'ivan'));
    auditor = bearer(await api.token('auditor', 'aud'));
  });
  afterAll(() => api.close());

  const post = (url: string, payload: object, headers = manager) =>
    api.app.inject({ method: 'POST', url, payload, headers });
  const accessLog = async () =>
    (await api.app.inject({ url: '/v1/access-log?limit=500', headers: auditor })).json().entries as {
      actor: string;
      route: string;
      caseIds: string[];
    }[];

  it("answers a referral and a step with the case's revision, events and clocks, never the child's details", async () => {
    const referral = eheReferral({ child: { ...eheReferral().child, upn: 'Q801200212345' } });
    const opened = await post('/v1/ehe-cases', referral);
    const allocated = await post(`/v1/cases/${referral.caseId}/allocation`, {
      officerId: 'olive',
      allocatedOn: '2025-11-18',
    });
    for (const answer of [opened, allocated]) {
      expect(answer.statusCode).toBeLessThan(300);
      expect(answer.json()).not.toHaveProperty('summary');
      for (const personal of [referral.child.familyName, referral.child.dateOfBirth, 'Q801200212345']) {
        expect(answer.body).not.toContain(personal);
      }
    }
    expect(allocated.json()).toMatchObject({ caseId: referral.caseId, revision: '1', events: [{}] });
  });

  it.each([
    ['missed-deadlines', { clock: 'allocation', dueOn: '2000-01-01' }],
    ['escalations', { clock: 'allocation', level: 'manager' }],
    ['annual-contact-reminders', { dueOn: '2000-01-01' }],
  ])(
    'has no route for the deadline worker step %s, so no one reads a case through it',
    async (path, body) => {
      const referral = cmeReferral();
      await post('/v1/cme-cases', referral);
      const before = await api.eventCount();
      for (const headers of [admin, manager]) {
        const answer = await post(`/v1/cases/${referral.caseId}/${path}`, body, headers);
        expect(answer.statusCode).toBe(404);
        expect(answer.headers['content-type']).toContain('application/problem+json');
        expect(answer.body).not.toContain(referral.child.familyName);
      }
      expect(await api.eventCount()).toBe(before);
    },
  );

  it('refuses the admin role the list of open deadlines: it reads no case data', async () => {
    const answer = await api.app.inject({ url: '/v1/deadlines', headers: admin });
    expect(answer.statusCode).toBe(403);
  });

  it('records the read of every case /v1/deadlines lists, before answering', async () => {
    const referral = eheReferral();
    await post('/v1/ehe-cases', referral);
    const answer = await api.app.inject({ url: `/v1/deadlines?caseId=${referral.caseId}`, headers: manager });
    expect(answer.json().items.length).toBeGreaterThan(0);
    const entries = (await accessLog()).filter((entry) => entry.route === '/v1/deadlines');
    expect(entries.at(-1)).toMatchObject({ actor: 'mary', caseIds: [referral.caseId] });
  });

  it('records the read of every case the dashboard names, those in its deadline lists included', async () => {
    const referral = eheReferral({ receivedOn: '2025-11-03' });
    await post('/v1/ehe-cases', referral);
    await post(`/v1/cases/${referral.caseId}/allocation`, { officerId: 'olive', allocatedOn: '2025-11-04' });
    const dashboard = (await api.app.inject({ url: '/v1/dashboard', headers: manager })).json();
    const overdue = dashboard.overdue.items.map((item: { caseId: string }) => item.caseId);
    expect(overdue).toContain(referral.caseId);
    const entry = (await accessLog()).filter((e) => e.route === '/v1/dashboard').at(-1);
    expect(entry?.caseIds).toContain(referral.caseId);
  });
});
