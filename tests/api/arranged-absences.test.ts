import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangedAbsenceExample } from '../../src/api/examples/arranged-absences.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { eheReferral } from './fixtures.js';
import { bearer, type TestApi, testApi } from './support.js';

/** Issue 18 item 1: a school's arranged-absence pupil (EA 1996 s.436B(5)(b)-(c)) through its own route. */

const now = new Date('2026-03-02T10:00:00Z');
const report = (changes: Record<string, unknown> = {}) => ({
  ...arrangedAbsenceExample,
  ...changes,
});
const ids = (page: { items: { caseId: string }[] }) => page.items.map((item) => item.caseId);
/** The example report, sent to `api` with `headers`. */
const sendReport = (api: TestApi, headers: Record<string, string>) =>
  api.app.inject({ method: 'POST', url: '/v1/arranged-absences', payload: report(), headers });

describe('POST /v1/arranged-absences', () => {
  let api: TestApi;
  let school: Record<string, string>;
  let manager: Record<string, string>;
  beforeAll(async () => {
    api = await testApi({ now });
    school = bearer(await api.token('referrer', 'school-weston-lane'));
    manager = bearer(await api.token('manager', 'mary'));
  });
  afterAll(() => api.close());

  const post = (url: string, payload: object, headers = school) =>
    api.app.inject({ method: 'POST', url, payload, headers });
  const read = async (url: string) => {
    const response = await api.app.inject({ url, headers: manager });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it("answers a school with a receipt only, and puts the pupil on the register under C(b) from the arrangement's start", async () => {
    const response = await post('/v1/arranged-absences', report());
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json();
    expect(Object.keys(receipt).sort()).toEqual(['caseId', 'receivedAt', 'replayed']);
    const { from } = arrangedAbsenceExample.arrangement;
    const during = (await read(`/v1/register?on=${from}`)).items;
    expect(during).toEqual([
      expect.objectContaining({
        caseId: receipt.caseId,
        caseType: 'cnis',
        standing: 'entry',
        familyName: 'Marsh',
        grounds: ['A', 'B', 'C(b)'],
        onRegisterSince: from,
        basis: 'voluntary',
      }),
    ]);
    expect(ids(await read('/v1/register?on=2025-11-02'))).toEqual([]);
  });

  it('leaves the register with a reason when the school ends the arrangement', async () => {
    const opened = (await post('/v1/arranged-absences', report({ receivedOn: '2025-11-11' }))).json();
    const end = await post(`/v1/arranged-absences/${opened.caseId}/ends`, {
      lastDay: '2026-02-13',
      reason: 'returned_full_time',
    });
    expect(end.statusCode, end.body).toBe(200);
    expect(ids(await read('/v1/register?on=2026-02-13'))).toContain(opened.caseId);
    expect(ids(await read('/v1/register?on=2026-02-14'))).not.toContain(opened.caseId);
    const leavers = (await read('/v1/register/leavers?from=2026-02-01&to=2026-02-28')).items;
    expect(leavers).toContainEqual(
      expect.objectContaining({ caseId: opened.caseId, lastDay: '2026-02-13', reason: 'on_roll' }),
    );
  });

  it("leaves when the arrangement's agreed last day passes, and a part-time student is under C(c)", async () => {
    const arrangement = {
      ...arrangedAbsenceExample.arrangement,
      kind: 'part_time_student' as const,
      until: '2026-01-30',
    };
    const opened = (await post('/v1/arranged-absences', report({ arrangement }))).json();
    const entry = (await read('/v1/register?on=2026-01-30&condition=C(c)')).items;
    expect(ids({ items: entry })).toEqual([opened.caseId]);
    const leavers = (await read('/v1/register/leavers?from=2026-01-01&to=2026-01-31')).items;
    expect(leavers).toEqual([
      expect.objectContaining({ caseId: opened.caseId, lastDay: '2026-01-30', reason: 'arrangement_ended' }),
    ]);
  });

  it('moves the pupil from C(b) to C(c) from the day the change applies', async () => {
    const opened = (await post('/v1/arranged-absences', report())).json();
    const changed = await post(`/v1/arranged-absences/${opened.caseId}/changes`, {
      arrangement: { kind: 'part_time_student', absentFor: 'some', from: '2026-01-05' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const grounds = async (on: string) =>
      (await read(`/v1/register?on=${on}`)).items.find(
        (item: { caseId: string }) => item.caseId === opened.caseId,
      )?.grounds;
    expect(await grounds('2026-01-04')).toEqual(['A', 'B', 'C(b)']);
    expect(await grounds('2026-01-05')).toEqual(['A', 'B', 'C(c)']);
  });

  it("lets no other school change or end a school's report, and tells it nothing", async () => {
    const opened = (await post('/v1/arranged-absences', report())).json();
    const other = bearer(await api.token('referrer', 'school-itchen-vale'));
    const before = await api.eventCount();
    const end = { lastDay: '2026-02-13', reason: 'left_school' };
    const refused = await post(`/v1/arranged-absences/${opened.caseId}/ends`, end, other);
    expect(refused.statusCode).toBe(404);
    const unknown = await post(`/v1/arranged-absences/${crypto.randomUUID()}/ends`, end, other);
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, refused.json().code]);
    expect(await api.eventCount()).toBe(before);
    const staff = await post(`/v1/arranged-absences/${opened.caseId}/ends`, end, manager);
    expect(staff.statusCode, staff.body).toBe(200);
    expect(staff.json()).toMatchObject({ caseType: 'cnis', events: [{ type: 'ArrangedAbsenceEnded' }] });
  });

  it("is read through the case's state and events, not as a case summary of the service's caseload", async () => {
    const opened = (await post('/v1/arranged-absences', report())).json();
    const state = await read(`/v1/cases/${opened.caseId}/state`);
    expect(state).toMatchObject({ caseType: 'cnis', state: { status: 'open', arrangedSince: '2025-11-03' } });
    const events = await read(`/v1/cases/${opened.caseId}/events`);
    expect(events.events.map((event: { type: string }) => event.type)).toEqual(['ArrangedAbsenceRecorded']);
    const summary = await api.app.inject({ url: `/v1/cases/${opened.caseId}`, headers: manager });
    expect(summary.statusCode).toBe(404);
  });

  it("is one record of the register's record-level export, with the identifiers the school gave", async () => {
    const pupil = {
      ...arrangedAbsenceExample.pupil,
      givenName: 'Zara',
      upn: 'A123456789012',
      senStatus: 'K',
    };
    const opened = (await post('/v1/arranged-absences', report({ pupil }))).json();
    const children = (await read('/v1/register/export?on=2026-01-15&purpose=council_planning')).children;
    expect(children).toContainEqual(
      expect.objectContaining({
        LAchildID: opened.caseId,
        UPN: 'A123456789012',
        Sex: 'M',
        senProvision: 'K',
        eligibility: expect.objectContaining({ conditions: ['A', 'B', 'C(b)'], standing: 'entry' }),
      }),
    );
  });

  it('refuses an EHE case id on the arranged-absence routes', async () => {
    const ehe = eheReferral();
    expect((await post('/v1/ehe-cases', ehe, manager)).statusCode).toBe(201);
    const end = { lastDay: '2026-02-13', reason: 'left_school' };
    expect((await post(`/v1/arranged-absences/${ehe.caseId}/ends`, end, manager)).statusCode).toBe(404);
  });
});

describe('an arranged-absence pupil is counted in no EHE or CME figure', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  beforeAll(async () => {
    api = await testApi({ now });
    manager = bearer(await api.token('manager', 'mary'));
    await api.app.inject({ method: 'POST', url: '/v1/ehe-cases', payload: eheReferral(), headers: manager });
  });
  afterAll(() => api.close());

  const figures = async () => {
    const read = async (url: string) => {
      const response = await api.app.inject({ url, headers: manager });
      expect(response.statusCode, response.body).toBe(200);
      const { position: _position, ...body } = response.json();
      return body;
    };
    return {
      dfeReturn: await read('/v1/reports/dfe-return?censusDate=2026-01-15'),
      dashboard: await read('/v1/dashboard'),
      eheCases: await read('/v1/cases?caseType=ehe'),
      cmeCases: await read('/v1/cases?caseType=cme'),
      allCases: await read('/v1/cases'),
      deadlines: await read('/v1/deadlines'),
    };
  };

  it('leaves the DfE return, the dashboard, the case lists and the deadlines as they were', async () => {
    const before = await figures();
    const school = bearer(await api.token('referrer', 'school-weston-lane'));
    const response = await sendReport(api, school);
    expect(response.statusCode, response.body).toBe(201);
    // The pupil is on the register on the census date: were it an EHE or CME case, the return would count it.
    const register = await api.app.inject({ url: '/v1/register?on=2026-01-15', headers: manager });
    expect(ids(register.json())).toContain(response.json().caseId);
    expect(await figures()).toEqual(before);
  });

  it('is kept under the duty once the register has commenced', async () => {
    const commenced = await testApi({
      now,
      policy: {
        ...defaultPolicy,
        commencement: { ...defaultPolicy.commencement, cnisRegister: '2025-09-01' },
      },
    });
    try {
      const staff = bearer(await commenced.token('officer', 'olive'));
      const created = await sendReport(commenced, staff);
      expect(created.statusCode, created.body).toBe(201);
      const manager = bearer(await commenced.token('manager', 'mary'));
      const page = (
        await commenced.app.inject({ url: '/v1/register?on=2026-01-15', headers: manager })
      ).json();
      expect(page.items[0]).toMatchObject({ caseType: 'cnis', basis: 'statutory' });
    } finally {
      await commenced.close();
    }
  });
});
