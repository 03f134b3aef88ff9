/**
 * EventStoreDB adapter benchmark: src/eventstore/esdb.ts through the unmodified @eventstore/db-client,
 * against the in-memory EventStoreDB-protocol test server (tests/support/esdb-test-server.ts) on
 * loopback, with the client's Append path and its BatchAppend path. These figures measure OUR CLIENT PATH
 * (adapter, client, gRPC, protobuf, loopback), not EventStoreDB: the server keeps everything in memory and
 * never touches a disk. Prints figures; asserts nothing about time.
 */
import { randomUUID } from 'node:crypto';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createEsdbEventStore } from '../src/eventstore/esdb.js';
import type { EventStore, NewEvent } from '../src/eventstore/types.js';
import { startEsdbTestServer } from '../tests/support/esdb-test-server.js';
import {
  type BenchOptions,
  type BenchReport,
  formatRate,
  type Measurement,
  measured,
  medianOf,
  type RunSample,
  stopwatch,
  type Table,
} from './support.js';

const UNIT = 'events/s';
const serverRole = 'esdb-test-server';
const BATCH = 100;
const IN_FLIGHT = 50;

interface Sizes {
  runs: number;
  singleAppends: number;
  batches: number;
  allEvents: number;
}

const sizesFor = (quick: boolean): Sizes =>
  quick
    ? { runs: 1, singleAppends: 100, batches: 5, allEvents: 2_000 }
    : { runs: 3, singleAppends: 2_000, batches: 100, allEvents: 20_000 };

const caseEvent = (sequence: number): NewEvent => ({
  type: 'CaseNoteAdded',
  data: { caseId: randomUUID(), sequence, note: 'Visited the family; home education is suitable.' },
  metadata: {
    actor: 'officer-1',
    role: 'officer',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
  },
});
const batchOf = (from: number) => Array.from({ length: BATCH }, (_, i) => caseEvent(from + i));

/**
 * The test server runs in a worker thread (this same file, see the bottom), so its protobuf work does not
 * share the event loop with the client path being measured.
 */
async function startServerThread(batchAppend: boolean) {
  // Run from TypeScript (npm run bench uses tsx), the worker registers tsx's loader before loading us.
  const entry = import.meta.url.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
      `.then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`
    : `import(${JSON.stringify(import.meta.url)})`;
  const worker = new Worker(entry, { eval: true, workerData: { role: serverRole, batchAppend } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (message: unknown) => resolve(Number(message)));
    worker.once('error', reject);
  });
  return { connectionString: `esdb://127.0.0.1:${port}?tls=false`, stop: () => worker.terminate() };
}

/** A fresh server and store per run, so no run pays for another's data; setup is not timed. */
async function withStore(batchAppend: boolean, body: (store: EventStore) => Promise<RunSample>) {
  const server = await startServerThread(batchAppend);
  const store = createEsdbEventStore({ connectionString: server.connectionString, deadlineMs: 30_000 });
  try {
    // Each run's server thread starts cold: warm both sides' JIT on every kind of call before timing.
    for (let i = 0; i < 200; i++) await store.append(`warm-${randomUUID()}`, [caseEvent(i)], 'no_stream');
    for (let b = 0; b < 20; b++) await store.append(`warm-${randomUUID()}`, batchOf(b * BATCH), 'no_stream');
    for await (const _ of store.readAll({ maxCount: 5_000 })) {
      // drained only to warm the read path
    }
    return await body(store);
  } finally {
    await store.close();
    await server.stop();
  }
}

type Workload = { id: string; label: string; run: (store: EventStore, sizes: Sizes) => Promise<RunSample> };

const workloads: Workload[] = [
  {
    id: 'single-own-streams-sequential',
    label: 'single-event appends, own streams, one at a time',
    async run(store, { singleAppends }) {
      const timer = stopwatch();
      for (let i = 0; i < singleAppends; i++)
        await store.append(`ehe-${randomUUID()}`, [caseEvent(i)], 'no_stream');
      return { count: singleAppends, seconds: timer.seconds() };
    },
  },
  {
    id: 'single-own-streams-concurrent',
    label: `single-event appends, own streams, ${IN_FLIGHT} in flight`,
    async run(store, { singleAppends }) {
      let next = 0;
      const worker = async () => {
        while (next < singleAppends) {
          const i = next++;
          await store.append(`ehe-${randomUUID()}`, [caseEvent(i)], 'no_stream');
        }
      };
      const timer = stopwatch();
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      return { count: singleAppends, seconds: timer.seconds() };
    },
  },
  {
    id: 'single-hot-stream',
    label: 'single-event appends, one hot stream, exact revisions',
    async run(store, { singleAppends }) {
      const stream = `ehe-${randomUUID()}`;
      const timer = stopwatch();
      for (let i = 0; i < singleAppends; i++) {
        await store.append(stream, [caseEvent(i)], i === 0 ? 'no_stream' : BigInt(i - 1));
      }
      return { count: singleAppends, seconds: timer.seconds() };
    },
  },
  {
    id: 'batch100-own-streams',
    label: `${BATCH}-event appends, own streams`,
    async run(store, { batches }) {
      const timer = stopwatch();
      for (let b = 0; b < batches; b++)
        await store.append(`ehe-${randomUUID()}`, batchOf(b * BATCH), 'no_stream');
      return { count: batches * BATCH, seconds: timer.seconds() };
    },
  },
  {
    id: 'batch100-hot-stream',
    label: `${BATCH}-event appends, one hot stream`,
    async run(store, { batches }) {
      const stream = `ehe-${randomUUID()}`;
      const timer = stopwatch();
      for (let b = 0; b < batches; b++) {
        await store.append(stream, batchOf(b * BATCH), b === 0 ? 'no_stream' : BigInt(b * BATCH - 1));
      }
      return { count: batches * BATCH, seconds: timer.seconds() };
    },
  },
  {
    id: 'read-all',
    label: '$all read, forwards, whole log',
    async run(store, { allEvents }) {
      const seed: Promise<unknown>[] = [];
      for (let b = 0; b < allEvents / BATCH; b++) {
        seed.push(store.append(`ehe-${randomUUID()}`, batchOf(b * BATCH), 'no_stream'));
      }
      await Promise.all(seed);
      const timer = stopwatch();
      let count = 0;
      for await (const _ of store.readAll()) count++;
      return { count, seconds: timer.seconds() };
    },
  },
];

export async function benchEsdb(options: BenchOptions): Promise<BenchReport> {
  const sizes = sizesFor(options.quick);
  const measurements: Measurement[] = [];
  const rows: string[][] = [];
  for (const workload of workloads) {
    const row = [workload.label];
    for (const batchAppend of [false, true]) {
      const path = batchAppend ? 'batchappend' : 'append';
      options.log(`esdb (test server, ${path}): ${workload.label}`);
      const timing = await medianOf(sizes.runs, () =>
        withStore(batchAppend, (store) => workload.run(store, sizes)),
      );
      const measurement = measured(
        `esdb-${path}-${workload.id}`,
        `${workload.label} (${path})`,
        UNIT,
        timing,
      );
      measurements.push(measurement);
      row.push(formatRate(measurement.median));
    }
    rows.push(row);
  }
  const notice =
    'Measures our client path (adapter + @eventstore/db-client + gRPC on loopback) against an in-memory ' +
    'test server in a worker thread, NOT EventStoreDB: a real server adds disk writes, indexing and replication.';
  const table: Table = {
    title: `EventStoreDB adapter against the in-memory test server, ${UNIT} (median of ${sizes.runs})`,
    headers: ['workload', 'Append path', 'BatchAppend path'],
    rows,
    notes: [notice],
  };
  return {
    name: 'eventstore-esdb',
    quick: options.quick,
    settings: {
      server: 'tests/support/esdb-test-server.ts (in memory, worker thread, loopback)',
      client: '@eventstore/db-client 6.2.1',
      runs: sizes.runs,
      singleAppends: sizes.singleAppends,
      batchesOf100: sizes.batches,
      allEvents: sizes.allEvents,
      inFlight: IN_FLIGHT,
    },
    measurements,
    tables: [table],
    notes: [notice],
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
if (!isMainThread && isRecord(workerData) && workerData.role === serverRole) {
  const server = await startEsdbTestServer({ batchAppend: workerData.batchAppend === true });
  parentPort?.postMessage(server.port);
}
