/**
 * Event store benchmark: our SQLite store (src/eventstore/sqlite.ts) against the physical limit of bare
 * better-sqlite3 and against Emmett's SQLite event store (@event-driven-io/emmett-sqlite 0.38.5, on the
 * `sqlite3` driver), on the same workloads in the same run. Prints figures; asserts nothing about time.
 *
 * Every write states its expected revision. Emmett 0.38.5 does not enforce `no_stream`/`stream_exists`,
 * but it does enforce an exact version, so the shared workload states exact positions only: a new
 * stream is `no_stream` for us and version 0n for Emmett (both reject an existing stream), and an
 * existing stream of n events is revision n-1 for us (0-based, the revision of the last event) and
 * version n for Emmett (its versions count events).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Event } from '@event-driven-io/emmett';
import {
  appendToStream,
  createEventStoreSchema,
  getSQLiteEventStore,
  readMessagesBatch,
  type SQLiteConnection,
  type SQLiteEventStore,
  sqliteConnection,
} from '@event-driven-io/emmett-sqlite';
import Database from 'better-sqlite3';
import { EventStoreUnavailableError } from '../src/eventstore/errors.js';
import { createSqliteEventStore } from '../src/eventstore/sqlite.js';
import type { EventStore } from '../src/eventstore/types.js';
import {
  type BenchOptions,
  type BenchReport,
  formatRate,
  formatRatio,
  type Measurement,
  measured,
  medianOf,
  notMeasured,
  type RunSample,
  stopwatch,
  type Table,
  type Timing,
} from './support.js';

/** `emmett-kept-open`: Emmett's exported appendToStream() on one long-lived connection (not its store API). */
type Side = 'ours' | 'emmett' | 'emmett-kept-open';
type Location = 'file' | 'memory';

type BenchData = { caseId: string; sequence: number; note: string };
type BenchMetadata = {
  actor: string;
  role: string;
  correlationId: string;
  causationId: string;
  occurredAt: string;
  schemaVersion: number;
};
/** One event shape both stores accept: our NewEvent (without id: the store makes one) and Emmett's Event. */
type BenchEvent = Event<'CaseNoteAdded', BenchData, BenchMetadata>;

const UNIT = 'events/s';
const BATCH = 100;
const SEED_BATCH = 1000;
/** Our seeding keeps this many 1,000-event appends in flight, so group commit writes them together. */
const SEED_IN_FLIGHT = 20;
const READ_PAGE = 2000;

interface Sizes {
  runs: number;
  /** Failed runs (an append failed) tolerated per figure, each run again, before it is reported as n/a. */
  maxFailedRuns: number;
  /** Runs of the long figures (a full $all read or catch-up). */
  longRuns: number;
  singleAppends: number;
  batches: number;
  concurrentEvents: number;
  allEvents: number;
  /** Emmett's log for the read figures: the same as ours, except in quick mode (time, not a comparison). */
  emmettAllEvents: number;
  /** Emmett's consumer catches up at a few thousand events/s here: it is timed over the log's first events. */
  emmettCatchUpEvents: number;
}

const sizesFor = (quick: boolean): Sizes =>
  quick
    ? {
        runs: 3,
        maxFailedRuns: 0,
        longRuns: 1,
        singleAppends: 20,
        batches: 5,
        concurrentEvents: 100,
        allEvents: 200_000,
        emmettAllEvents: 40_000,
        emmettCatchUpEvents: 5_000,
      }
    : {
        runs: 5,
        maxFailedRuns: 3,
        longRuns: 3,
        singleAppends: 1000,
        batches: 100,
        concurrentEvents: 2000,
        allEvents: 1_000_000,
        emmettAllEvents: 1_000_000,
        emmettCatchUpEvents: 50_000,
      };

const benchEvent = (caseNumber: number, sequence: number): BenchEvent => ({
  type: 'CaseNoteAdded',
  data: {
    caseId: `ehe-${caseNumber}`,
    sequence,
    note: 'Visited the family; the education provision was discussed and a follow-up agreed.',
  },
  metadata: {
    actor: 'officer-0042',
    role: 'officer',
    correlationId: `correlation-${caseNumber}-${sequence}`,
    causationId: `command-${caseNumber}-${sequence}`,
    occurredAt: '2026-11-20T10:30:00.000Z',
    schemaVersion: 1,
  },
});

const events = (caseNumber: number, count: number, from = 0): BenchEvent[] =>
  Array.from({ length: count }, (_, i) => benchEvent(caseNumber, from + i));

const removeDatabase = (path: string) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
};

/** The one operation both stores share, with the expected position stated exactly. */
interface AppendTarget {
  /** `length`: how many events the stream holds now (0: it does not exist yet). */
  append(stream: string, batch: BenchEvent[], length: number): Promise<void>;
  close(): Promise<void>;
}

const oursTarget = (store: EventStore): AppendTarget => ({
  async append(stream, batch, length) {
    await store.append(stream, batch, length === 0 ? 'no_stream' : BigInt(length - 1));
  },
  close: () => store.close(),
});

const emmettTarget = (store: SQLiteEventStore): AppendTarget => ({
  async append(stream, batch, length) {
    await store.appendToStream(stream, batch, { expectedStreamVersion: BigInt(length) });
  },
  // Emmett 0.38.5's store has no close(); a file store closes its connection after every operation.
  close: async () => {},
});

/** Emmett's streamType, derived from the stream name as its store does. */
const streamTypeOf = (stream: string): string => {
  const [first, ...rest] = stream.split('-');
  return first && rest.length > 0 ? first : 'emt:unknown';
};

/**
 * Emmett's own append (the exported appendToStream its store calls) on one connection kept open, to show
 * what its store loses by opening and closing a connection around every operation.
 */
const emmettKeptOpenTarget = (connection: SQLiteConnection): AppendTarget => {
  let schema: Promise<void> | null = null;
  return {
    async append(stream, batch, length) {
      schema ??= createEventStoreSchema(connection);
      await schema;
      const result = await appendToStream(connection, stream, streamTypeOf(stream), batch, {
        expectedStreamVersion: BigInt(length),
      });
      if (!result.success) throw new Error(`Emmett refused the append to ${stream} at version ${length}`);
    },
    close: async () => connection.close(),
  };
};

/** A transient "try again" from either store: SQLite busy (Emmett passes sqlite3's error through) or ours. */
const isBusy = (error: unknown): boolean =>
  error instanceof EventStoreUnavailableError ||
  (typeof error === 'object' && error !== null && 'code' in error && error.code === 'SQLITE_BUSY');

/** Appends BUSY_RETRIES may be retried on a transient busy error, as any caller would; each retry is counted. */
const BUSY_RETRIES = 3;

const retryingBusy = (target: AppendTarget, onRetry: () => void): AppendTarget => ({
  async append(stream, batch, length) {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await target.append(stream, batch, length);
        return;
      } catch (error) {
        // A busy commit was rolled back, so the same append at the same expected version is safe to retry:
        // had it been written, the retry would fail with a version conflict and the run be discarded.
        if (attempt >= BUSY_RETRIES || !isBusy(error)) throw error;
        onRetry();
      }
    }
  },
  close: () => target.close(),
});

/**
 * Emmett logs every failed transaction with console.log(error) before rethrowing it. Keep those out of
 * the bench output, and count them instead.
 */
async function withEmmettLogsCounted<T>(work: () => Promise<T>): Promise<{ result: T; logged: number }> {
  const original = console.log;
  let logged = 0;
  console.log = (...args: unknown[]) => {
    if (args[0] instanceof Error) logged += 1;
    else original(...args);
  };
  try {
    return { result: await work(), logged };
  } finally {
    console.log = original;
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** ["a", "a", "b"] → "a (x2), b (x1)" */
const summarise = (messages: string[]): string => {
  const counts = new Map<string, number>();
  for (const message of messages) counts.set(message, (counts.get(message) ?? 0) + 1);
  return [...counts].map(([message, n]) => `${message} (x${n})`).join(', ');
};

interface AttemptSample extends RunSample {
  /** Set when the run did not complete (an append failed): the run is discarded. */
  failure?: string;
}

interface Attempts {
  timing: Timing | null;
  failures: string[];
}

class TooManyFailedRuns extends Error {}

/** The median of `runs` complete runs; a failed run is discarded and run again, up to `maxFailed` times. */
async function cleanMedian(
  runs: number,
  maxFailed: number,
  once: (attempt: number) => Promise<AttemptSample>,
): Promise<Attempts> {
  const failures: string[] = [];
  let attempt = 0;
  try {
    const timing = await medianOf(runs, async () => {
      for (;;) {
        const sample = await once(attempt);
        attempt += 1;
        if (sample.failure === undefined) return sample;
        failures.push(sample.failure);
        if (failures.length > maxFailed) throw new TooManyFailedRuns();
      }
    });
    return { timing, failures };
  } catch (error) {
    if (error instanceof TooManyFailedRuns) return { timing: null, failures };
    throw error;
  }
}

export async function benchEventStore(options: BenchOptions): Promise<BenchReport> {
  const sizes = sizesFor(options.quick);
  const measurements: Measurement[] = [];
  const notes: string[] = [];
  const { log, tmpDir } = options;
  let fileCounter = 0;
  const freshFile = (label: string) => {
    fileCounter += 1;
    return join(tmpDir, `${label}-${fileCounter}.db`);
  };

  const record = (measurement: Measurement) => {
    measurements.push(measurement);
    const figure =
      measurement.median === null
        ? `n/a (${measurement.note ?? 'not measured'})`
        : `${formatRate(measurement.median)} ${measurement.unit}`;
    log(`  ${measurement.label}: ${figure}${measurement.runs > 0 ? ` [${measurement.runs} runs]` : ''}`);
  };

  /** Busy retries since the last figure was recorded (see retryingBusy). */
  let busyRetries = 0;
  const countRetry = () => {
    busyRetries += 1;
  };

  const open = (side: Side, location: Location): { target: AppendTarget; path: string | null } => {
    const path = location === 'file' ? freshFile(side) : null;
    const name = path ?? ':memory:';
    const target =
      side === 'ours'
        ? oursTarget(createSqliteEventStore({ path: name }))
        : side === 'emmett-kept-open'
          ? emmettKeptOpenTarget(sqliteConnection({ fileName: name }))
          : emmettTarget(getSQLiteEventStore({ fileName: name }));
    return { target: retryingBusy(target, countRetry), path };
  };

  /** Times one sequential workload on a fresh store per run; a run in which an append failed is discarded. */
  const sequential = (side: Side, location: Location, work: (target: AppendTarget) => Promise<number>) =>
    cleanMedian(sizes.runs, sizes.maxFailedRuns, async (): Promise<AttemptSample> => {
      const { target, path } = open(side, location);
      try {
        // The first write creates Emmett's schema lazily; keep that out of the timing on both sides.
        await target.append('warmup-0', events(0, 1), 0);
        const watch = stopwatch();
        const count = await work(target);
        return { count, seconds: watch.seconds() };
      } catch (error) {
        return { count: 0, seconds: 0, failure: messageOf(error) };
      } finally {
        await target.close();
        if (path) removeDatabase(path);
      }
    });

  const recordAttempts = (id: string, label: string, attempts: Attempts, logged: number) => {
    const retryNote =
      busyRetries > 0
        ? ` ${busyRetries} append(s) hit SQLITE_BUSY ("cannot commit transaction - SQL statements in progress" or similar) and were retried (counted over all runs; retry time is included).`
        : '';
    busyRetries = 0;
    const logNote = `${retryNote}${logged > 0 ? ` Emmett logged ${logged} errors with console.log.` : ''}`;
    const [first] = attempts.failures;
    if (attempts.timing === null) {
      const runsFailed =
        attempts.failures.length === 1 ? 'the only run' : `all ${attempts.failures.length} runs`;
      const why = `${runsFailed} failed, the first with: ${first ?? '?'}.${logNote}`;
      record(notMeasured(id, label, UNIT, why));
      return;
    }
    const measurement = measured(id, label, UNIT, attempts.timing);
    if (first !== undefined) {
      measurement.note = `${attempts.failures.length} failed run(s) discarded and run again, the first with: ${first}.${logNote}`;
    } else if (logNote !== '') {
      measurement.note = logNote.trim();
    }
    record(measurement);
  };

  const singles = events(1, sizes.singleAppends).map((event) => [event]);
  const batches = Array.from({ length: sizes.batches }, (_, b) => events(2, BATCH, b * BATCH));

  const workloads: { key: string; label: string; work: (target: AppendTarget) => Promise<number> }[] = [
    {
      key: 'single-own',
      label: 'single-event appends, each to its own new stream',
      work: async (target) => {
        for (const [i, batch] of singles.entries()) await target.append(`own-${i}`, batch, 0);
        return singles.length;
      },
    },
    {
      key: 'single-hot',
      label: 'single-event appends to one hot stream',
      work: async (target) => {
        for (const [i, batch] of singles.entries()) await target.append('hot-1', batch, i);
        return singles.length;
      },
    },
    {
      key: 'batch-own',
      label: `${BATCH}-event batches, each to its own new stream`,
      work: async (target) => {
        for (const [b, batch] of batches.entries()) await target.append(`own-${b}`, batch, 0);
        return batches.length * BATCH;
      },
    },
    {
      key: 'batch-hot',
      label: `${BATCH}-event batches to one hot stream`,
      work: async (target) => {
        for (const [b, batch] of batches.entries()) await target.append('hot-1', batch, b * BATCH);
        return batches.length * BATCH;
      },
    },
  ];

  // ---- Physical limit: bare better-sqlite3, same pragmas --------------------------------------------------
  log('Physical limit: bare better-sqlite3 inserts, WAL + synchronous=FULL, temp file');
  const bareSettings: Record<string, string> = {};
  const bare = async (perTransaction: number, totalEvents: number) =>
    medianOf(sizes.runs, async () => {
      const path = freshFile('bare');
      const db = new Database(path);
      try {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
        bareSettings.journal_mode = String(db.pragma('journal_mode', { simple: true }));
        bareSettings.synchronous = String(db.pragma('synchronous', { simple: true }));
        db.exec(`CREATE TABLE events (
          position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, stream TEXT NOT NULL,
          revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
          recorded_at TEXT NOT NULL, UNIQUE (stream, revision))`);
        const insert = db.prepare(
          'INSERT INTO events (event_id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        const rows = events(4, totalEvents).map((event, i) => [
          crypto.randomUUID(),
          `bare-${Math.floor(i / perTransaction)}`,
          i % perTransaction,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          new Date().toISOString(),
        ]);
        const commit = db.transaction((slice: unknown[][]) => {
          for (const row of slice) insert.run(...row);
        });
        const watch = stopwatch();
        for (let i = 0; i < rows.length; i += perTransaction) {
          commit.immediate(rows.slice(i, i + perTransaction));
        }
        return { count: rows.length, seconds: watch.seconds() };
      } finally {
        db.close();
        removeDatabase(path);
      }
    });
  record(
    measured(
      'limit.file.insert-1-per-tx',
      'bare better-sqlite3, 1 insert per transaction',
      UNIT,
      await bare(1, sizes.singleAppends),
    ),
  );
  record(
    measured(
      `limit.file.insert-${BATCH}-per-tx`,
      `bare better-sqlite3, ${BATCH} inserts per transaction`,
      UNIT,
      await bare(BATCH, sizes.batches * BATCH),
    ),
  );

  // ---- Sequential appends, file and memory, both sides ------------------------------------------------
  for (const location of ['file', 'memory'] as const) {
    log(`Appends, one writer, ${location === 'file' ? 'temp file' : ':memory:'}`);
    for (const workload of workloads) {
      const sides: Side[] =
        location === 'file' && workload.key.endsWith('-own')
          ? ['ours', 'emmett', 'emmett-kept-open']
          : ['ours', 'emmett'];
      for (const side of sides) {
        const { result, logged } = await withEmmettLogsCounted(() =>
          sequential(side, location, workload.work),
        );
        recordAttempts(
          `append.${location}.${workload.key}.${side}`,
          `${side} ${location} ${workload.label}`,
          result,
          logged,
        );
      }
    }
  }

  // ---- Concurrent writers ------------------------------------------------------------------------------
  /** `writers` writers, each appending single events to its own stream, all at once. */
  const concurrent = async (side: Side, location: Location, writers: number, run: number) => {
    const perWriter = Math.ceil(sizes.concurrentEvents / writers);
    const payload = events(3 + run, perWriter).map((event) => [event]);
    const { target, path } = open(side, location);
    const failures: string[] = [];
    let appended = 0;
    try {
      try {
        await target.append('warmup-0', events(0, 1), 0);
      } catch (error) {
        failures.push(`warm-up append: ${messageOf(error)}`);
        return { count: 0, seconds: 0, failures, attempted: writers * perWriter };
      }
      const watch = stopwatch();
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (const [i, batch] of payload.entries()) {
            try {
              await target.append(`writer-${w}`, batch, i);
              appended += 1;
            } catch (error) {
              failures.push(messageOf(error));
              return; // this writer's stream is now in an unknown state: stop it
            }
          }
        }),
      );
      return { count: appended, seconds: watch.seconds(), failures, attempted: writers * perWriter };
    } finally {
      await target.close();
      if (path) removeDatabase(path);
    }
  };

  const concurrencyRuns = Math.min(sizes.runs, 3);
  for (const location of ['file', 'memory'] as const) {
    log(`Appends from concurrent writers (single events, one stream per writer), ${location}`);
    for (const writers of [1, 10, 100]) {
      for (const side of ['ours', 'emmett'] as const) {
        const { result, logged } = await withEmmettLogsCounted(() =>
          cleanMedian(concurrencyRuns, sizes.maxFailedRuns, async (attempt): Promise<AttemptSample> => {
            const sample = await concurrent(side, location, writers, attempt);
            if (sample.failures.length === 0) return sample;
            return {
              ...sample,
              failure: `${sample.attempted - sample.count} of ${sample.attempted} appends not done; writers stopped by ${summarise(sample.failures)}`,
            };
          }),
        );
        recordAttempts(
          `append.${location}.writers-${writers}.${side}`,
          `${side} ${location} ${writers} concurrent writer${writers === 1 ? '' : 's'}`,
          result,
          logged,
        );
      }
    }
  }

  // ---- Durability settings, as each side really runs ----------------------------------------------------
  log('Durability settings');
  const settings: Record<string, string | number | boolean> = {};
  {
    const path = freshFile('ours-settings');
    const store = createSqliteEventStore({ path });
    await store.append('settings-1', events(0, 1), 'no_stream');
    await store.close();
    const peek = new Database(path, { readonly: true });
    // journal_mode=WAL is stored in the file; synchronous is per connection, and the store's own
    // connection is private, so it is read from the code that opens it.
    settings['ours.file.journal_mode'] = String(peek.pragma('journal_mode', { simple: true }));
    settings['ours.file.synchronous'] = 'FULL (2), set by createSqliteEventStore in src/eventstore/sqlite.ts';
    settings['ours.sqlite_version'] = String(peek.prepare('SELECT sqlite_version()').pluck().get());
    peek.close();
    removeDatabase(path);
  }
  {
    const path = freshFile('emmett-settings');
    const store = getSQLiteEventStore({ fileName: path });
    await store.appendToStream('settings-1', events(0, 1), { expectedStreamVersion: 0n });
    // The store opens every connection with Emmett's own sqliteConnection(), which sets only
    // journal_mode=WAL; ask such a connection what it runs with.
    const connection = sqliteConnection({ fileName: path });
    const pragma = async (name: string) =>
      Object.values((await connection.querySingle<Record<string, unknown>>(`PRAGMA ${name}`)) ?? {})[0];
    const compileOptions = (await connection.query<{ compile_options: string }>('PRAGMA compile_options'))
      .map((row) => row.compile_options)
      .filter((option) => /^DEFAULT_(WAL_)?SYNCHRONOUS=/.test(option));
    settings['emmett.file.journal_mode'] = String(await pragma('journal_mode'));
    settings['emmett.file.synchronous'] =
      `${String(await pragma('synchronous'))} (queried; Emmett sets none, so the driver's compiled default applies: ${compileOptions.join(', ')})`;
    settings['emmett.sqlite_version'] = String(
      (await connection.querySingle<{ version: string }>('SELECT sqlite_version() AS version'))?.version,
    );
    connection.close();
    removeDatabase(path);
  }
  settings['memory.journal_mode'] = 'memory on both sides (WAL cannot apply to :memory:; nothing is durable)';
  settings['bare.file.journal_mode'] = bareSettings.journal_mode ?? 'unknown';
  settings['bare.file.synchronous'] = bareSettings.synchronous ?? 'unknown';
  for (const [key, value] of Object.entries(settings)) log(`  ${key}: ${value}`);

  // ---- $all read and subscription catch-up over a seeded log -------------------------------------------
  const total = sizes.allEvents;
  const seedBatches = Math.ceil(total / SEED_BATCH);
  const emmettSeedBatches = Math.ceil(Math.min(total, sizes.emmettAllEvents) / SEED_BATCH);
  const emmettTotal = emmettSeedBatches * SEED_BATCH;
  log(`Seeding ${total.toLocaleString('en-GB')} events into each store (${SEED_BATCH}-event appends)`);

  const oursPath = freshFile('ours-all');
  const ours = createSqliteEventStore({ path: oursPath });
  const emmettPath = freshFile('emmett-all');
  const emmett = getSQLiteEventStore({ fileName: emmettPath });
  try {
    const oursSeed = stopwatch();
    for (let wave = 0; wave < seedBatches; wave += SEED_IN_FLIGHT) {
      const appends: Promise<unknown>[] = [];
      for (let b = wave; b < Math.min(wave + SEED_IN_FLIGHT, seedBatches); b += 1) {
        appends.push(ours.append(`seed-${b}`, events(b, SEED_BATCH), 'no_stream'));
      }
      await Promise.all(appends);
    }
    const oursSeedSeconds = oursSeed.seconds();

    // Emmett's store opens and closes a connection around every append and cannot take concurrent ones
    // on a file, so its log is seeded with the append its store calls (exported appendToStream), on one
    // connection, SEED_IN_FLIGHT appends per transaction: the same grouping our seeding gets.
    const emmettSeed = stopwatch();
    {
      const connection = sqliteConnection({ fileName: emmettPath });
      try {
        await createEventStoreSchema(connection);
        for (let wave = 0; wave < emmettSeedBatches; wave += SEED_IN_FLIGHT) {
          await connection.withTransaction(async () => {
            for (let b = wave; b < Math.min(wave + SEED_IN_FLIGHT, emmettSeedBatches); b += 1) {
              const result = await appendToStream(connection, `seed-${b}`, 'seed', events(b, SEED_BATCH), {
                expectedStreamVersion: 0n,
              });
              if (!result.success) throw new Error(`Emmett refused seeding append ${b}`);
            }
          });
        }
      } finally {
        connection.close();
      }
    }
    const emmettSeedSeconds = emmettSeed.seconds();
    const seededTotal = seedBatches * SEED_BATCH;
    notes.push(
      `Seeding ${seededTotal.toLocaleString('en-GB')} events, ${SEED_BATCH}-event appends with ${SEED_IN_FLIGHT} ` +
        `per transaction, single run: ours ${formatRate(seededTotal / oursSeedSeconds)} events/s ` +
        `(${oursSeedSeconds.toFixed(1)} s, through the port, ${SEED_IN_FLIGHT} appends in flight, group-committed), ` +
        `Emmett ${formatRate(emmettTotal / emmettSeedSeconds)} events/s (${emmettTotal.toLocaleString('en-GB')} events in ${emmettSeedSeconds.toFixed(1)} s, its ` +
        `exported appendToStream() on one connection inside withTransaction(), since its store API ` +
        'cannot take concurrent appends on a file).',
    );
    log(`  ${notes.at(-1)}`);

    log(`$all read of ${seededTotal.toLocaleString('en-GB')} events, temp file`);
    record(
      measured(
        'read.all.ours',
        'ours readAll() forwards, whole log',
        UNIT,
        await medianOf(sizes.longRuns, async () => {
          const watch = stopwatch();
          let count = 0;
          for await (const _event of ours.readAll()) count += 1;
          if (count !== seededTotal) throw new Error(`read ${count} events, expected ${seededTotal}`);
          return { count, seconds: watch.seconds() };
        }),
      ),
    );
    {
      // Emmett's EventStore interface has no $all read; its consumers page through the log with the
      // exported readMessagesBatch() on a sqliteConnection, which is what is timed here.
      const connection = sqliteConnection({ fileName: emmettPath });
      try {
        record(
          measured(
            'read.all.emmett',
            `emmett readMessagesBatch() pages of ${READ_PAGE}, whole log`,
            UNIT,
            await medianOf(sizes.longRuns, async () => {
              const watch = stopwatch();
              let count = 0;
              let after = 0n;
              for (;;) {
                const page = await readMessagesBatch(connection, { after, batchSize: READ_PAGE });
                count += page.messages.length;
                after = page.currentGlobalPosition;
                if (!page.areEventsLeft) break;
              }
              if (count !== emmettTotal) throw new Error(`read ${count} events, expected ${emmettTotal}`);
              return { count, seconds: watch.seconds() };
            }),
          ),
        );
        if (emmettTotal < seededTotal) {
          notes.push(
            `Quick mode: Emmett's log holds ${emmettTotal.toLocaleString('en-GB')} events, not ${seededTotal.toLocaleString('en-GB')}, to keep the run short; its read figures are indicative only.`,
          );
        }
      } finally {
        connection.close();
      }
    }

    log(`Subscription catch-up over the same ${seededTotal.toLocaleString('en-GB')} events`);
    record(
      measured(
        'subscribe.catchup.ours',
        'ours subscribeToAll() from the start to the last event',
        UNIT,
        await medianOf(sizes.longRuns, async () => {
          const watch = stopwatch();
          const subscription = ours.subscribeToAll();
          let count = 0;
          for await (const _event of subscription) {
            count += 1;
            if (count === seededTotal) break;
          }
          const seconds = watch.seconds();
          await subscription.close();
          return { count, seconds };
        }),
      ),
    );
    {
      // Emmett's nearest equivalent is a consumer with one processor started from the beginning. It
      // stores a checkpoint per message, inside one transaction per pulled batch; its default pulling
      // (100 per batch, 50 ms apart) would measure the sleep, so it pulls our page size with no pause.
      const target = Math.min(emmettTotal, sizes.emmettCatchUpEvents);
      const { result: timing, logged } = await withEmmettLogsCounted(() =>
        medianOf(sizes.longRuns, async (run) => {
          const consumer = emmett.consumer({ pulling: { batchSize: 1000, pullingFrequencyInMs: 0 } });
          let count = 0;
          consumer.processor({
            processorId: `bench-catch-up-${run}`,
            startFrom: 'BEGINNING',
            eachMessage: () => {
              count += 1;
            },
            stopAfter: () => count >= target,
          });
          const watch = stopwatch();
          await consumer.start();
          const seconds = watch.seconds();
          await consumer.close();
          if (count !== target) throw new Error(`caught up ${count} events, expected ${target}`);
          return { count, seconds };
        }),
      );
      const measurement = measured(
        'subscribe.catchup.emmett',
        `emmett consumer() + processor from BEGINNING over the first ${target.toLocaleString('en-GB')} events`,
        UNIT,
        timing,
      );
      if (target < emmettTotal) {
        measurement.note = `timed over the first ${target.toLocaleString('en-GB')} events of the same log only: at this rate the whole log would take about ${Math.ceil(emmettTotal / timing.median / 60)} min per run`;
      }
      record(measurement);
      if (logged > 0) notes.push(`Emmett logged ${logged} errors during catch-up.`);
    }
  } finally {
    await ours.close();
    removeDatabase(oursPath);
    removeDatabase(emmettPath);
  }

  return {
    name: 'eventstore',
    quick: options.quick,
    settings: {
      ...settings,
      node: process.version,
      allEvents: total,
      runs: sizes.runs,
      longRuns: sizes.longRuns,
    },
    measurements,
    tables: buildTables(measurements, settings, sizes),
    notes,
  };
}

function buildTables(
  measurements: Measurement[],
  settings: Record<string, string | number | boolean>,
  sizes: Sizes,
): Table[] {
  const byId = new Map(measurements.map((m) => [m.id, m]));
  const get = (id: string) => byId.get(id)?.median ?? null;
  const runs = (id: string) => String(byId.get(id)?.runs ?? 0);
  const headers = ['workload', 'runs', 'ours', 'Emmett', 'ours/Emmett', 'ours/bare limit'];

  const appendRows = (location: Location, limits: boolean): string[][] => {
    const limitFor = (key: string) =>
      key.startsWith('batch') ? get(`limit.file.insert-${BATCH}-per-tx`) : get('limit.file.insert-1-per-tx');
    const rows: [string, string][] = [
      ['single-own', `single-event appends, own new stream each (${sizes.singleAppends})`],
      ['single-hot', `single-event appends, one hot stream (${sizes.singleAppends})`],
      ['batch-own', `${BATCH}-event batches, own new stream each (${sizes.batches})`],
      ['batch-hot', `${BATCH}-event batches, one hot stream (${sizes.batches})`],
      ['writers-1', `1 writer, single events (${sizes.concurrentEvents})`],
      ['writers-10', `10 concurrent writers, single events (${sizes.concurrentEvents})`],
      ['writers-100', `100 concurrent writers, single events (${sizes.concurrentEvents})`],
    ];
    return rows.map(([key, label]) => {
      const ours = get(`append.${location}.${key}.ours`);
      const emmett = get(`append.${location}.${key}.emmett`);
      return [
        label,
        runs(`append.${location}.${key}.ours`),
        formatRate(ours),
        formatRate(emmett),
        formatRatio(ours, emmett),
        limits ? formatRatio(ours, limitFor(key)) : '',
      ];
    });
  };

  const naNotes = (prefix: string) =>
    measurements
      .filter((m) => m.id.startsWith(prefix) && m.note !== undefined)
      .map((m) => `${m.median === null ? 'n/a: ' : ''}${m.label}: ${m.note ?? ''}`);

  return [
    {
      title: `Appends on a temp file, events/s (journal: ours ${settings['ours.file.journal_mode']}, Emmett ${settings['emmett.file.journal_mode']}; synchronous: ours FULL, Emmett ${String(settings['emmett.file.synchronous']).split(' ')[0]})`,
      headers,
      rows: [
        ...appendRows('file', true),
        ...(['single-own', 'batch-own'] as const).map((key) => {
          const id = `append.file.${key}.emmett-kept-open`;
          return [
            `Emmett's appendToStream() on one kept-open connection, ${key === 'single-own' ? 'single events' : `${BATCH}-event batches`}, own new stream each`,
            runs(id),
            '',
            formatRate(get(id)),
            formatRatio(get(`append.file.${key}.ours`), get(id)),
            '',
          ];
        }),
        [
          'physical limit: bare better-sqlite3, 1 insert per transaction',
          runs('limit.file.insert-1-per-tx'),
          formatRate(get('limit.file.insert-1-per-tx')),
          '',
          '',
          '',
        ],
        [
          `physical limit: bare better-sqlite3, ${BATCH} inserts per transaction`,
          runs(`limit.file.insert-${BATCH}-per-tx`),
          formatRate(get(`limit.file.insert-${BATCH}-per-tx`)),
          '',
          '',
          '',
        ],
      ],
      notes: [
        'Every write states its expected revision (new stream: no_stream / Emmett 0n; else the exact revision).',
        'ours/bare limit: single events and writers against 1 insert per transaction, batches against 100.',
        "Emmett's file store opens a connection, sets WAL, and closes it (checkpointing the WAL) around every append; the kept-open rows time its own append SQL without that, through its exported appendToStream() (not its store API).",
        ...naNotes('append.file.'),
      ],
    },
    {
      title: 'Appends in :memory:, events/s (no durability on either side)',
      headers: headers.slice(0, 5),
      rows: appendRows('memory', false).map((row) => row.slice(0, 5)),
      notes: naNotes('append.memory.'),
    },
    {
      title: `Reading the log on a temp file, events/s (${sizes.allEvents.toLocaleString('en-GB')} events)`,
      headers: headers.slice(0, 5),
      rows: [
        [
          '$all read, forwards, whole log',
          runs('read.all.ours'),
          formatRate(get('read.all.ours')),
          formatRate(get('read.all.emmett')),
          formatRatio(get('read.all.ours'), get('read.all.emmett')),
        ],
        [
          'subscription catch-up from the start',
          runs('subscribe.catchup.ours'),
          formatRate(get('subscribe.catchup.ours')),
          formatRate(get('subscribe.catchup.emmett')),
          formatRatio(get('subscribe.catchup.ours'), get('subscribe.catchup.emmett')),
        ],
      ],
      notes: [
        `Emmett has no $all read in its EventStore API: timed is readMessagesBatch(), the exported reader its consumers use, in pages of ${READ_PAGE}.`,
        'Emmett has no subscription: timed is a consumer() with one processor from BEGINNING (it writes a checkpoint per message), pulling 1000 per batch with no pause.',
        ...naNotes('read.'),
        ...naNotes('subscribe.'),
      ],
    },
  ];
}
