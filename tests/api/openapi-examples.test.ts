import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CommandResultSchema } from '../../src/api/cases/command-result.js';
import { DeletionReturnResultSchema } from '../../src/api/cases/deletion-returns.js';
import { NewPupilReturnResultSchema } from '../../src/api/cases/new-pupil-returns.js';
import { reportToCsv } from '../../src/api/csv.js';
import {
  bodyExamplesOf,
  commandResultExampleOf,
  commandRouteExamples,
} from '../../src/api/examples/commands.js';
import {
  cmeSummaryExample,
  eheSummaryExample,
  exampleIds,
  exampleOfficers,
  referredEheSummaryExample,
} from '../../src/api/examples/index.js';
import {
  cmeReferralExample,
  deletionReturnExamples,
  eheReferralExample,
} from '../../src/api/examples/referrals.js';
import { type Problem, ProblemSchema } from '../../src/api/plugins/errors.js';
import { ArrangedAbsenceAnswerSchema } from '../../src/api/routes/arranged-absences.js';
import { AccessLogPageSchema, CaseStateSchema, EventPageSchema } from '../../src/api/routes/audit.js';
import { commandRoutes } from '../../src/api/routes/case-command-table.js';
import { LateReturnsSchema } from '../../src/api/routes/deletion-return-reports.js';
import { HealthSchema } from '../../src/api/routes/operations.js';
import { RegisterLeaversSchema, RegisterPageSchema } from '../../src/api/routes/register.js';
import { RegisterExportSchema } from '../../src/api/routes/register-export.js';
import {
  AcademicYearSchema,
  CommitteeSchema,
  DfeReturnSchema,
  dfeReturnToCsv,
} from '../../src/api/routes/reports.js';
import {
  CaseListPageSchema,
  CaseloadSchema,
  CaseSummarySchema,
  type CaseSummaryView,
  DashboardSchema,
  DeadlineListSchema,
} from '../../src/api/summary-schemas.js';
import type { Role } from '../../src/domain/roles.js';
import type { DfeReturn } from '../../src/projections/types.js';
import { bearer, type TestApi, testApi } from './support.js';

type ExampleObject = { value?: unknown; $ref?: string };
type Media = { schema?: unknown; example?: unknown; examples?: Record<string, ExampleObject> };
interface Operation {
  parameters?: { name: string; in: string; example?: unknown }[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, Response>;
}
type Response = { content?: Record<string, Media>; $ref?: string };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components?: { examples?: Record<string, ExampleObject>; responses?: Record<string, Response> };
};

const EXAMPLE_REF = '#/components/examples/';
const RESPONSE_REF = '#/components/responses/';

/** A response, following its `$ref` to `components/responses` (where shared problem answers live). */
function responseOf(document: Document, response: Response): Response {
  if (response.$ref === undefined) return response;
  const shared = document.components?.responses?.[response.$ref.replace(RESPONSE_REF, '')];
  if (!response.$ref.startsWith(RESPONSE_REF) || !shared)
    throw new Error(`${response.$ref} refers to no response`);
  return shared;
}

/** An example's value, following its `$ref` to `components/examples` (where shared problem answers live). */
function exampleValue(document: Document, example: ExampleObject): unknown {
  if (example.$ref === undefined) return example.value;
  const shared = document.components?.examples?.[example.$ref.replace(EXAMPLE_REF, '')];
  if (!example.$ref.startsWith(EXAMPLE_REF) || shared?.value === undefined) {
    throw new Error(`${example.$ref} refers to no example`);
  }
  return shared.value;
}

/** Each documented example of a media type: its single `example`, or each of its named `examples`. */
const examplesIn = (document: Document, media: Media): unknown[] => [
  ...(media.example === undefined ? [] : [media.example]),
  ...Object.values(media.examples ?? {}).map((example) => exampleValue(document, example)),
];

/** The zod schema each JSON answer is serialized with, by operation; commands all answer CommandResult. */
const successSchemas: Record<string, z.ZodType> = {
  'get /v1/cases/{caseId}': CaseSummarySchema,
  'get /v1/cases': CaseListPageSchema,
  'get /v1/caseloads/{officerId}': CaseloadSchema,
  'get /v1/dashboard': DashboardSchema,
  'get /v1/deadlines': DeadlineListSchema,
  'get /v1/cases/{caseId}/events': EventPageSchema,
  'get /v1/cases/{caseId}/state': CaseStateSchema,
  'get /v1/access-log': AccessLogPageSchema,
  'get /v1/reports/dfe-return': DfeReturnSchema,
  'get /v1/reports/academic-year': AcademicYearSchema,
  'get /v1/reports/committee': CommitteeSchema,
  'get /v1/reports/late-deletion-returns': LateReturnsSchema,
  'get /v1/register': RegisterPageSchema,
  'get /v1/register/leavers': RegisterLeaversSchema,
  'get /v1/register/export': RegisterExportSchema,
  'get /health/live': HealthSchema,
  'get /health/ready': HealthSchema,
  'post /v1/ehe-cases': CommandResultSchema,
  'post /v1/cme-cases': CommandResultSchema,
  'post /v1/deletion-returns': DeletionReturnResultSchema,
  'post /v1/new-pupil-returns': NewPupilReturnResultSchema,
  'post /v1/arranged-absences': ArrangedAbsenceAnswerSchema,
  'post /v1/arranged-absences/{caseId}/changes': ArrangedAbsenceAnswerSchema,
  'post /v1/arranged-absences/{caseId}/ends': ArrangedAbsenceAnswerSchema,
  ...Object.fromEntries(
    commandRoutes.map((route) => [`post /v1/cases/{caseId}/${route.path}`, CommandResultSchema]),
  ),
};

/** RFC 9110's reason phrases, as problem titles. */
const titles: Record<string, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const ehe = exampleIds.eheCase;
/** A request each read refuses, for its documented 400. */
const refusedReads: Record<string, [url: string, status: string][]> = {
  'get /v1/cases/{caseId}': [['/v1/cases/not-a-case', '400']],
  'get /v1/cases': [['/v1/cases?cursor=garbage', '400']],
  'get /v1/caseloads/{officerId}': [['/v1/caseloads/olive?cursor=garbage', '400']],
  'get /v1/deadlines': [['/v1/deadlines?dueFrom=2025-13-01', '400']],
  'get /v1/cases/{caseId}/events': [[`/v1/cases/${ehe}/events?after=garbage`, '400']],
  'get /v1/cases/{caseId}/state': [[`/v1/cases/${ehe}/state?asOf=yesterday`, '400']],
  'get /v1/access-log': [['/v1/access-log?after=garbage', '400']],
  'get /v1/reports/dfe-return': [['/v1/reports/dfe-return?censusDate=2026-02-30', '400']],
  'get /v1/reports/academic-year': [['/v1/reports/academic-year?year=2025-27', '400']],
  'get /v1/reports/committee': [['/v1/reports/committee?from=2026-04-01&to=2026-03-31', '400']],
  'get /v1/reports/late-deletion-returns': [
    ['/v1/reports/late-deletion-returns?from=2026-04-01&to=2026-03-31', '400'],
  ],
  'get /v1/register': [['/v1/register?on=2026-02-30', '400']],
  'get /v1/register/leavers': [['/v1/register/leavers?from=2026-04-01&to=2026-03-31', '400']],
  'get /v1/register/export': [['/v1/register/export?on=2026-02-30&purpose=dfe_return', '400']],
};

function exampleBody(path: string, name: string): object {
  const route = commandRoutes.find((candidate) => candidate.path === path);
  const example = route && commandRouteExamples(route).find((candidate) => candidate.name === name);
  if (!example) throw new Error(`no example ${name} on ${path}`);
  return example.value as object;
}

describe('the examples of the OpenAPI document', () => {
  let api: TestApi;
  let document: Document;
  const examplesOf = (media: Media) => examplesIn(document, media);
  /** The first problem an operation documents for a status. */
  const problemOf = (operation: Operation, status: string) => {
    const media = operation.responses[status]?.content?.['application/problem+json'];
    return (media ? examplesOf(media)[0] : undefined) as Problem | undefined;
  };
  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        key: `${method} ${path}`,
        method,
        path,
        operation: {
          ...operation,
          responses: Object.fromEntries(
            Object.entries(operation.responses).map(([status, response]) => [
              status,
              responseOf(document, response),
            ]),
          ),
        },
      })),
    );

  /** The server's answers to the example cases' referrals and first steps, by request. */
  const answers: Record<string, { clocks?: unknown }> = {};

  beforeAll(async () => {
    api = await testApi({ now: new Date('2025-12-01T10:00:00Z') });
    const manager = bearer(await api.token('manager', exampleOfficers.manager));
    // The example cases exist, so that the parameter examples find them.
    const steps: [name: string, url: string, body: object][] = [
      ['eheReferral', '/v1/ehe-cases', { ...eheReferralExample, caseId: exampleIds.eheCase }],
      ['cmeReferral', '/v1/cme-cases', { ...cmeReferralExample, caseId: exampleIds.cmeCase }],
      ['allocation', `/v1/cases/${exampleIds.eheCase}/allocation`, exampleBody('allocation', 'ehe.allocate')],
      ['contact', `/v1/cases/${exampleIds.eheCase}/contacts`, exampleBody('contacts', 'contactMade')],
      [
        'cmeAllocation',
        `/v1/cases/${exampleIds.cmeCase}/allocation`,
        exampleBody('allocation', 'cme.allocate'),
      ],
      [
        'risk',
        `/v1/cases/${exampleIds.cmeCase}/risk-assessments`,
        { ...exampleBody('risk-assessments', 'high'), level: 'medium' },
      ],
    ];
    for (const [name, url, body] of steps) {
      const response = await api.app.inject({ method: 'POST', url, payload: body, headers: manager });
      expect(response.statusCode, response.body).toBeLessThan(300);
      answers[name] = response.json();
    }
    document = (await api.app.inject('/openapi.json')).json();
  });
  afterAll(() => api.close());

  it('gives every operation an example for its body, each parameter and each answer', () => {
    const missing: string[] = [];
    for (const { key, operation } of operations()) {
      for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
        if (examplesOf(media).length === 0) missing.push(`${key} body ${type}`);
      }
      for (const parameter of operation.parameters ?? []) {
        if (parameter.example === undefined) missing.push(`${key} ${parameter.in} ${parameter.name}`);
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        const contents = Object.entries(response.content ?? {});
        if (contents.length === 0) missing.push(`${key} ${status} has no content`);
        for (const [type, media] of contents) {
          if (examplesOf(media).length === 0) missing.push(`${key} ${status} ${type}`);
        }
      }
    }
    expect(operations().length).toBeGreaterThan(commandRoutes.length);
    expect(missing).toEqual([]);
  });

  it('documents answers that parse, unchanged, with the schema the route serializes them with', () => {
    for (const { key, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          const schema =
            type === 'application/problem+json'
              ? ProblemSchema
              : type.startsWith('text/')
                ? z.string()
                : successSchemas[key];
          expect(schema, `${key} ${status} ${type}`).toBeDefined();
          for (const example of examplesOf(media)) {
            // parse strips unknown keys: an example with a misspelt field would not come back equal
            expect(schema?.parse(example), `${key} ${status}`).toEqual(example);
          }
        }
      }
    }
  });

  /** Each problem example of each operation: written in place (`inline`), or a `$ref` to a shared one. */
  const problemExamples = () =>
    operations().flatMap(({ key, path, operation }) =>
      Object.entries(operation.responses).flatMap(([status, response]) => {
        const media = response.content?.['application/problem+json'];
        const written: ExampleObject[] = [
          ...(media?.example === undefined ? [] : [{ value: media.example }]),
          ...Object.values(media?.examples ?? {}),
        ];
        return written.map((example) => ({
          key,
          path,
          status,
          ref: example.$ref,
          problem: exampleValue(document, example) as Problem,
        }));
      }),
    );

  it('writes each problem example as the answer it documents: status, title, type and instance', () => {
    const pathPattern = (path: string) => new RegExp(`^${path.replaceAll(/\{\w+\}/g, '[^/]+')}$`);
    const referringPaths = new Map<string, { problem: Problem; paths: string[] }>();
    for (const { key, path, status, ref, problem } of problemExamples()) {
      expect(problem.status, key).toBe(Number(status));
      expect(problem.title, `${key} ${status}`).toBe(titles[status]);
      expect(problem.type, key).toBe(`urn:sightline:problem:${problem.code}`);
      if (ref === undefined) expect(problem.instance, key).toMatch(pathPattern(path));
      else {
        const entry = referringPaths.get(ref) ?? { problem, paths: [] };
        referringPaths.set(ref, { ...entry, paths: [...entry.paths, path] });
      }
    }
    // A shared answer is every referring operation's but its `instance`, which names one of them.
    for (const [ref, { problem, paths }] of referringPaths) {
      expect(
        paths.some((path) => pathPattern(path).test(problem.instance ?? '')),
        `${ref}: ${problem.instance}`,
      ).toBe(true);
    }
  });

  it('writes a problem answer that several operations give once, in components/examples and responses', () => {
    const inline = new Map<string, string[]>();
    for (const { key, status, ref, problem } of problemExamples()) {
      if (ref !== undefined) continue;
      const { instance: _, ...answer } = problem;
      const same = JSON.stringify(answer);
      inline.set(same, [...(inline.get(same) ?? []), `${key} ${status}`]);
    }
    expect([...inline.values()].filter((operations) => operations.length > 1)).toEqual([]);
    const referred = new Set(problemExamples().flatMap(({ ref }) => (ref ? [ref] : [])));
    const sharedExamples = Object.keys(document.components?.examples ?? {});
    expect(sharedExamples.map((name) => `${EXAMPLE_REF}${name}`).sort()).toEqual([...referred].sort());
    // The whole answer too (description, schema, example), as the operations in the document write it.
    const written = new Map<string, string[]>();
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (response.$ref !== undefined || !response.content?.['application/problem+json']) continue;
          const same = JSON.stringify(response);
          written.set(same, [...(written.get(same) ?? []), `${method} ${path} ${status}`]);
        }
      }
    }
    expect([...written.values()].filter((operations) => operations.length > 1)).toEqual([]);
  });

  it("shows the example cases' clocks as the server gives them, and no personal data in a command's answer", () => {
    const expectClocks = (answer: string, example: CaseSummaryView) => {
      expect(answers[answer]?.clocks, answer).toEqual(example.clocks);
      expect(answers[answer], answer).not.toHaveProperty('summary');
    };
    expectClocks('eheReferral', referredEheSummaryExample);
    expectClocks('contact', eheSummaryExample);
    expectClocks('risk', cmeSummaryExample);
  });

  it('documents the CSV of a report as the CSV of its JSON example', () => {
    for (const report of ['academic-year', 'committee']) {
      const content = document.paths[`/v1/reports/${report}`]?.get?.responses['200']?.content;
      expect(content?.['text/csv']?.example).toBe(reportToCsv(content?.['application/json']?.example));
    }
    const dfe = document.paths['/v1/reports/dfe-return']?.get?.responses['200']?.content;
    expect(dfe?.['text/csv']?.example).toBe(dfeReturnToCsv(dfe?.['application/json']?.example as DfeReturn));
  });

  it('documents the command and referral bodies the server tests send, and the first one’s answer', () => {
    for (const route of commandRoutes) {
      const operation = document.paths[`/v1/cases/{caseId}/${route.path}`]?.post;
      const examples = commandRouteExamples(route);
      expect(operation?.requestBody?.content['application/json']?.examples, route.path).toEqual(
        bodyExamplesOf(examples),
      );
      const answer = operation?.responses['200']?.content?.['application/json']?.example;
      expect(answer, route.path).toEqual(commandResultExampleOf(route));
      expect((answer as { events: { type: string }[] }).events.map((event) => event.type)).toEqual(
        examples[0]?.events,
      );
    }
    const bodyOf = (path: string) => document.paths[path]?.post?.requestBody?.content['application/json'];
    expect(bodyOf('/v1/ehe-cases')?.example).toEqual(eheReferralExample);
    expect(bodyOf('/v1/cme-cases')?.example).toEqual(cmeReferralExample);
    expect(bodyOf('/v1/deletion-returns')?.examples).toEqual(deletionReturnExamples);
  });

  it('answers every read with its parameter examples, as the example cases stand', async () => {
    const tokens: Partial<Record<Role, Record<string, string>>> = {};
    for (const { key, method, path, operation } of operations()) {
      if (method !== 'get') continue;
      let url = path;
      const query = new URLSearchParams();
      for (const { name, in: where, example } of operation.parameters ?? []) {
        if (where === 'path') url = url.replace(`{${name}}`, String(example));
        if (where === 'query') query.set(name, String(example));
      }
      const role: Role = path === '/v1/access-log' ? 'auditor' : 'manager';
      tokens[role] ??= bearer(await api.token(role, role === 'auditor' ? exampleOfficers.auditor : 'mary'));
      const search = query.size > 0 ? `?${query}` : '';
      const response = await api.app.inject({ url: `${url}${search}`, headers: tokens[role] });
      expect(response.statusCode, `${key}: ${response.body.slice(0, 300)}`).toBe(200);
    }
  });

  it('refuses a malformed read and an unknown case exactly as the examples say', async () => {
    const auditor = bearer(await api.token('auditor', exampleOfficers.auditor));
    const manager = bearer(await api.token('manager', exampleOfficers.manager));
    for (const { key, method, path, operation } of operations()) {
      const documented = (status: string) => problemOf(operation, status);
      if (method === 'get' && path.startsWith('/v1/') && documented('400')) {
        expect(refusedReads, key).toHaveProperty([key]);
      }
      for (const [url, status] of refusedReads[key] ?? []) {
        const refused = await api.app.inject({ url, headers: auditor });
        const { instance: _, requestId: __, ...expected } = documented(status) ?? {};
        expect(refused.json(), url).toMatchObject(expected);
      }
      if (!path.includes('{caseId}') || !documented('404')) continue;
      const unknown = randomUUID();
      const route = commandRoutes.find((candidate) => path.endsWith(`/${candidate.path}`));
      // A write outside the command table (the arranged-absence routes) is sent with its documented body.
      const body = operation.requestBody?.content?.['application/json'];
      const payload = route ? commandRouteExamples(route)[0]?.value : body && examplesOf(body)[0];
      const response = await api.app.inject({
        method: method as 'GET',
        url: path.replace('{caseId}', unknown),
        headers: payload ? manager : auditor,
        ...(payload ? { payload: payload as object } : {}),
      });
      expect(response.json(), key).toMatchObject({
        code: documented('404')?.code,
        detail: documented('404')?.detail?.replace(/[\w-]{36}$/, unknown),
      });
    }
  });

  it('answers 401 and 403 on every /v1 operation exactly as their examples say', async () => {
    for (const { key, method, path, operation } of operations()) {
      if (!path.startsWith('/v1/')) continue;
      const url = path.replaceAll('{caseId}', exampleIds.eheCase).replaceAll('{officerId}', 'olive');
      const documented = (status: string) => problemOf(operation, status);
      const unauthorized = await api.app.inject({ method: method as 'GET', url });
      expect(unauthorized.json(), key).toMatchObject({
        code: documented('401')?.code,
        detail: documented('401')?.detail,
      });
      const role = /^the (\w+) role may not do this$/.exec(documented('403')?.detail ?? '')?.[1] as Role;
      expect(role, key).toBeDefined();
      const forbidden = await api.app.inject({
        method: method as 'GET',
        url,
        headers: bearer(await api.token(role)),
      });
      expect(forbidden.statusCode, key).toBe(403);
      expect(forbidden.json(), key).toMatchObject({ code: 'forbidden', detail: documented('403')?.detail });
    }
  });
});
