import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { address, eheReferral, uniqueFamilyName } from '../api/fixtures.js';
import { bearer, type TestApi, testApi } from '../api/support.js';

/** Issue 12, finding 6: a reused key or return id was answered as if it had been stored. */
describe('idempotency that tells the truth', () => {
  let api: TestApi;
  let school: Record<string, string>;
  let otherSchool: Record<string, string>;
  let manager: Record<string, string>;
  let officer: Record<string, string>;
  beforeAll(async () => {
    api = await testApi();
    school = bearer(await api.token('referrer', 'bitterne-park'));
    otherSchool = bearer(await api.token('referrer', 'itchen-college'));
    manager = bearer(await api.token('manager', 'mary'));
    officer = bearer(await api.token('officer', 'olive'));
  });
  afterAll(() => api.close());

  const post = (url: string, payload: object, headers: Record<string, string>) =>
    api.app.inject({ method: 'POST', url, payload, headers });
  /** A pupil moved to a named school: recorded only, no case. */
  const movedToSchool = (overrides: Record<string, unknown> = {}) => ({
    school: { name: 'Bitterne Park School', urn: '116453' },
    pupil: { givenName: 'Ava', familyName: uniqueFamilyName(), dateOfBirth: '2013-04-12', sex: 'F', address },
    deletedOn: '2025-11-17',
    ground: 'a_registered_at_another_school',
    destinationSchool: { name: 'Itchen College' },
    ...overrides,
  });
  const returnsStored = async (returnId: string) => {
    let count = 0;
    for await (const _ of api.store.readStream(`deletionreturn-${returnId}`)) count++;
    return count;
  };

  it('refuses a record-only deletion return that reuses a key for another pupil, and stores the first only', async () => {
    const key = { 'idempotency-key': `return-${randomUUID()}` };
    const first = await post('/v1/deletion-returns', movedToSchool(), { ...school, ...key });
    expect(first.statusCode).toBe(201);
    const again = await post('/v1/deletion-returns', movedToSchool(), { ...school, ...key });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('idempotency_key_reused');
    expect(await returnsStored(first.json().returnId)).toBe(1);
  });

  it('replays the same record-only return sent again with its key', async () => {
    const key = { 'idempotency-key': `return-${randomUUID()}` };
    const body = movedToSchool();
    const first = await post('/v1/deletion-returns', body, { ...school, ...key });
    const again = await post('/v1/deletion-returns', body, { ...school, ...key });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it("binds a return id to the school that sent it: another school's same id is refused, whatever the body", async () => {
    const returnId = randomUUID();
    const body = movedToSchool({ returnId });
    expect((await post('/v1/deletion-returns', body, school)).statusCode).toBe(201);
    const before = await api.eventCount();
    for (const payload of [
      body,
      movedToSchool({
        returnId,
        ground: 'g_no_longer_lives_within_reasonable_distance',
        destinationSchool: undefined,
      }),
    ]) {
      const other = await post('/v1/deletion-returns', payload, otherSchool);
      expect(other.statusCode).toBe(422);
      expect(other.json().code).toBe('idempotency_key_reused');
    }
    expect(await api.eventCount()).toBe(before);
  });

  it('answers one of two concurrent steps with one key and different bodies 200, the other 422, and stores one', async () => {
    const referral = eheReferral();
    await post('/v1/ehe-cases', referral, manager);
    await post(
      `/v1/cases/${referral.caseId}/allocation`,
      { officerId: 'olive', allocatedOn: '2025-11-18' },
      manager,
    );
    const key = { ...officer, 'idempotency-key': `contact-${randomUUID()}` };
    const contact = (method: string) => ({ attemptedOn: '2025-11-19', method, outcome: 'no_answer' });
    const answers = await Promise.all([
      post(`/v1/cases/${referral.caseId}/contacts`, contact('phone'), key),
      post(`/v1/cases/${referral.caseId}/contacts`, contact('letter'), key),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 422]);
    const types: string[] = [];
    for await (const event of api.store.readStream(`ehe-${referral.caseId}`)) types.push(event.type);
    expect(types.filter((type) => type === 'ContactAttempted')).toHaveLength(1);
  });

  it("refuses another officer's use of a key already used on the case, rather than replaying to them", async () => {
    const referral = eheReferral();
    await post('/v1/ehe-cases', referral, manager);
    const key = { 'idempotency-key': `allocate-${randomUUID()}` };
    const allocation = { officerId: 'olive', allocatedOn: '2025-11-18' };
    expect(
      (await post(`/v1/cases/${referral.caseId}/allocation`, allocation, { ...manager, ...key })).statusCode,
    ).toBe(200);
    const otherManager = bearer(await api.token('manager', 'martin'));
    const replay = await post(`/v1/cases/${referral.caseId}/allocation`, allocation, {
      ...otherManager,
      ...key,
    });
    expect(replay.statusCode).toBe(422);
  });

  it('flags a referral whose UPN matches an open case even when no date of birth is known', async () => {
    const upn = 'Q801200212345';
    const known = eheReferral({ child: { ...eheReferral().child, upn } });
    await post('/v1/ehe-cases', known, manager);
    const { dateOfBirth: _, ...noBirth } = { ...known.child, familyName: uniqueFamilyName() };
    const cme = await post(
      '/v1/cme-cases',
      {
        receivedOn: '2025-11-18',
        source: 'public',
        child: { ...noBirth, address: undefined },
        whatIsKnown: 'A neighbour reports the child is not at school.',
        primaryReason: { code: 'whereabouts_unknown' },
        missingSince: null,
      },
      manager,
    );
    expect(cme.statusCode).toBe(201);
    expect(cme.json().events.map((event: { type: string }) => event.type)).toContain(
      'PossibleDuplicateFlagged',
    );
  });
});
