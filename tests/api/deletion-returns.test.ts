import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { address, uniqueFamilyName } from './fixtures.js';
import { bearer, type TestApi, testApi } from './support.js';

const deletionReturn = (overrides: Record<string, unknown> = {}) => ({
  school: { name: 'Bitterne Park School', urn: '116453' },
  previousSchoolType: 'la_maintained',
  pupil: {
    givenName: 'Amelia',
    familyName: uniqueFamilyName(),
    dateOfBirth: '2013-04-12',
    sex: 'F',
    address,
  },
  parentsCarers: [
    { name: 'Jo Walker', relationship: 'mother', livesWithChild: true, phone: '023 8000 0000', address },
  ],
  deletedOn: '2025-11-17',
  ...overrides,
});

describe("a school's deletion return", () => {
  let api: TestApi;
  let school: Record<string, string>;
  let manager: Record<string, string>;
  beforeAll(async () => {
    api = await testApi();
    school = bearer(await api.token('referrer', 'bitterne-park'));
    manager = bearer(await api.token('manager', 'mary'));
  });
  afterAll(() => api.close());

  const send = (payload: object, headers: Record<string, string> = {}) =>
    api.app.inject({
      method: 'POST',
      url: '/v1/deletion-returns',
      payload,
      headers: { ...school, ...headers },
    });
  const firstEvent = async (caseId: string) =>
    (await api.app.inject({ url: `/v1/cases/${caseId}/events`, headers: manager })).json().events[0];

  it("opens an EHE case when the ground is the parent's written notice of home education", async () => {
    const response = await send(
      deletionReturn({ ground: 'f_parent_notice_education_otherwise', homeEducationFrom: '2025-11-10' }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ outcome: 'ehe_case_opened', case: { replayed: false } });
    expect(response.headers.location).toBe(`/v1/cases/${response.json().case.caseId}`);
    expect(await firstEvent(response.json().case.caseId)).toMatchObject({
      type: 'EheReferralReceived',
      data: {
        source: 'deletion_return',
        eheStartDate: '2025-11-10',
        deletionReturn: { ground: expect.stringMatching(/^reg 9\(1\)\(f\): /) },
      },
    });
  });

  it('opens a CME case when the destination is unknown', async () => {
    const response = await send(deletionReturn({ ground: 'g_no_longer_lives_within_reasonable_distance' }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ outcome: 'cme_case_opened', case: { replayed: false } });
    expect(await firstEvent(response.json().case.caseId)).toMatchObject({
      type: 'CmeReferralReceived',
      data: { source: 'deletion_return_no_destination', lastSchool: { urn: '116453' } },
    });
  });

  it('only records a pupil who moved to a named school', async () => {
    const before = await api.eventCount();
    const response = await send(
      deletionReturn({
        ground: 'a_registered_at_another_school',
        destinationSchool: { name: 'Cantell School' },
        destinationStartDate: '2025-11-24',
      }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ outcome: 'recorded' });
    expect(response.json().case).toBeUndefined();
    expect(response.headers.location).toBe(`/v1/deletion-returns/${response.json().returnId}`);
    expect(await api.eventCount()).toBe(before + 1);
  });

  it('is recorded once when the portal retries with the same Idempotency-Key', async () => {
    const body = deletionReturn({ ground: 'f_parent_notice_education_otherwise' });
    const headers = { 'idempotency-key': randomUUID() };
    const first = await send(body, headers);
    const count = await api.eventCount();
    const again = await send(body, headers);
    expect(again.statusCode).toBe(201);
    expect(again.json().case.caseId).toBe(first.json().case.caseId);
    expect(await api.eventCount()).toBe(count);
  });

  it('needs an emergency phone number for each parent', async () => {
    const before = await api.eventCount();
    const response = await send(
      deletionReturn({
        ground: 'g_no_longer_lives_within_reasonable_distance',
        parentsCarers: [{ name: 'Jo Walker', relationship: 'mother', livesWithChild: true }],
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.parentsCarers.0.phone');
    expect(await api.eventCount()).toBe(before);
  });
});
