import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BAD_CHECK_LETTER_UPN, child, eheReferral, VALID_UPN } from './fixtures.js';
import { bearer, type TestApi, testApi } from './support.js';

/** Each bad request of the issue: the answer, and a store left exactly as it was. */
describe('bad input', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  let before: number;
  beforeAll(async () => {
    api = await testApi();
    manager = bearer(await api.token('manager', 'mary'));
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    before = await api.eventCount();
  });
  afterEach(async ({ task }) => {
    if (!task.name.includes('stored verbatim')) expect(await api.eventCount()).toBe(before);
  });

  const postReferral = (payload: unknown, headers: Record<string, string> = {}) =>
    api.app.inject({
      method: 'POST',
      url: '/v1/ehe-cases',
      payload: payload as object,
      headers: { ...manager, ...headers },
    });

  it('malformed JSON is a 400 problem, not a stack trace', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/v1/ehe-cases',
      headers: { ...manager, 'content-type': 'application/json' },
      payload: '{"caseId": "x", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'malformed_json', status: 400 });
    expect(response.body).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
    expect(response.json().requestId).toBe(response.headers['x-request-id']);
  });

  it('a body that is not JSON is 415', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/v1/ehe-cases',
      headers: { ...manager, 'content-type': 'text/plain' },
      payload: 'caseId=1',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('unknown fields are rejected, naming them', async () => {
    const response = await postReferral({ ...eheReferral(), favouriteColour: 'blue' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'body.favouriteColour', message: 'is not a known field' }],
    });
  });

  it('unknown fields nested in the child are rejected too', async () => {
    const response = await postReferral(eheReferral({ child: { ...child, nickname: 'Millie' } }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.child.nickname');
  });

  it('a date in the wrong format is rejected, naming the field', async () => {
    const response = await postReferral(eheReferral({ receivedOn: '17/11/2025' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual({
      path: 'body.receivedOn',
      message: 'must be a real calendar date in the form YYYY-MM-DD',
    });
  });

  it('an impossible date (30 February) is rejected', async () => {
    const response = await postReferral(eheReferral({ child: { ...child, dateOfBirth: '2013-02-30' } }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.child.dateOfBirth');
  });

  it('a child not of compulsory school age is a clear 422, unless overridden with a reason', async () => {
    const toddler = { ...child, dateOfBirth: '2022-06-01' };
    const refused = await postReferral(eheReferral({ child: toddler }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'not_of_compulsory_school_age',
      errors: [{ path: 'body.child.dateOfBirth' }],
    });
    expect(await api.eventCount()).toBe(before);
    const overridden = await postReferral(
      eheReferral({
        child: toddler,
        schoolAgeOverride: { reason: 'Deferred entry agreed; parent wants advice now' },
      }),
    );
    expect(overridden.statusCode).toBe(201);
    const events = await api.app.inject({
      url: `/v1/cases/${overridden.json().caseId}/events`,
      headers: manager,
    });
    expect(events.json().events[0].metadata).toMatchObject({
      schoolAgeOverride: 'Deferred entry agreed; parent wants advice now',
    });
    before = await api.eventCount();
  });

  it('an oversized body is 413', async () => {
    const response = await postReferral(eheReferral({ sourceDetail: 'x'.repeat(300 * 1024) }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'body_too_large' });
  });

  it('a UPN with a bad check letter is rejected; a good one is accepted', async () => {
    const bad = await postReferral(eheReferral({ child: { ...child, upn: BAD_CHECK_LETTER_UPN } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toContainEqual({
      path: 'body.child.upn',
      message: 'has the wrong check letter',
    });
    expect(await api.eventCount()).toBe(before);
    const good = await postReferral(
      eheReferral({ child: { ...child, upn: VALID_UPN, familyName: 'Upn-Holder' } }),
    );
    expect(good.statusCode).toBe(201);
    before = await api.eventCount();
  });

  it('SQL- and script-looking text is stored verbatim and only ever returned as JSON', async () => {
    const hostile = "Robert'); DROP TABLE events;-- <script>alert(1)</script>";
    const created = await postReferral(eheReferral({ sourceDetail: hostile }));
    expect(created.statusCode).toBe(201);
    const events = await api.app.inject({
      url: `/v1/cases/${created.json().caseId}/events`,
      headers: manager,
    });
    expect(events.headers['content-type']).toContain('application/json');
    expect(events.headers['x-content-type-options']).toBe('nosniff');
    expect(events.json().events[0].data.sourceDetail).toBe(hostile);
    // The store still works: the "DROP TABLE" was data.
    expect(await api.eventCount()).toBeGreaterThan(before);
  });

  it('an unknown case id is 404, and a malformed one is 400', async () => {
    const unknown = await api.app.inject({
      method: 'POST',
      url: `/v1/cases/${randomUUID()}/closure`,
      headers: manager,
      payload: { closedOn: '2025-11-18', reason: 'other', reasonText: 'x' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'case_not_found' });
    const malformed = await api.app.inject({ url: '/v1/cases/not-a-uuid/events', headers: manager });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('params.caseId');
  });

  it('an unknown route is a 404 problem', async () => {
    const response = await api.app.inject({ url: '/v1/nothing-here', headers: manager });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('a malformed If-Match is 400', async () => {
    const created = await postReferral(eheReferral());
    before = await api.eventCount();
    const response = await api.app.inject({
      method: 'POST',
      url: `/v1/cases/${created.json().caseId}/allocation`,
      headers: { ...manager, 'if-match': 'yesterday' },
      payload: { officerId: 'olive', allocatedOn: '2025-11-18' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_if_match' });
  });
});
