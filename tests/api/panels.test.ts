import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmeCommandExamples } from '../../src/api/examples/cme.js';
import { eheCommandExamples } from '../../src/api/examples/ehe.js';
import { cmeReferralExample, eheReferralExample } from '../../src/api/examples/referrals.js';
import { mintToken } from '../../src/api/plugins/auth.js';
import { bearer, type TestApi, testApi } from './support.js';

/** DOMAIN.md's role table: a panel member reads the cases referred to their panel, and records its decisions. */
describe('panel members', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  let cnis: Record<string, string>;
  let fairAccess: Record<string, string>;
  const referredToCnis = randomUUID();
  const notReferred = randomUUID();
  const cmeAtFairAccess = randomUUID();

  const post = async (url: string, payload: unknown, headers = manager) => {
    const response = await api.app.inject({ method: 'POST', url, payload: payload as object, headers });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  };
  const read = (caseId: string, headers: Record<string, string>) =>
    api.app.inject({ url: `/v1/cases/${caseId}`, headers });

  beforeAll(async () => {
    api = await testApi({ now: new Date('2026-02-02T10:00:00Z') });
    manager = bearer(await api.token('manager', 'mary'));
    cnis = bearer(await api.token('panel', 'pat', 'children_not_in_school'));
    fairAccess = bearer(await api.token('panel', 'fran', 'fair_access'));
    const child = (familyName: string) => ({ ...eheReferralExample.child, familyName });
    await post('/v1/ehe-cases', { ...eheReferralExample, caseId: referredToCnis, child: child('Walker-a') });
    await post('/v1/ehe-cases', { ...eheReferralExample, caseId: notReferred, child: child('Walker-b') });
    await post(
      `/v1/cases/${referredToCnis}/panel-referrals`,
      eheCommandExamples.ReferToPanel?.childrenNotInSchool?.value,
    );
    await post('/v1/cme-cases', { ...cmeReferralExample, caseId: cmeAtFairAccess });
    for (const [path, body] of [
      ['allocation', cmeCommandExamples.AllocateCase?.allocate?.value],
      ['location', cmeCommandExamples.EstablishWhereabouts?.inArea?.value],
      ['fair-access-referrals', cmeCommandExamples.ReferToFairAccess?.refer?.value],
    ] as const) {
      await post(`/v1/cases/${cmeAtFairAccess}/${path}`, body);
    }
  });
  afterAll(() => api.close());

  it('read the cases referred to their own panel, and no other', async () => {
    expect((await read(referredToCnis, cnis)).statusCode).toBe(200);
    expect((await read(notReferred, cnis)).statusCode).toBe(403);
    expect((await read(referredToCnis, fairAccess)).statusCode).toBe(403);
  });

  it('of the Fair Access panel read the CME cases referred to it', async () => {
    expect((await read(cmeAtFairAccess, fairAccess)).statusCode).toBe(200);
    expect((await read(cmeAtFairAccess, cnis)).statusCode).toBe(403);
  });

  it("record their own panel's decision, not another's", async () => {
    const decision = eheCommandExamples.RecordPanelDecision?.decision?.value as Record<string, unknown>;
    const url = `/v1/cases/${referredToCnis}/panel-decisions`;
    const before = await api.eventCount();
    const other = await api.app.inject({ method: 'POST', url, payload: decision, headers: fairAccess });
    expect(other.statusCode).toBe(403);
    expect(await api.eventCount()).toBe(before);
    const own = await api.app.inject({ method: 'POST', url, payload: decision, headers: cnis });
    expect(own.statusCode).toBe(200);
  });

  it('are refused when their token names no panel', async () => {
    const noPanel = await mintToken(api.config, { sub: 'pat', role: 'panel' });
    const response = await read(referredToCnis, bearer(noPanel));
    expect(response.statusCode).toBe(401);
  });
});
