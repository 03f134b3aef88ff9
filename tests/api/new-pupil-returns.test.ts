import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPupilReturnExamples, newPupilReturnResultExample } from '../../src/api/examples/referrals.js';
import { address, cmeReferral, eheReferral, uniqueFamilyName } from './fixtures.js';
import { bearer, type TestApi, testApi } from './support.js';

/** Tuesday 2 December 2025. */
const NOW = new Date('2025-12-02T10:00:00Z');
const school = { name: 'Weston Lane School', urn: '116412' };

const newPupilReturn = (pupil: Record<string, unknown>, enteredOn = '2025-12-01') => ({
  returnId: randomUUID(),
  school,
  pupil: { sex: 'M', address, ...pupil },
  enteredOn,
});

describe("a school's new pupil return (reg 13(1), 2024 Regulations)", () => {
  let api: TestApi;
  let manager: Record<string, string>;
  let portal: Record<string, string>;
  beforeAll(async () => {
    api = await testApi({ now: NOW });
    manager = bearer(await api.token('manager', 'mary'));
    portal = bearer(await api.token('referrer', 'weston-lane'));
  });
  afterAll(() => api.close());

  const post = (url: string, payload: object, headers: Record<string, string>) =>
    api.app.inject({ method: 'POST', url, payload, headers });
  const opened = async (body: { caseId: string }, url = '/v1/cme-cases') => {
    const response = await post(url, body, manager);
    expect(response.statusCode, response.body).toBe(201);
    return body.caseId;
  };
  const stateOf = async (caseId: string) =>
    (await api.app.inject({ url: `/v1/cases/${caseId}/state`, headers: manager })).json().state;
  const eventsOf = async (caseId: string) =>
    (await api.app.inject({ url: `/v1/cases/${caseId}/events`, headers: manager }))
      .json()
      .events.map((event: { type: string }) => event.type);

  it('finds a traced child on roll by UPN and proposes closing the case, telling the school nothing', async () => {
    const child = {
      givenName: 'Noah',
      familyName: uniqueFamilyName(),
      dateOfBirth: '2014-05-01',
      sex: 'M',
      upn: 'Q801200212345',
    };
    const caseId = await opened(cmeReferral({ child }));
    const sent = await post(
      '/v1/new-pupil-returns',
      newPupilReturn({ ...child, familyName: 'Someone-Else', upn: 'Q801200212345' }),
      portal,
    );
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toEqual({
      returnId: expect.any(String),
      receivedOn: '2025-12-02',
      dueBy: '2025-12-06',
      late: false,
    });
    expect(await eventsOf(caseId)).toEqual(['CmeReferralReceived', 'CmeFoundOnRollByNewPupilReturn']);
    expect(await stateOf(caseId)).toMatchObject({
      whereabouts: { kind: 'on_roll', school, onRollFrom: '2025-12-01' },
      closureProposal: { destination: 'on_roll', proposedOn: '2025-12-02' },
    });
  });

  it('matches on the normalised names and date of birth, and tells staff which cases it matched', async () => {
    const familyName = uniqueFamilyName();
    const caseId = await opened(
      cmeReferral({ child: { givenName: 'Zoë', familyName, dateOfBirth: '2014-05-01', sex: 'M' } }),
    );
    const sent = await post(
      '/v1/new-pupil-returns',
      newPupilReturn({ givenName: 'ZOE', familyName: familyName.toUpperCase(), dateOfBirth: '2014-05-01' }),
      manager,
    );
    expect(sent.json().matchedCmeCaseIds).toEqual([caseId]);
  });

  it('leaves EHE cases alone: only open CME cases are matched', async () => {
    const child = {
      givenName: 'Ivy',
      familyName: uniqueFamilyName(),
      dateOfBirth: '2013-01-10',
      sex: 'F',
      address,
    };
    await opened(eheReferral({ child }), '/v1/ehe-cases');
    const sent = await post('/v1/new-pupil-returns', newPupilReturn(child), manager);
    expect(sent.json().matchedCmeCaseIds).toEqual([]);
  });

  it('accepts the documented example', async () => {
    const sent = await post('/v1/new-pupil-returns', newPupilReturnExamples.newPupil.value, portal);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ dueBy: newPupilReturnResultExample.dueBy, late: false });
  });

  it('is late when it arrives after the fifth day after entry', async () => {
    const sent = await post(
      '/v1/new-pupil-returns',
      newPupilReturn(
        { givenName: 'Ada', familyName: uniqueFamilyName(), dateOfBirth: '2015-02-02' },
        '2025-11-26',
      ),
      portal,
    );
    expect(sent.json()).toMatchObject({ dueBy: '2025-12-01', late: true });
  });

  it('is recorded once when the portal sends it again', async () => {
    const body = newPupilReturn({
      givenName: 'Eli',
      familyName: uniqueFamilyName(),
      dateOfBirth: '2015-02-02',
    });
    const first = await post('/v1/new-pupil-returns', body, portal);
    const again = await post('/v1/new-pupil-returns', body, portal);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const changed = await post('/v1/new-pupil-returns', { ...body, enteredOn: '2025-11-30' }, portal);
    expect(changed.statusCode).toBe(422);
  });
});
