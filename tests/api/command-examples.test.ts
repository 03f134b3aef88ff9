import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commandFieldProblems,
  commandProblemExamples,
  commandRouteExamples,
} from '../../src/api/examples/commands.js';
import { exampleChildren, exampleSchools } from '../../src/api/examples/index.js';
import {
  cmeAgeProblem,
  cmeReferralExample,
  deletionReturnExamples,
  eheAgeProblem,
  eheReferralExample,
  referralProblemExamples,
} from '../../src/api/examples/referrals.js';
import type { Problem } from '../../src/api/plugins/errors.js';
import { commandRoutes } from '../../src/api/routes/case-command-table.js';
import { exampleScenarios, type Scenario, type Step } from './example-scenarios.js';
import { uniqueFamilyName } from './fixtures.js';
import { bearer, type TestApi, testApi } from './support.js';

/** After every date in the examples, and after the annual contact reminder the examples assume. */
const NOW = new Date('2026-11-20T10:00:00Z');

const allExamples = commandRoutes.flatMap((route) =>
  commandRouteExamples(route).map((example) => ({ route, example, key: `${route.path} ${example.name}` })),
);

function exampleAt([path, name]: Step) {
  const found = allExamples.find(({ route, example }) => route.path === path && example.name === name);
  if (!found) throw new Error(`no example ${name} on ${path}`);
  return found.example;
}

describe('every request body example of the OpenAPI document, sent to the real server', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  beforeAll(async () => {
    api = await testApi({ now: NOW });
    manager = bearer(await api.token('manager', 'mary'));
  });
  afterAll(() => api.close());

  const post = (url: string, payload: unknown) =>
    api.app.inject({ method: 'POST', url, payload: payload as object, headers: manager });

  /** A fresh case for the scenario: the document's referral, for a child of its own. */
  async function openCase(scenario: Scenario): Promise<string> {
    const caseId = randomUUID();
    if (scenario.caseType === 'cme') {
      const { dateOfBirth, ...unknownBirth } = exampleChildren.noah;
      const known =
        scenario.cmeReferral === 'dateOfBirthUnknown' ? unknownBirth : { ...unknownBirth, dateOfBirth };
      const child = { ...known, familyName: uniqueFamilyName() };
      const opened = await post('/v1/cme-cases', { ...cmeReferralExample, caseId, child });
      expect(opened.statusCode, opened.body).toBe(201);
      return caseId;
    }
    const child = {
      ...exampleChildren.amelia,
      familyName: uniqueFamilyName(),
      ...(scenario.referral === 'ehcp' ? { senStatus: 'E' } : {}),
    };
    const special =
      scenario.referral === 'specialSchool'
        ? {
            placedAtSpecialSchoolByCouncil: true,
            previousSchoolType: 'special',
            schoolLeft: exampleSchools.special,
          }
        : {};
    const opened = await post('/v1/ehe-cases', { ...eheReferralExample, ...special, caseId, child });
    expect(opened.statusCode, opened.body).toBe(201);
    return caseId;
  }

  it('has a scenario for every command example, and none for an example that does not exist', () => {
    expect(Object.keys(exampleScenarios).sort()).toEqual(allExamples.map(({ key }) => key).sort());
  });

  it.each(allExamples)('$key', async ({ route, example, key }) => {
    const scenario = exampleScenarios[key];
    if (!scenario) throw new Error(`no scenario for ${key}`);
    expect(scenario.caseType).toBe(example.caseType);
    const caseId = await openCase(scenario);
    for (const step of scenario.after) {
      const before = await post(`/v1/cases/${caseId}/${step[0]}`, exampleAt(step).value);
      expect(before.statusCode, `${step.join(' ')}: ${before.body}`).toBe(200);
    }
    // The route's documented 400 and 422: its first example with one field wrong, in the state it assumes.
    const isFirst = commandRouteExamples(route)[0]?.name === example.name;
    if (isFirst) {
      for (const { field, value, problem } of Object.values(commandFieldProblems(route, ''))) {
        const refused = await post(`/v1/cases/${caseId}/${route.path}`, {
          ...(example.value as object),
          [field]: value,
        });
        const { instance: _, requestId: __, ...documented } = problem;
        expect(refused.json(), `${field}: ${value}`).toMatchObject(documented);
      }
    }
    const response = await post(`/v1/cases/${caseId}/${route.path}`, example.value);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.events.map((event: { type: string }) => event.type)).toEqual(example.events);
    const opensAnother = route.ehe === 'ReclassifyAsCme' || route.cme === 'RecordBecameEhe';
    expect(result.linkedCase !== undefined).toBe(opensAnother);
    // A step the case's state now forbids is the 409 the route documents.
    const again = await post(`/v1/cases/${caseId}/${route.path}`, example.value);
    if (again.statusCode === 409 && isFirst) {
      const documented = commandProblemExamples(route, '')[409];
      expect(again.json()).toMatchObject({ code: documented?.code, detail: documented?.detail });
    }
  });

  it('opens cases from the referral examples as they are documented', async () => {
    const ehe = await post('/v1/ehe-cases', eheReferralExample);
    expect(ehe.statusCode, ehe.body).toBe(201);
    expect(ehe.json().events).toMatchObject([{ type: 'EheReferralReceived' }]);
    const cme = await post('/v1/cme-cases', cmeReferralExample);
    expect(cme.statusCode, cme.body).toBe(201);
    expect(cme.json().events).toMatchObject([{ type: 'CmeReferralReceived' }]);
  });

  it('refuses referrals with the problems their examples document', async () => {
    const asAnswered = ({ instance: _, requestId: __, ...problem }: Problem) => problem;
    const ehe = referralProblemExamples('/v1/ehe-cases', eheAgeProblem);
    const cme = referralProblemExamples('/v1/cme-cases', cmeAgeProblem);
    const { amelia, noah } = exampleChildren;
    const young = { dateOfBirth: '2021-06-01' };
    const badPostcode = { ...amelia, address: { ...amelia.address, postcode: 'SO99' } };
    const invalid = await post('/v1/ehe-cases', { ...eheReferralExample, child: badPostcode });
    expect(invalid.json()).toMatchObject(asAnswered(ehe[400]));
    const cmeCase = await post('/v1/cme-cases', cmeReferralExample);
    const sameId = await post('/v1/ehe-cases', { ...eheReferralExample, caseId: cmeCase.json().caseId });
    expect(sameId.json()).toMatchObject(asAnswered(ehe[409]));
    const youngAmelia = { ...amelia, ...young, familyName: uniqueFamilyName() };
    const eheTooYoung = await post('/v1/ehe-cases', { ...eheReferralExample, child: youngAmelia });
    expect(eheTooYoung.json()).toMatchObject(asAnswered(ehe[422]));
    const youngNoah = { ...noah, ...young, familyName: uniqueFamilyName() };
    const cmeTooYoung = await post('/v1/cme-cases', { ...cmeReferralExample, child: youngNoah });
    expect(cmeTooYoung.json()).toMatchObject(asAnswered(cme[422]));
  });

  it('records the deletion return examples, each opening the case its summary says', async () => {
    const { homeEducation, destinationUnknown } = deletionReturnExamples;
    const toEhe = await post('/v1/deletion-returns', homeEducation.value);
    expect(toEhe.statusCode, toEhe.body).toBe(201);
    expect(toEhe.json()).toMatchObject({ outcome: 'ehe_case_opened', case: { caseType: 'ehe' } });
    const toCme = await post('/v1/deletion-returns', destinationUnknown.value);
    expect(toCme.statusCode, toCme.body).toBe(201);
    expect(toCme.json()).toMatchObject({ outcome: 'cme_case_opened', case: { caseType: 'cme' } });
  });
});
