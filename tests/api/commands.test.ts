import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmeReferral, eheReferral } from './fixtures.js';
import { bearer, type TestApi, testApi } from './support.js';

describe('commands over HTTP', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  let officer: Record<string, string>;
  beforeAll(async () => {
    api = await testApi();
    manager = bearer(await api.token('manager', 'mary'));
    officer = bearer(await api.token('officer', 'olive'));
  });
  afterAll(() => api.close());

  const post = (url: string, payload: unknown, headers: Record<string, string> = manager) =>
    api.app.inject({ method: 'POST', url, payload: payload as object, headers });

  const openEhe = async () => {
    const response = await post('/v1/ehe-cases', eheReferral());
    expect(response.statusCode).toBe(201);
    return response.json().caseId as string;
  };

  it('opens an EHE case: 201 with Location, ETag and the events that started its clocks', async () => {
    const referral = eheReferral();
    const response = await post('/v1/ehe-cases', referral);
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe(`/v1/cases/${referral.caseId}`);
    expect(response.headers.etag).toBe('W/"0"');
    expect(response.json()).toMatchObject({
      caseId: referral.caseId,
      caseType: 'ehe',
      revision: '0',
      events: [{ type: 'EheReferralReceived' }],
    });
  });

  it('chooses the case id from the Idempotency-Key when the client gives none, so a retry finds the same case', async () => {
    const { caseId: _, ...referral } = eheReferral();
    const headers = { ...manager, 'idempotency-key': `referral-${randomUUID()}` };
    const first = await post('/v1/ehe-cases', referral, headers);
    const count = await api.eventCount();
    const again = await post('/v1/ehe-cases', referral, headers);
    expect(again.statusCode).toBe(201);
    expect(again.json().caseId).toBe(first.json().caseId);
    expect(again.json().replayed).toBe(true);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await api.eventCount()).toBe(count);
  });

  it('runs a command: the new revision in the ETag and the body', async () => {
    const caseId = await openEhe();
    const response = await post(`/v1/cases/${caseId}/allocation`, {
      officerId: 'olive',
      allocatedOn: '2025-11-18',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('W/"1"');
    expect(response.json()).toMatchObject({ revision: '1', events: [{ type: 'CaseAllocated' }] });
  });

  it('answers 412 to a stale If-Match and writes nothing', async () => {
    const caseId = await openEhe();
    await post(
      `/v1/cases/${caseId}/allocation`,
      { officerId: 'olive', allocatedOn: '2025-11-18' },
      { ...manager, 'if-match': 'W/"0"' },
    );
    const before = await api.eventCount();
    const stale = await post(
      `/v1/cases/${caseId}/contacts`,
      { attemptedOn: '2025-11-19', method: 'phone', outcome: 'contact_made' },
      { ...officer, 'if-match': 'W/"0"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'stale_revision' });
    expect(await api.eventCount()).toBe(before);
    const current = await post(
      `/v1/cases/${caseId}/contacts`,
      { attemptedOn: '2025-11-19', method: 'phone', outcome: 'contact_made' },
      { ...officer, 'if-match': 'W/"1"' },
    );
    expect(current.statusCode).toBe(200);
    expect(current.json().events.map((e: { type: string }) => e.type)).toContain('FirstContactMade');
  });

  it('returns the first response to a repeated Idempotency-Key and appends nothing', async () => {
    const caseId = await openEhe();
    const headers = { ...manager, 'idempotency-key': 'allocate-once' };
    const body = { officerId: 'olive', allocatedOn: '2025-11-18' };
    const first = await post(`/v1/cases/${caseId}/allocation`, body, headers);
    const count = await api.eventCount();
    const again = await post(`/v1/cases/${caseId}/allocation`, body, headers);
    expect(again.statusCode).toBe(200);
    expect(again.json().events).toEqual(first.json().events);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(await api.eventCount()).toBe(count);
  });

  it('names the wrong field on a step either case type takes (the body matches neither)', async () => {
    const caseId = await openEhe();
    const before = await api.eventCount();
    const refused = await post(`/v1/cases/${caseId}/allocation`, {
      officerId: 'olive',
      allocatedOn: '2025-02-30',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      { path: 'body.allocatedOn', message: 'must be a real calendar date in the form YYYY-MM-DD' },
    ]);
    expect(await api.eventCount()).toBe(before);
  });

  it('a repeated Idempotency-Key keeps the first ETag after the case has moved on', async () => {
    const caseId = await openEhe();
    const headers = { ...manager, 'idempotency-key': `allocate-${caseId}` };
    const body = { officerId: 'olive', allocatedOn: '2025-11-18' };
    const first = await post(`/v1/cases/${caseId}/allocation`, body, headers);
    const contact = { attemptedOn: '2025-11-19', method: 'phone', outcome: 'no_reply' };
    expect((await post(`/v1/cases/${caseId}/contacts`, contact, manager)).statusCode).toBe(200);
    const again = await post(`/v1/cases/${caseId}/allocation`, body, headers);
    expect(again.json()).toMatchObject({ replayed: true, revision: first.json().revision });
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it("answers 409 with the domain error's code when the case's state forbids the command", async () => {
    const caseId = await openEhe();
    await post(`/v1/cases/${caseId}/allocation`, { officerId: 'olive', allocatedOn: '2025-11-18' });
    const before = await api.eventCount();
    const again = await post(`/v1/cases/${caseId}/allocation`, {
      officerId: 'oscar',
      allocatedOn: '2025-11-18',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_allocated', status: 409 });
    expect(await api.eventCount()).toBe(before);
  });

  it('answers 422 naming the field when a value is wrong for the domain (a date after today)', async () => {
    const caseId = await openEhe();
    const before = await api.eventCount();
    const response = await post(`/v1/cases/${caseId}/allocation`, {
      officerId: 'olive',
      allocatedOn: '2025-12-25',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'date_in_future', errors: [{ path: 'body.allocatedOn' }] });
    expect(await api.eventCount()).toBe(before);
  });

  it('answers 403 when the role may not issue this command (an officer serving an SAO)', async () => {
    const caseId = await openEhe();
    const response = await post(
      `/v1/cases/${caseId}/sao/orders`,
      {
        orderId: 'order-1',
        issuedOn: '2025-11-18',
        parentId: 'parent-1',
        service: { method: 'post', postedOn: '2025-11-18', postClass: 'first' },
        school: { name: 'Bitterne Park' },
      },
      officer,
    );
    expect(response.statusCode).toBe(403);
  });

  it('answers 404 for an unknown case and 409 wrong_case_type for a command of the other case type', async () => {
    const before = await api.eventCount();
    const unknown = await post(`/v1/cases/${randomUUID()}/allocation`, {
      officerId: 'olive',
      allocatedOn: '2025-11-18',
    });
    expect(unknown.statusCode).toBe(404);
    const cme = await post('/v1/cme-cases', cmeReferral());
    expect(cme.statusCode).toBe(201);
    const afterReferral = await api.eventCount();
    const visit = await post(`/v1/cases/${cme.json().caseId}/visits`, {
      visitId: 'v1',
      offeredOn: '2025-11-18',
      proposedFor: '2025-11-25',
      location: 'home',
    });
    expect(visit.statusCode).toBe(409);
    expect(visit.json()).toMatchObject({ code: 'wrong_case_type' });
    // The referral and the reservation of its id (caseid-<id>).
    expect(afterReferral).toBe(before + 2);
    expect(await api.eventCount()).toBe(afterReferral);
  });

  it('checks a body shared by both case types against the case’s own schema', async () => {
    const cme = (await post('/v1/cme-cases', cmeReferral())).json().caseId as string;
    // `reason` is an EHE allocation field; a CME allocation has none.
    const response = await post(`/v1/cases/${cme}/allocation`, {
      officerId: 'olive',
      allocatedOn: '2025-11-18',
      reason: 'x',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toContain('body');
    const ok = await post(`/v1/cases/${cme}/allocation`, { officerId: 'olive', allocatedOn: '2025-11-18' });
    expect(ok.statusCode).toBe(200);
  });

  it('reclassifying an EHE case as CME opens the CME case', async () => {
    const caseId = await openEhe();
    const cmeCaseId = randomUUID();
    const response = await post(`/v1/cases/${caseId}/reclassification`, {
      reclassifiedOn: '2025-11-19',
      cmeCaseId,
      reason: 'The family has left the address and no education is taking place.',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      linkedCase: { caseId: cmeCaseId, caseType: 'cme', revision: '0' },
    });
    const events = await api.app.inject({ url: `/v1/cases/${cmeCaseId}/events`, headers: manager });
    expect(events.json().events[0]).toMatchObject({
      type: 'CmeReferralReceived',
      data: { source: 'ehe_judged_unsuitable', eheCaseId: caseId },
    });
  });

  it('a CME child found home educated opens the EHE case', async () => {
    const cme = (await post('/v1/cme-cases', cmeReferral())).json().caseId as string;
    await post(`/v1/cases/${cme}/allocation`, { officerId: 'olive', allocatedOn: '2025-11-17' });
    const located = await post(`/v1/cases/${cme}/location`, {
      establishedOn: '2025-11-18',
      whereabouts: {
        kind: 'in_area',
        address: { lines: ['2 Park Road'], town: 'Southampton', postcode: 'SO15 2AB' },
      },
    });
    expect(located.statusCode).toBe(200);
    const eheCaseId = randomUUID();
    const response = await post(`/v1/cases/${cme}/became-ehe`, { eheCaseId, establishedOn: '2025-11-19' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ linkedCase: { caseId: eheCaseId, caseType: 'ehe' } });
  });
});

describe('duplicate referrals', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  beforeAll(async () => {
    api = await testApi();
    manager = bearer(await api.token('manager', 'mary'));
  });
  afterAll(() => api.close());

  it('accepts a referral for a child with an open case and flags it for triage, unless the client says it is deliberate', async () => {
    const first = eheReferral();
    await api.app.inject({ method: 'POST', url: '/v1/ehe-cases', payload: first, headers: manager });
    // The same child, written differently: names compare normalised.
    const sameChild = { ...first.child, familyName: first.child.familyName.toUpperCase() };
    const again = await api.app.inject({
      method: 'POST',
      url: '/v1/ehe-cases',
      payload: eheReferral({ child: sameChild }),
      headers: manager,
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().events.map((e: { type: string }) => e.type)).toEqual([
      'EheReferralReceived',
      'PossibleDuplicateFlagged',
    ]);
    const dashboard = await api.app.inject({ method: 'GET', url: '/v1/dashboard', headers: manager });
    expect(
      dashboard.json().possibleDuplicates.items.map((item: { caseId: string }) => item.caseId),
    ).toContain(again.json().caseId);
    const summary = await api.app.inject({
      method: 'GET',
      url: `/v1/cases/${again.json().caseId}`,
      headers: manager,
    });
    expect(summary.json().possibleDuplicateOf).toEqual([first.caseId]);
    const deliberate = await api.app.inject({
      method: 'POST',
      url: '/v1/ehe-cases',
      payload: eheReferral({
        child: sameChild,
        deliberateNewCase: { reason: 'A twin, registered separately' },
      }),
      headers: manager,
    });
    expect(deliberate.statusCode).toBe(201);
    expect(deliberate.json().events.map((e: { type: string }) => e.type)).toEqual(['EheReferralReceived']);
  });
});

describe('closing and reopening', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  beforeAll(async () => {
    api = await testApi();
    manager = bearer(await api.token('manager', 'mary'));
  });
  afterAll(() => api.close());

  it('a closed case accepts only reopening; a CME case closes only with a destination', async () => {
    const post = (url: string, payload: object) =>
      api.app.inject({ method: 'POST', url, payload, headers: manager });
    const cme = cmeReferral();
    await post('/v1/cme-cases', cme);
    const untraced = await post(`/v1/cases/${cme.caseId}/closure`, {
      closedOn: '2025-11-18',
      destination: 'on_roll',
    });
    expect(untraced.statusCode).toBe(409);
    const ehe = eheReferral();
    await post('/v1/ehe-cases', ehe);
    const closed = await post(`/v1/cases/${ehe.caseId}/closure`, {
      closedOn: '2025-11-18',
      reason: 'moved_out_of_area',
      receivingCouncil: 'Portsmouth City Council',
    });
    expect(closed.statusCode).toBe(200);
    const afterClosure = await post(`/v1/cases/${ehe.caseId}/allocation`, {
      officerId: 'olive',
      allocatedOn: '2025-11-19',
    });
    expect(afterClosure.statusCode).toBe(409);
    expect(afterClosure.json()).toMatchObject({ code: 'case_closed' });
    const reopened = await post(`/v1/cases/${ehe.caseId}/reopening`, {
      reopenedOn: '2025-11-19',
      reason: 'The family came back to Southampton.',
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ events: [{ type: 'EheCaseReopened' }] });
    const summary = await api.app.inject({
      method: 'GET',
      url: `/v1/cases/${ehe.caseId}`,
      headers: bearer(await api.token('manager', 'mary')),
    });
    expect(summary.json()).toMatchObject({ open: true });
  });
});

describe('an Idempotency-Key reused for a different request', () => {
  it('is refused with 422 and appends nothing', async () => {
    const api = await testApi();
    const headers = { ...bearer(await api.token('manager', 'mary')), 'idempotency-key': 'key-1' };
    const referral = eheReferral();
    await api.app.inject({ method: 'POST', url: '/v1/ehe-cases', payload: referral, headers });
    const url = `/v1/cases/${referral.caseId}/allocation`;
    await api.app.inject({
      method: 'POST',
      url,
      payload: { officerId: 'olive', allocatedOn: '2025-11-18' },
      headers: { ...headers, 'idempotency-key': 'key-2' },
    });
    const before = await api.eventCount();
    const other = await api.app.inject({
      method: 'POST',
      url,
      payload: { officerId: 'oscar', allocatedOn: '2025-11-18' },
      headers: { ...headers, 'idempotency-key': 'key-2' },
    });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'idempotency_key_reused' });
    expect(await api.eventCount()).toBe(before);
    await api.close();
  });
});
