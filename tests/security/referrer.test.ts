import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmeReferral, eheReferral, VALID_UPN } from '../api/fixtures.js';
import { bearer, type TestApi, testApi } from '../api/support.js';

/** Issue 12, finding 2: a school's portal, which reads nothing, could find, identify and read any case. */
describe('a referrer reads nothing', () => {
  let api: TestApi;
  let school: Record<string, string>;
  let otherSchool: Record<string, string>;
  let manager: Record<string, string>;
  beforeAll(async () => {
    api = await testApi();
    school = bearer(await api.token('referrer', 'bitterne-park'));
    otherSchool = bearer(await api.token('referrer', 'itchen-college'));
    manager = bearer(await api.token('manager', 'mary'));
  });
  afterAll(() => api.close());

  const post = (url: string, payload: object, headers: Record<string, string>) =>
    api.app.inject({ method: 'POST', url, payload, headers });
  /** A referral as a portal sends it: no case id of its own choosing. */
  const portalReferral = (overrides: Record<string, unknown> = {}) => {
    const { caseId: _, ...body } = eheReferral(overrides);
    return body;
  };

  /** An open case of a child the school knows, under a case id the school must never learn. */
  async function knownChild() {
    const referral = eheReferral({ child: { ...eheReferral().child, upn: VALID_UPN } });
    const opened = await post('/v1/ehe-cases', referral, manager);
    expect(opened.statusCode).toBe(201);
    await post(
      `/v1/cases/${referral.caseId}/allocation`,
      { officerId: 'olive', allocatedOn: '2025-11-18' },
      manager,
    );
    return referral;
  }

  it('learns nothing of an existing case from a probe that writes nothing (dated tomorrow)', async () => {
    const known = await knownChild();
    const before = await api.eventCount();
    const probe = await post(
      '/v1/ehe-cases',
      portalReferral({ child: known.child, receivedOn: '2025-11-21' }),
      school,
    );
    expect(probe.statusCode).toBe(422);
    expect(probe.body).not.toContain(known.caseId);
    // A UPN with any date of birth was enough before.
    const byUpn = {
      ...known.child,
      dateOfBirth: '2013-01-01',
      familyName: 'Other',
      receivedOn: '2025-11-21',
    };
    const upnProbe = await post(
      '/v1/ehe-cases',
      portalReferral({ child: byUpn, receivedOn: '2025-11-21' }),
      school,
    );
    expect(upnProbe.body).not.toContain(known.caseId);
    expect(await api.eventCount()).toBe(before);
  });

  it("gets a receipt for a probable duplicate, which the co-ordinator sees flagged, and never the other case's id", async () => {
    const known = await knownChild();
    const answer = await post('/v1/ehe-cases', portalReferral({ child: known.child }), school);
    expect(answer.statusCode).toBe(201);
    expect(Object.keys(answer.json()).sort()).toEqual(['caseId', 'receivedAt', 'replayed']);
    expect(answer.body).not.toContain(known.caseId);
    expect(answer.headers.etag).toBeUndefined();
    const dashboard = (await api.app.inject({ url: '/v1/dashboard', headers: manager })).json();
    const flagged = dashboard.possibleDuplicates.items.map((item: { caseId: string }) => item.caseId);
    expect(flagged).toContain(answer.json().caseId);
  });

  it.each([
    ['caseId', { caseId: '0b8f5c1e-2b7a-4c55-9d0e-6f1a2b3c4d5e' }],
    ['deliberateNewCase', { deliberateNewCase: { reason: 'twins' } }],
    ['schoolAgeOverride', { schoolAgeOverride: { reason: 'summer born' } }],
  ])('may not send %s, which is staff only', async (field, extra) => {
    const before = await api.eventCount();
    const answer = await post('/v1/ehe-cases', { ...portalReferral(), ...extra }, school);
    expect(answer.statusCode).toBe(403);
    expect(answer.json().errors).toEqual([{ path: `body.${field}`, message: 'staff only' }]);
    expect(await api.eventCount()).toBe(before);
  });

  it("cannot open a case under another case's id to read that child's summary", async () => {
    const cme = cmeReferral();
    await post('/v1/cme-cases', cme, manager);
    const answer = await post('/v1/ehe-cases', { ...portalReferral(), caseId: cme.caseId }, school);
    expect(answer.statusCode).toBe(403);
    expect(answer.body).not.toContain(cme.child.familyName);
  });

  it('replays its own referral with the receipt only, and another sender with the same key opens its own', async () => {
    const key = { 'idempotency-key': 'portal-referral-1' };
    const body = portalReferral();
    const first = await post('/v1/ehe-cases', body, { ...school, ...key });
    await post(
      `/v1/cases/${first.json().caseId}/allocation`,
      { officerId: 'olive', allocatedOn: '2025-11-18' },
      manager,
    );
    await post(
      `/v1/cases/${first.json().caseId}/priority-flags`,
      { flags: ['child_protection_plan'], changedOn: '2025-11-18', toldBy: 'social_care' },
      manager,
    );
    const again = await post('/v1/ehe-cases', body, { ...school, ...key });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual({ ...first.json(), replayed: true });
    expect(again.body).not.toContain('olive');
    expect(again.body).not.toContain('child_protection_plan');
    const other = await post('/v1/ehe-cases', body, { ...otherSchool, ...key });
    expect(other.statusCode).toBe(201);
    expect(other.json().caseId).not.toBe(first.json().caseId);
    expect(other.json().replayed).toBe(false);
  });

  it('is refused a key it used for another referral (422), and nothing is written', async () => {
    const key = { 'idempotency-key': 'portal-referral-2' };
    await post('/v1/ehe-cases', portalReferral(), { ...school, ...key });
    const before = await api.eventCount();
    const reused = await post('/v1/ehe-cases', portalReferral(), { ...school, ...key });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');
    expect(await api.eventCount()).toBe(before);
  });
});
