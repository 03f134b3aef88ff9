/**
 * The API under load (autocannon over a real socket, the server in its own process): a referral + command
 * mix, and caseload and dashboard reads, on a SQLite file holding a synthetic council (bench/council.ts),
 * beside a bare Fastify route returning a constant (the baseline), round after round; medians of the rounds.
 * Prints req/s and p50/p99; asserts nothing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { mintToken } from '../src/api/plugins/auth.js';
import { loadConfig } from '../src/config.js';
import { londonDate } from '../src/domain/calendar/index.js';
import { createSqliteEventStore } from '../src/eventstore/sqlite.js';
import { createProjections } from '../src/projections/index.js';
import { councilTeam } from '../src/seed/council.js';
import { BENCH_SECRET } from './api-server.js';
import { councilFile } from './council.js';
import { type BenchOptions, type BenchReport, type Measurement, median, type Table } from './support.js';

const CONNECTIONS = 10;

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx, by status, and connection errors: contention (409) is told from mistakes. */
  failures: Record<string, number>;
}

function load(options: autocannon.Options): Promise<Figures> {
  const failures: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      if (result.errors > 0) failures.connection = result.errors;
      resolve({
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        failures,
      });
    });
    instance.on('response', (_client, statusCode) => {
      if (statusCode >= 300) failures[statusCode] = (failures[String(statusCode)] ?? 0) + 1;
    });
  });
}

/** Starts bench/api-server.ts and resolves with its base URL once it listens. */
async function startServer(args: string[]): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/api-server.ts', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`bench/api-server.ts ${args[0]} exited with ${code} before listening`);
  });
  const listening = (async () => {
    for await (const line of lines) return JSON.parse(line) as { port: number };
    throw new Error('bench/api-server.ts closed its output');
  })();
  const { port } = await Promise.race([listening, exited]);
  return { url: `http://127.0.0.1:${port}`, process: child };
}

async function stopServer(server: { process: ChildProcess } | undefined): Promise<void> {
  if (!server || server.process.exitCode !== null) return;
  const exited = once(server.process, 'exit');
  server.process.kill('SIGTERM');
  await exited;
}

/** The busiest officer, and every open EHE case with the officer who holds it, read from the views. */
async function targets(path: string) {
  const store = createSqliteEventStore({ path });
  const projections = createProjections(store, { exportMetrics: false });
  try {
    await projections.start();
    const caseloads = councilTeam.officers.map((officerId) => ({
      officerId,
      cases: projections.caseload.forOfficer(officerId),
    }));
    const busiest = caseloads.reduce((a, b) => (b.cases.length > a.cases.length ? b : a));
    const eheCases = caseloads.flatMap(({ officerId, cases }) =>
      cases.filter((c) => c.caseType === 'ehe').map((c) => ({ caseId: c.caseId, officerId })),
    );
    return { busiest: { officerId: busiest.officerId, cases: busiest.cases.length }, eheCases };
  } finally {
    await projections.close();
    await store.close();
  }
}

const referral = (i: number, receivedOn: string) => ({
  caseId: randomUUID(),
  receivedOn,
  source: 'parent',
  child: {
    givenName: `Bench${i}`,
    familyName: `Family${i}`,
    dateOfBirth: `20${12 + (i % 7)}-0${1 + (i % 9)}-1${i % 9}`,
    sex: i % 2 ? 'F' : 'M',
    address: { lines: [`${i} High Street`], town: 'Southampton', postcode: 'SO14 7LY' },
  },
  previousSchoolType: 'academy',
  eheStartDate: receivedOn,
  primaryReason: { code: 'mental_health' },
});

export async function benchApi(options: BenchOptions): Promise<BenchReport> {
  const { log } = options;
  const totalCases = options.quick ? 300 : 20_000;
  const rounds = options.quick ? 1 : 3;
  const duration = options.quick ? 2 : 10;
  const council = await councilFile({ totalCases, dir: options.tmpDir, log });
  const { busiest, eheCases } = await targets(council.path);
  if (eheCases.length === 0) throw new Error('the council has no open allocated EHE case to write to');
  const config = loadConfig({ SQLITE_PATH: council.path, AUTH_SECRET: BENCH_SECRET });
  const today = londonDate(new Date());
  const manager = `Bearer ${await mintToken(config, { sub: councilTeam.manager, role: 'manager' })}`;
  const officerTokens = new Map<string, string>();
  for (const officerId of councilTeam.officers) {
    officerTokens.set(officerId, `Bearer ${await mintToken(config, { sub: officerId, role: 'officer' })}`);
  }
  const json = { 'content-type': 'application/json' };
  let next = 0;
  const contact = (request: autocannon.Request): autocannon.Request => {
    const target = eheCases[Math.floor(Math.random() * eheCases.length)]!;
    return {
      ...request,
      path: `/v1/cases/${target.caseId}/contacts`,
      headers: { ...json, authorization: officerTokens.get(target.officerId)! },
      body: JSON.stringify({ attemptedOn: today, method: 'letter', outcome: 'no_reply' }),
    };
  };

  const scenarios: { id: string; label: string; options: (url: string) => autocannon.Options }[] = [
    {
      id: 'caseload-reads',
      label: `caseload reads (${busiest.cases} open cases, first 100)`,
      options: (url) => ({
        url,
        requests: [
          { method: 'GET', path: `/v1/caseloads/${busiest.officerId}`, headers: { authorization: manager } },
        ],
      }),
    },
    {
      id: 'dashboard-reads',
      label: 'dashboard reads',
      options: (url) => ({
        url,
        requests: [{ method: 'GET', path: '/v1/dashboard', headers: { authorization: manager } }],
      }),
    },
    {
      id: 'writes',
      label: 'referral + 3 contact attempts',
      options: (url) => ({
        url,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => ({
              ...request,
              path: '/v1/ehe-cases',
              headers: { ...json, authorization: manager },
              body: JSON.stringify(referral(next++, today)),
            }),
          },
          { method: 'POST', setupRequest: contact },
          { method: 'POST', setupRequest: contact },
          { method: 'POST', setupRequest: contact },
        ],
      }),
    },
  ];

  const samples = new Map<string, Figures[]>();
  const record = (id: string, figures: Figures) => samples.set(id, [...(samples.get(id) ?? []), figures]);
  let bare: { url: string; process: ChildProcess } | undefined;
  let app: { url: string; process: ChildProcess } | undefined;
  try {
    bare = await startServer(['bare']);
    app = await startServer(['sightline', council.path]);
    for (let round = 1; round <= rounds; round++) {
      log(`round ${round} of ${rounds}: bare Fastify, then ${scenarios.map((s) => s.id).join(', ')}`);
      record('bare-fastify', await load({ url: `${bare.url}/constant`, connections: CONNECTIONS, duration }));
      for (const scenario of scenarios) {
        record(scenario.id, await load({ ...scenario.options(app.url), connections: CONNECTIONS, duration }));
      }
    }
  } finally {
    await stopServer(app);
    await stopServer(bare);
  }

  const summary = (id: string) => {
    const runs = samples.get(id) ?? [];
    const failures: Record<string, number> = {};
    for (const run of runs)
      for (const [status, count] of Object.entries(run.failures))
        failures[status] = (failures[status] ?? 0) + count;
    return {
      runs,
      requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      failures,
    };
  };
  const baseline = summary('bare-fastify');
  const rows = [{ id: 'bare-fastify', label: 'bare Fastify constant' }, ...scenarios].map((scenario) => {
    const figures = summary(scenario.id);
    return { ...scenario, figures };
  });
  const table: Table = {
    title: `API under autocannon: ${CONNECTIONS} connections, ${duration} s a run, median of ${rounds} round(s), on a council of ${(council.seeded.eheCases + council.seeded.cmeCases).toLocaleString('en-GB')} cases (${council.seeded.events.toLocaleString('en-GB')} events)`,
    headers: ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'ratio to bare Fastify', 'not 2xx'],
    rows: rows.map(({ label, figures }) => [
      label,
      figures.requestsPerSecond.toFixed(0),
      figures.p50.toFixed(1),
      figures.p99.toFixed(1),
      (figures.requestsPerSecond / baseline.requestsPerSecond).toFixed(3),
      Object.keys(figures.failures).length ? JSON.stringify(figures.failures) : '0',
    ]),
  };
  const measurements: Measurement[] = rows.map(({ id, label, figures }) => {
    const rates = figures.runs.map((r) => r.requestsPerSecond);
    return {
      id,
      label,
      unit: 'req/s',
      runs: rates.length,
      median: figures.requestsPerSecond,
      min: Math.min(...rates),
      max: Math.max(...rates),
    };
  });
  return {
    name: 'api',
    quick: options.quick,
    settings: {
      cases: council.seeded.eheCases + council.seeded.cmeCases,
      events: council.seeded.events,
      connections: CONNECTIONS,
      durationSeconds: duration,
      rounds,
      store: 'sqlite file, WAL, synchronous=FULL',
      accessLog: true,
    },
    measurements,
    tables: [table],
    notes: [
      'The server runs in its own process, autocannon in this one; on a 2-core machine they share the cores.',
      'Every read of case data by a person appends an access-log event (and waits for its fsync) first.',
      'Writes wait for the views to apply them (read-your-writes) before answering.',
    ],
  };
}
