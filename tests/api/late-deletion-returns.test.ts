import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { address, uniqueFamilyName } from './fixtures.js';
import { bearer, type TestApi, testApi } from './support.js';

/** The day the returns arrive: Thursday 20 November 2025. */
const NOW = new Date('2025-11-20T10:00:00Z');

const deletionReturn = (school: { name: string; urn?: string }, deletedOn: string) => ({
  returnId: randomUUID(),
  school,
  pupil: { givenName: 'Ava', familyName: uniqueFamilyName(), dateOfBirth: '2013-04-12', sex: 'F', address },
  deletedOn,
  ground: 'a_registered_at_another_school',
  destinationSchool: { name: 'Itchen College' },
});

describe('late deletion returns, by school (reg 13(4), 2024 Regulations)', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  let school: Record<string, string>;
  const bitterne = { name: 'Bitterne Park School', urn: '116453' };
  const weston = { name: 'Weston Lane School' };
  const late = deletionReturn(bitterne, '2025-11-17');

  beforeAll(async () => {
    api = await testApi({ now: NOW });
    manager = bearer(await api.token('manager', 'mary'));
    school = bearer(await api.token('referrer', 'bitterne-park'));
    for (const body of [late, deletionReturn(bitterne, '2025-11-20'), deletionReturn(weston, '2025-11-20')]) {
      const sent = await api.app.inject({
        method: 'POST',
        url: '/v1/deletion-returns',
        payload: body,
        headers: school,
      });
      expect(sent.statusCode, sent.body).toBe(201);
    }
  });
  afterAll(() => api.close());

  const report = (query: string, headers = manager) =>
    api.app.inject({ method: 'GET', url: `/v1/reports/late-deletion-returns?${query}`, headers });

  it('records the day each return arrived and reports those that came after the deletion date', async () => {
    const response = await report('from=2025-11-01&to=2025-11-30');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().schools).toEqual([
      {
        school: bitterne,
        returns: 2,
        late: 1,
        arrivalNotRecorded: 0,
        lateReturns: [
          { returnId: late.returnId, deletedOn: '2025-11-17', receivedOn: '2025-11-20', daysLate: 3 },
        ],
      },
      { school: weston, returns: 1, late: 0, arrivalNotRecorded: 0, lateReturns: [] },
    ]);
  });

  it('counts only the returns whose deletion date is in the period', async () => {
    const response = await report('from=2025-11-18&to=2025-11-30');
    expect(
      response.json().schools.map((s: { returns: number; late: number }) => [s.returns, s.late]),
    ).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });

  it('is not for the schools that send the returns', async () => {
    expect((await report('from=2025-11-01&to=2025-11-30', school)).statusCode).toBe(403);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const response = await report('from=2025-11-30&to=2025-11-01');
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('querystring.to');
  });
});
