import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzTarget } from './support/fuzz-app.js';
import { type Operation, operationsOf, schemaContext } from './support/fuzz-operations.js';
import { type FuzzRequest, requestsFor } from './support/fuzz-requests.js';
import type { SchemaContext } from './support/fuzz-schema.js';

/**
 * Bad input, generated from the live /openapi.json: for every operation, requests built from its own
 * schemas, most of them wrong somewhere (types, missing or extra fields, huge or odd strings, malformed
 * JSON, other content types, bad ids and query values, refused tokens and other roles). Whatever arrives,
 * the API answers below 500 with a status the operation documents, every refusal is a problem document, and
 * a refused request writes nothing: not even the access-log record a successful read writes.
 *
 * The run is seeded, with a fixed seed unless FUZZ_SEED names another (the seed is printed, so a failure
 * replays), and FUZZ_RUNS sets the requests per operation.
 * A time budget bounds a run on a slow machine: an operation stops early rather than the run overrunning.
 */
/** Fixed, so CI runs the same requests every time; set FUZZ_SEED (any integer) for a wider run. */
const DEFAULT_SEED = 20_261_203;
const SEED = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 60);
const TIME_BUDGET_MS = 100_000;
/** Answered by the router before any route (src/api/plugins/errors.ts frameworkErrors), so no operation lists them. */
const routerRefusals = ['route_not_found', 'path_parameter_too_long', 'bad_url'];

describe('bad input fuzz', () => {
  let target: Awaited<ReturnType<typeof fuzzTarget>>;
  let operations: Operation[] = [];
  let ctx: SchemaContext;
  const statuses = new Map<number, number>();
  const cutShort: string[] = [];

  beforeAll(async () => {
    console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} replays it), ${RUNS_PER_OPERATION} requests each`);
    target = await fuzzTarget();
    const document = (await target.api.app.inject({ url: '/openapi.json' })).json();
    operations = operationsOf(document);
    ctx = schemaContext(document, target.caseIds);
  });
  afterAll(async () => {
    const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
    console.log(
      `fuzz seed ${SEED}: ${total} requests, ${operations.length} operations (${byStatus.join(', ')})`,
    );
    if (cutShort.length > 0) console.log(`cut short by the time budget: ${cutShort.join(', ')}`);
    await target?.api.close();
  });

  const describeRequest = (request: FuzzRequest) =>
    `${request.method} ${request.url.slice(0, 300)} [${request.intent}] ${(request.payload ?? '').slice(0, 300)}`;

  /** The four promises, checked for one request. */
  async function send(operation: Operation, request: FuzzRequest): Promise<void> {
    const before = await target.head();
    const response = await target.api.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: request.headers,
      ...(request.payload !== undefined ? { payload: request.payload } : {}),
    });
    const after = await target.head();
    statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
    const what = `${describeRequest(request)} -> ${response.statusCode} ${response.body.slice(0, 500)}`;
    expect(response.statusCode, what).toBeLessThan(500);
    const problem = response.statusCode >= 400 ? response.json() : undefined;
    // Another method is another route's request, and the router's own refusals come before any route.
    if (!request.intent.includes('other method') && !routerRefusals.includes(problem?.code)) {
      expect(operation.statuses, `${what}: the status is not in the document`).toContain(response.statusCode);
    }
    // On a secured operation a refused token is a 401 whatever else is wrong, unless the router refused
    // the path before any hook ran.
    if (operation.secured && request.refusedCredential && !routerRefusals.includes(problem?.code)) {
      expect(response.statusCode, `${what}: a refused credential got through`).toBe(401);
    }
    if (response.statusCode < 400) return;
    expect(response.headers['content-type'], what).toMatch(/^application\/problem\+json/);
    expect(problem, what).toMatchObject({ status: response.statusCode, type: expect.any(String) });
    expect(problem.title, what).toEqual(expect.any(String));
    expect(after, `${what}: a refused request wrote to the store`).toBe(before);
  }

  it('the document names operations to fuzz', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((operation) => operation.body).length).toBeGreaterThan(40);
  });

  it('every operation: no 5xx, every refusal a problem, and a refusal writes nothing', async () => {
    const failures: string[] = [];
    for (const [index, operation] of operations.entries()) {
      const allowedRoles = await target.allowedRoles(operation);
      const requests = requestsFor(operation, ctx, target.credentials, allowedRoles);
      const run = await fc.check(
        fc.asyncProperty(requests, (request) => send(operation, request)),
        {
          seed: SEED + index,
          numRuns: RUNS_PER_OPERATION,
          endOnFailure: true,
          interruptAfterTimeLimit: Math.floor(TIME_BUDGET_MS / operations.length),
        },
      );
      if (run.interrupted) cutShort.push(`${operation.method} ${operation.path} after ${run.numRuns}`);
      if (run.failed) {
        const cause =
          run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
        failures.push(
          `${operation.method} ${operation.path} (seed ${SEED + index}): ${cause.slice(0, 2_000)}`,
        );
      }
    }
    // Every operation runs even when one fails, so one run shows every kind of failure at once.
    expect(failures).toEqual([]);
  });
});
