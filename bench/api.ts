/**
 * The API under load (autocannon over a real socket): a referral + command mix, and caseload/dashboard reads,
 * on a store holding a synthetic council, beside a bare Fastify route returning a constant in the same run
 * (the baseline ratio). Prints req/s and p50/p99; asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { mintToken } from '../src/api/auth.js';
import { buildApp } from '../src/api/server.js';
import { loadConfig } from '../src/config.js';
import { londonDate } from '../src/domain/calendar/index.js';
import { decideContext } from '../src/domain/context.js';
import type { EheCommand } from '../src/domain/ehe/index.js';
import { eheCodec, eheDecider } from '../src/domain/ehe/index.js';
import { defaultPolicy } from '../src/domain/policy.js';
import { handle } from '../src/eventstore/handle.js';
import { createSqliteEventStore } from '../src/eventstore/sqlite.js';
import type { EventStore } from '../src/eventstore/types.js';
import { createProjections } from '../src/projections/index.js';
import type { BenchReport, Measurement, Table } from './support.js';

const SECRET = 'bench-secret-bench-secret-bench-secret-42';
const OFFICERS = 12;

const child = (i: number) => ({
  givenName: `Child${i}`,
  familyName: `Family${i}`,
  dateOfBirth: `20${12 + (i % 7)}-0${1 + (i % 9)}-1${i % 9}`,
  sex: i % 2 ? 'F' : 'M',
  address: { lines: [`${i} High Street`], town: 'Southampton', postcode: 'SO14 7LY' },
});

const referral = (caseId: string, i: number, receivedOn: string) => ({
  caseId,
  receivedOn,
  source: 'parent',
  child: child(i),
  previousSchoolType: 'academy',
  eheStartDate: receivedOn,
  primaryReason: { code: 'mental_health' },
});

/** A small council: EHE cases referred, most allocated, some contacted; enough for caseloads to be real. */
async function seedCouncil(store: EventStore, cases: number, today: string): Promise<string[]> {
  const ids: string[] = [];
  const run = (caseId: string, command: EheCommand, role: 'manager' | 'officer', actor: string) =>
    handle(
      store,
      { decider: eheDecider, codec: eheCodec },
      `ehe-${caseId}`,
      command,
      { actor, role, correlationId: caseId, causationId: caseId },
      decideContext(new Date(), defaultPolicy, { id: actor, role }),
    );
  for (let i = 0; i < cases; i++) {
    const caseId = randomUUID();
    ids.push(caseId);
    await run(
      caseId,
      { type: 'ReceiveEheReferral', data: referral(caseId, i, today) } as EheCommand,
      'manager',
      'seed',
    );
    if (i % 5 === 0) continue; // a fifth stay unallocated
    const officerId = `officer-${i % OFFICERS}`;
    await run(caseId, { type: 'AllocateCase', data: { officerId, allocatedOn: today } }, 'manager', 'seed');
    if (i % 3 === 0) {
      await run(
        caseId,
        {
          type: 'RecordContactAttempt',
          data: { attemptedOn: today, method: 'phone', outcome: 'contact_made' },
        },
        'officer',
        officerId,
      );
    }
  }
  return ids;
}

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Non-2xx answers by status, to tell contention (409) from mistakes. */
  statuses: Record<string, number>;
}

function load(options: autocannon.Options): Promise<Figures> {
  const statuses: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      resolve({
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.non2xx,
        statuses,
      });
    });
    instance.on('response', (_client, statusCode) => {
      if (statusCode >= 300) statuses[statusCode] = (statusCodes(statuses, statusCode) ?? 0) + 1;
    });
  });
}

const statusCodes = (statuses: Record<string, number>, code: number) => statuses[String(code)];

export async function benchApi(options: {
  quick: boolean;
  log?: (line: string) => void;
}): Promise<BenchReport> {
  const log = options.log ?? (() => {});
  const cases = options.quick ? 300 : 5000;
  const duration = options.quick ? 2 : 10;
  const connections = 10;
  const config = loadConfig({ LOG_LEVEL: 'silent', SQLITE_PATH: ':memory:', AUTH_SECRET: SECRET });
  const store = createSqliteEventStore({ path: ':memory:' });
  const today = londonDate(new Date());
  log(`seeding ${cases} EHE cases`);
  const caseIds = await seedCouncil(store, cases, today);
  const projections = createProjections(store, { exportMetrics: false });
  await projections.start();
  const app = await buildApp({ config, store, projections, limits: { requestsPerMinute: 10_000_000 } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const baseline = Fastify();
  baseline.get('/constant', async () => ({ status: 'ok' }));
  await baseline.listen({ host: '127.0.0.1', port: 0 });
  const url = (server: { server: { address(): AddressInfo | string | null } }) =>
    `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

  const manager = `Bearer ${await mintToken(config, { sub: 'mary', role: 'manager' })}`;
  const officers = await Promise.all(
    Array.from({ length: OFFICERS }, (_, i) => mintToken(config, { sub: `officer-${i}`, role: 'officer' })),
  );
  const allocated = caseIds.filter((_, i) => i % 5 !== 0);
  let next = cases;
  const json = { 'content-type': 'application/json' };

  try {
    log('baseline: bare Fastify route');
    const bare = await load({ url: `${url(baseline)}/constant`, connections, duration });
    log('reads: caseloads, then the dashboard');
    const caseloads = await load({
      url: url(app),
      connections,
      duration,
      requests: [{ method: 'GET', path: '/v1/caseloads/officer-3', headers: { authorization: manager } }],
    });
    const dashboard = await load({
      url: url(app),
      connections,
      duration,
      requests: [{ method: 'GET', path: '/v1/dashboard', headers: { authorization: manager } }],
    });
    log('writes: one referral to three contact attempts');
    const contact = (request: autocannon.Request): autocannon.Request => {
      const index = Math.floor(Math.random() * allocated.length);
      const officer = ((caseIds.indexOf(allocated[index] ?? '') % OFFICERS) + OFFICERS) % OFFICERS;
      return {
        ...request,
        path: `/v1/cases/${allocated[index]}/contacts`,
        headers: { ...json, authorization: `Bearer ${officers[officer]}` },
        body: JSON.stringify({ attemptedOn: today, method: 'letter', outcome: 'no_reply' }),
      };
    };
    const writes = await load({
      url: url(app),
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          path: '/v1/ehe-cases',
          setupRequest: (request) => ({
            ...request,
            headers: { ...json, authorization: manager },
            body: JSON.stringify(referral(randomUUID(), next++, today)),
          }),
        },
        { method: 'POST', setupRequest: contact },
        { method: 'POST', setupRequest: contact },
        { method: 'POST', setupRequest: contact },
      ],
    });

    const row = (label: string, figures: Figures): string[] => [
      label,
      figures.requestsPerSecond.toFixed(0),
      figures.p50.toFixed(1),
      figures.p99.toFixed(1),
      (figures.requestsPerSecond / bare.requestsPerSecond).toFixed(3),
      `${figures.errors}${Object.keys(figures.statuses).length ? ` ${JSON.stringify(figures.statuses)}` : ''}`,
    ];
    const table: Table = {
      title: `API under autocannon (${connections} connections, ${duration} s each, ${cases} cases seeded)`,
      headers: ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'ratio to bare Fastify', 'errors + non-2xx'],
      rows: [
        row('bare Fastify constant', bare),
        row('caseload reads', caseloads),
        row('dashboard reads', dashboard),
        row('referral + command mix', writes),
      ],
    };
    const measurement = (id: string, label: string, figures: Figures): Measurement => ({
      id,
      label,
      unit: 'req/s',
      runs: 1,
      median: figures.requestsPerSecond,
      min: figures.requestsPerSecond,
      max: figures.requestsPerSecond,
    });
    return {
      name: 'api',
      quick: options.quick,
      settings: { cases, connections, durationSeconds: duration, store: 'sqlite :memory:', accessLog: true },
      measurements: [
        measurement('bare-fastify', 'bare Fastify constant', bare),
        measurement('caseload-reads', 'caseload reads', caseloads),
        measurement('dashboard-reads', 'dashboard reads', dashboard),
        measurement('writes', 'referral + command mix', writes),
      ],
      tables: [table],
      notes: [
        'Every read of case data by a person appends an access-log event first, so reads are writes too;',
        'each append moves the global position, which is what the dashboard cache is keyed on.',
        'Writes wait for the views to apply them (read-your-writes) before answering.',
      ],
    };
  } finally {
    await app.close();
    await baseline.close();
    await projections.close();
    await store.close();
  }
}

// `npx tsx bench/api.ts` runs it alone and prints the table.
if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = ['1', 'true', 'yes'].includes((process.env.BENCH_QUICK ?? '').toLowerCase());
  const report = await benchApi({ quick, log: (line) => console.log(line) });
  for (const table of report.tables) {
    console.log(`\n${table.title}`);
    console.log([table.headers, ...table.rows].map((row) => row.join(' | ')).join('\n'));
  }
}
