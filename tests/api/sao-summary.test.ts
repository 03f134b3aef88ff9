import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eheReferral } from './fixtures.js';
import { bearer, type TestApi, testApi } from './support.js';

/** Issue 14 item 9: GET /v1/cases/{id} shows each School Attendance Order document as it was served. */
describe('the case summary over HTTP shows the SAO documents served', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  const referral = eheReferral({
    parentsCarers: [{ name: 'Jane O’Brien', relationship: 'mother', livesWithChild: true }],
  });
  beforeAll(async () => {
    api = await testApi({ now: new Date('2025-12-29T10:00:00Z') });
    manager = bearer(await api.token('manager', 'mary'));
    const post = async (path: string, payload: object) => {
      const url = path === '' ? '/v1/ehe-cases' : `/v1/cases/${referral.caseId}/${path}`;
      const response = await api.app.inject({ method: 'POST', url, payload, headers: manager });
      expect(response.statusCode, `${path}: ${response.body}`).toBeLessThan(300);
    };
    await post('', referral);
    await post('allocation', { officerId: 'olive', allocatedOn: '2025-11-18' });
    await post('assessments', {
      judgedOn: '2025-12-01',
      outcome: 'appears_unsuitable',
      rationale: 'no information given',
    });
    await post('sao/section-437-notices', {
      noticeId: 'notice-437-1',
      issuedOn: '2025-12-24',
      parentId: 'parent-1',
      service: { method: 'post', postedOn: '2025-12-24', postClass: 'first' },
    });
  });
  afterAll(() => api.close());

  it('IA 1978 s.7 "in the ordinary course of post": first class posted Christmas Eve 2025 is served Tue 30 December (25, 26 December bank holidays); s.437(2) "not less than 15 days beginning with the day on which the notice is served": the printed period ends 13 January 2026', async () => {
    const response = await api.app.inject({ url: `/v1/cases/${referral.caseId}`, headers: manager });
    expect(response.statusCode).toBe(200);
    expect(response.json().sao).toEqual({
      stage: 'notice_served',
      regime: 'EA1996',
      section437Notice: { servedOn: '2025-12-30', periodEndsOn: '2026-01-13' },
      documents: [
        {
          document: 'section437Notice',
          documentId: 'notice-437-1',
          parentId: 'parent-1',
          issuedOn: '2025-12-24',
          method: 'post',
          postedOn: '2025-12-24',
          postClass: 'first',
          servedOn: '2025-12-30',
          servedOnBasis: 'deemed_delivery_by_post',
          periodEndsOn: '2026-01-13',
          legalBasis: 'EA1996_s437_1',
        },
      ],
    });
  });
});
