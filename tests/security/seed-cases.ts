import { expect } from 'vitest';
import type { Role } from '../../src/domain/roles.js';
import { cmeReferral, eheReferral } from '../api/fixtures.js';
import { bearer, type TestApi } from '../api/support.js';

/** Who holds each role's token: the officer and the senior each have a case of their own. */
export const people = {
  referrer: 'bitterne-park',
  officer: 'olive',
  senior: 'sam',
  manager: 'mary',
  panel: 'pat',
  auditor: 'ada',
  admin: 'ivan',
} as const satisfies Record<Role, string>;

export interface SeededCases {
  /** EHE, allocated to the officer and referred to the Children Not In School panel (the panel token's). */
  ehe: string;
  /** EHE, allocated to the senior. */
  seniorsEhe: string;
  /** CME, allocated to the officer. */
  cme: string;
  /** The children's family names, to show an answer that must carry no data does not. */
  familyNames: string[];
}

/**
 * The case a role's request is about: the one where the code is most permissive for that role (a case the
 * officer or senior is allocated, the case referred to the panel's panel), so a refusal is a refusal of the
 * role, not of the case.
 */
export const caseFor = (cases: SeededCases, role: Role | undefined): string =>
  role === 'senior' ? cases.seniorsEhe : cases.ehe;

export async function seedCases(api: TestApi): Promise<SeededCases> {
  const manager = bearer(await api.token('manager', people.manager));
  const post = async (url: string, payload: object) => {
    const answer = await api.app.inject({ method: 'POST', url, payload, headers: manager });
    expect(answer.statusCode, `${url}: ${answer.body}`).toBeLessThan(300);
  };
  const allocate = (caseId: string, officerId: string) =>
    post(`/v1/cases/${caseId}/allocation`, { officerId, allocatedOn: '2025-11-18' });

  const ehe = eheReferral();
  const seniors = eheReferral();
  const cme = cmeReferral();
  await post('/v1/ehe-cases', ehe);
  await post('/v1/ehe-cases', seniors);
  await post('/v1/cme-cases', cme);
  await allocate(ehe.caseId, people.officer);
  await allocate(seniors.caseId, people.senior);
  await allocate(cme.caseId, people.officer);
  await post(`/v1/cases/${ehe.caseId}/panel-referrals`, {
    panel: 'children_not_in_school',
    referredOn: '2025-11-19',
    reason: 'The family declines visits and social care has concerns.',
  });
  return {
    ehe: ehe.caseId,
    seniorsEhe: seniors.caseId,
    cme: cme.caseId,
    familyNames: [ehe, seniors, cme].map((referral) => referral.child.familyName),
  };
}

/** A bearer header for each role, each naming its holder; the panel member sits on the CNIS panel. */
export async function roleHeaders(api: TestApi): Promise<Record<Role, Record<string, string>>> {
  const entries = await Promise.all(
    Object.entries(people).map(async ([role, sub]) => [role, bearer(await api.token(role as Role, sub))]),
  );
  return Object.fromEntries(entries);
}
