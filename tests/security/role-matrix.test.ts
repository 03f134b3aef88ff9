import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandRouteExamples } from '../../src/api/examples/commands.js';
import { commandRoutes } from '../../src/api/routes/case-command-table.js';
import { type Role, roles } from '../../src/domain/roles.js';
import { bearer, TEST_SECRET, type TestApi, testApi } from '../api/support.js';
import {
  bodyExampleOf,
  type DocumentedOperation,
  liveDocument,
  operationsOf,
  urlOf,
} from './openapi-operations.js';
import { roleTable, tableAllows } from './role-table.js';
import { caseFor, people, roleHeaders, type SeededCases, seedCases } from './seed-cases.js';

/** Issue 12, "Proof": every operation of the live document, called by every role and by no one valid. */

/** A token the server can verify in every way but its subject, which is a number, not a string. */
async function numericSubjectToken(): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  // jose types `sub` as a string; sending a number anyway is the point of this token.
  return new SignJWT({ role: 'manager', sub: 12345 as unknown as string })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('sightline')
    .setAudience('sightline')
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode(TEST_SECRET));
}

interface Caller {
  name: string;
  /** The role the token carries, or none when the token must not be accepted at all. */
  role?: Role;
  headers: () => Record<string, string>;
}

interface Call {
  label: string;
  method: DocumentedOperation['method'];
  url: string;
  headers?: Record<string, string>;
  payload?: object;
}

/**
 * The requests that stand for an operation. A command is sent with its documented body, to a case of each
 * type its route serves, so that the decider's own role check runs too; `If-Match` names a revision the case
 * never reaches, so a step the role may take is refused 409 or 412 and writes nothing. A referral is sent
 * as a portal sends it (no case id of its own, which is staff only) and opens a case when allowed.
 */
function callsFor(op: DocumentedOperation, cases: SeededCases, role: Role | undefined): Call[] {
  const url = urlOf(op, { caseId: caseFor(cases, role), officerId: people.officer });
  if (op.method === 'GET') return [{ label: op.key, method: op.method, url }];
  const route = commandRoutes.find((candidate) => op.path === `/v1/cases/{caseId}/${candidate.path}`);
  if (!route) {
    const example = bodyExampleOf(op);
    if (typeof example !== 'object' || example === null)
      throw new Error(`${op.key} documents no body example`);
    const { caseId: _, ...body } = example as { caseId?: string };
    return [{ label: op.key, method: op.method, url, payload: body }];
  }
  return (['ehe', 'cme'] as const).flatMap((caseType) => {
    const example = commandRouteExamples(route).find((candidate) => candidate.caseType === caseType);
    if (!example) return [];
    const caseId = caseType === 'ehe' ? caseFor(cases, role) : cases.cme;
    return [
      {
        label: `${op.key} (${caseType})`,
        method: op.method,
        url: urlOf(op, { caseId }),
        headers: { 'if-match': 'W/"999999"' },
        payload: example.value as object,
      },
    ];
  });
}

describe('the role × route matrix', () => {
  let api: TestApi;
  let cases: SeededCases;
  let operations: DocumentedOperation[];
  let tokens: Record<Role, Record<string, string>>;
  let numericSubject: string;

  beforeAll(async () => {
    api = await testApi();
    cases = await seedCases(api);
    operations = operationsOf(await liveDocument(api));
    tokens = await roleHeaders(api);
    numericSubject = await numericSubjectToken();
  });
  afterAll(() => api.close());

  const callers: Caller[] = [
    ...roles.map((role) => ({ name: role, role, headers: () => tokens[role] })),
    { name: 'no token', headers: () => ({}) },
    { name: 'a malformed token', headers: () => bearer('not.a.token') },
    { name: 'a token whose subject is a number', headers: () => bearer(numericSubject) },
  ];

  it('states who may call exactly the operations /openapi.json lists, no more and no fewer', () => {
    const documented = operations.map((op) => op.key).sort();
    expect(Object.keys(roleTable).sort()).toEqual(documented);
  });

  it.each(callers)(
    '$name: allowed exactly where the table says, and a refusal writes nothing',
    async (caller) => {
      const wrong: string[] = [];
      for (const op of operations) {
        const access = roleTable[op.key];
        if (access === undefined) continue; // reported by the test above
        const allowed = tableAllows(access, caller.role);
        // A token that is not valid is a 401 everywhere but the open operations; a valid one, a 403.
        const refusal = caller.role === undefined ? 401 : 403;
        for (const call of callsFor(op, cases, caller.role)) {
          const before = await api.eventCount();
          const answer = await api.app.inject({
            method: call.method,
            url: call.url,
            headers: { ...caller.headers(), ...call.headers },
            ...(call.payload ? { payload: call.payload } : {}),
          });
          const status = answer.statusCode;
          const refused = status === 401 || status === 403;
          if (allowed && refused) wrong.push(`${call.label}: allowed by the table, answered ${status}`);
          if (!allowed && status !== refusal)
            wrong.push(`${call.label}: ${refusal} expected, answered ${status}`);
          const written = (await api.eventCount()) - before;
          if (refused && written !== 0)
            wrong.push(`${call.label}: refused ${status} but wrote ${written} events`);
        }
      }
      expect(wrong).toEqual([]);
    },
  );
});
