import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eheCommandExamples } from '../../src/api/examples/ehe.js';
import { eheReferralExample } from '../../src/api/examples/referrals.js';
import { bearer, type TestApi, testApi } from '../api/support.js';

/**
 * A panel member sees only the cases referred to their panel: for any other id, known or not, open or
 * closed, the answer is the same 403, so the status code cannot tell them whether a case exists.
 */
describe('a panel member is authorised before the case is looked up', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  let cnis: Record<string, string>;
  const referred = randomUUID();
  const notReferred = randomUUID();
  const closedNotReferred = randomUUID();
  const unknown = randomUUID();
  const decision = {
    ...(eheCommandExamples.RecordPanelDecision?.decision?.value as Record<string, unknown>),
    decidedOn: '2026-02-02',
  };

  const post = async (url: string, payload: object) => {
    const response = await api.app.inject({ method: 'POST', url, payload, headers: manager });
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
  };
  /** Status, code and detail: everything but the request id and the instance, which name the request. */
  const answerTo = async (method: 'GET' | 'POST', path: string, caseId: string) => {
    const response = await api.app.inject({
      method,
      url: `/v1/cases/${caseId}${path}`,
      headers: cnis,
      ...(method === 'POST' ? { payload: decision } : {}),
    });
    const { status, code, detail } = response.json();
    return { statusCode: response.statusCode, status, code, detail };
  };

  beforeAll(async () => {
    api = await testApi({ now: new Date('2026-02-02T10:00:00Z') });
    manager = bearer(await api.token('manager', 'mary'));
    cnis = bearer(await api.token('panel', 'pat', 'children_not_in_school'));
    const child = (familyName: string) => ({ ...eheReferralExample.child, familyName });
    await post('/v1/ehe-cases', { ...eheReferralExample, caseId: referred, child: child('Walker-a') });
    await post('/v1/ehe-cases', { ...eheReferralExample, caseId: notReferred, child: child('Walker-b') });
    await post('/v1/ehe-cases', {
      ...eheReferralExample,
      caseId: closedNotReferred,
      child: child('Walker-c'),
    });
    await post(`/v1/cases/${closedNotReferred}/closure`, {
      closedOn: '2026-02-02',
      reason: 'other',
      reasonText: 'referred in error',
    });
    await post(
      `/v1/cases/${referred}/panel-referrals`,
      eheCommandExamples.ReferToPanel?.childrenNotInSchool?.value as object,
    );
  });
  afterAll(() => api.close());

  it.each([
    ['GET', ''],
    ['GET', '/events'],
    ['GET', '/state'],
    ['POST', '/panel-decisions'],
  ] as const)(
    '%s /v1/cases/{id}%s answers an unknown case as it answers an existing one not referred',
    async (method, path) => {
      const answers = [
        await answerTo(method, path, unknown),
        await answerTo(method, path, notReferred),
        await answerTo(method, path, closedNotReferred),
      ];
      expect(answers[0]).toMatchObject({ statusCode: 403, code: 'forbidden' });
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    },
  );

  it('still reads, and decides on, a case referred to their panel', async () => {
    expect((await answerTo('GET', '', referred)).statusCode).toBe(200);
    expect((await answerTo('POST', '/panel-decisions', referred)).statusCode).toBe(200);
  });
});
