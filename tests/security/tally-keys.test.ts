import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eheReferral } from '../api/fixtures.js';
import { bearer, type TestApi, testApi } from '../api/support.js';

/** An own key's value: `counts.constructor` would read Object's own property if the key were missing. */
const own = (counts: object, key: string) => Object.getOwnPropertyDescriptor(counts, key)?.value;

describe('report tallies count any text a case records, even the names of Object’s own properties', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  beforeAll(async () => {
    api = await testApi();
    manager = bearer(await api.token('manager'));
    const offRolledBy = (school: string, mosaicGroup: string) =>
      eheReferral({
        source: 'deletion_return',
        deletionReturn: { school: { name: school }, deletedOn: '2025-11-14', ground: 'home education' },
        primaryReason: { code: 'school_suggestion' },
        mosaicGroup,
      });
    for (const referral of [
      offRolledBy('constructor', '__proto__'),
      offRolledBy('__proto__', 'constructor'),
      offRolledBy('constructor', 'toString'),
    ]) {
      const response = await api.app.inject({
        method: 'POST',
        url: '/v1/ehe-cases',
        payload: referral,
        headers: manager,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
  });
  afterAll(() => api.close());

  const committee = () =>
    api.app.inject({ url: '/v1/reports/committee?from=2025-09-01&to=2025-11-20', headers: manager });

  it('counts a Mosaic group or a school named constructor, __proto__ or toString, in JSON', async () => {
    const response = await committee();
    expect(response.statusCode).toBe(200);
    const { byMosaicGroup, schoolSuggestionBySchool } = response.json().ehe;
    expect(['__proto__', 'constructor', 'toString'].map((key) => own(byMosaicGroup, key))).toEqual([1, 1, 1]);
    expect([
      own(schoolSuggestionBySchool, 'constructor'),
      own(schoolSuggestionBySchool, '__proto__'),
    ]).toEqual([2, 1]);
  });

  it('counts them in CSV too', async () => {
    const response = await api.app.inject({
      url: '/v1/reports/committee?from=2025-09-01&to=2025-11-20',
      headers: { ...manager, accept: 'text/csv' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('ehe.byMosaicGroup.__proto__,1\r\n');
    expect(response.body).toContain('ehe.byMosaicGroup.constructor,1\r\n');
    expect(response.body).toContain('ehe.schoolSuggestionBySchool.constructor,2\r\n');
  });
});
