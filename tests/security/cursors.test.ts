import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eheReferral } from '../api/fixtures.js';
import { bearer, type TestApi, testApi } from '../api/support.js';

describe('a cursor the server cannot read is refused, never read as "start again"', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  let auditor: Record<string, string>;
  let caseId: string;
  beforeAll(async () => {
    api = await testApi();
    manager = bearer(await api.token('manager'));
    auditor = bearer(await api.token('auditor'));
    for (let index = 0; index < 3; index++) {
      const referral = eheReferral();
      caseId = referral.caseId;
      const created = await api.app.inject({
        method: 'POST',
        url: '/v1/ehe-cases',
        payload: referral,
        headers: manager,
      });
      expect(created.statusCode, created.body).toBe(201);
    }
  });
  afterAll(() => api.close());

  const forged = Buffer.from('2025-11-17|not-a-case').toString('base64url');
  it.each([
    ['/v1/cases?cursor=garbage', 'querystring.cursor'],
    [`/v1/cases?cursor=${forged}`, 'querystring.cursor'],
    ['/v1/caseloads/olive?cursor=page-two', 'querystring.cursor'],
    ['/v1/access-log?after=garbage', 'querystring.after'],
  ])('%s answers 400 invalid_cursor naming %s', async (url, path) => {
    const response = await api.app.inject({ url, headers: url.includes('access-log') ? auditor : manager });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_cursor', errors: [{ path }] });
  });

  it("refuses an unreadable `after` on a case's events", async () => {
    const response = await api.app.inject({
      url: `/v1/cases/${caseId}/events?after=garbage`,
      headers: auditor,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'invalid_cursor',
      errors: [{ path: 'querystring.after' }],
    });
  });

  it('still follows the cursor the previous page gave', async () => {
    const first = await api.app.inject({ url: '/v1/cases?limit=2', headers: manager });
    const { nextCursor, items } = first.json();
    const second = await api.app.inject({ url: `/v1/cases?limit=2&cursor=${nextCursor}`, headers: manager });
    expect(second.statusCode).toBe(200);
    expect(second.json().items).toHaveLength(1);
    expect(items.map((item: { caseId: string }) => item.caseId)).not.toContain(second.json().items[0].caseId);
  });
});
