import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import type { EventStore } from '../../src/eventstore/types.js';
import { createProjections, type LiveProjections, rebuildAndCheck } from '../../src/projections/index.js';
import { Rng } from '../../src/seed/random.js';
import { checkAgainstLedger, readWholeLog } from './support/process-checks.js';
import { Ledger, type LoadContext, runClient, ServerGate } from './support/process-load.js';
import { TokenSource } from './support/process-requests.js';
import { freePort, SightlineProcess, serverEnv, waitUntilReady } from './support/process-server.js';

const KILLS = 22;
const CLIENTS = 8;
/** How long the clients write between a restart and the next kill. */
const LOAD_MS = { min: 250, max: 2000 };

const dataDir = mkdtempSync(join(tmpdir(), 'sightline-kill-9-'));
const sqlitePath = join(dataDir, 'events.db');
const children = new Set<SightlineProcess>();
let observer: { store: EventStore; views: LiveProjections } | undefined;

afterAll(async () => {
  for (const child of children) await child.killHard();
  await observer?.views.close();
  await observer?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('sightline serve killed with SIGKILL under load', () => {
  it('keeps every acknowledged write, lands each key once, and rebuilds to the views it kept', async () => {
    const seed = process.env.RELIABILITY_SEED ?? randomUUID().slice(0, 8);
    console.log(`kill -9 test seed ${seed} (RELIABILITY_SEED=${seed} repeats its choices)`);
    const rng = new Rng(`${seed}:kills`);
    const authSecret = randomBytes(32).toString('hex');
    const url = `http://127.0.0.1:${await freePort()}`;
    const env = serverEnv({ sqlitePath, port: Number(new URL(url).port), authSecret });
    const start = async () => {
      const child = new SightlineProcess(['serve'], env);
      children.add(child);
      await waitUntilReady(child, url);
      return child;
    };

    const ledger = new Ledger();
    const gate = new ServerGate();
    let stopping = false;
    const context: LoadContext = {
      url,
      gate,
      tokens: new TokenSource(loadConfig({ SQLITE_PATH: sqlitePath, AUTH_SECRET: authSecret })),
      ledger,
      stopping: () => stopping,
    };

    let server = await start();
    // This process follows the log live across every crash: the views "caught up incrementally".
    const store = createSqliteEventStore({ path: sqlitePath, pollIntervalMs: 50 });
    const views = createProjections(store, { exportMetrics: false });
    observer = { store, views };
    await views.start();

    const checkTheLog = async (moment: string) => {
      const events = await readWholeLog(store);
      expect(checkAgainstLedger(events, ledger), moment).toEqual([]);
      const report = await rebuildAndCheck(store, views);
      expect(report.differences, moment).toEqual([]);
      expect(report.consistent, moment).toBe(true);
      return events.length;
    };

    gate.open();
    const clients = Array.from({ length: CLIENTS }, (_, client) => runClient(context, seed, client));
    const inFlightAtKill: number[] = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      await new Promise((resolve) => setTimeout(resolve, rng.int(LOAD_MS.min, LOAD_MS.max)));
      gate.close();
      inFlightAtKill.push(ledger.inFlight);
      await server.killHard();
      children.delete(server);
      await checkTheLog(`after kill ${kill}`);
      server = await start();
      gate.open();
    }
    stopping = true;
    await Promise.all(clients);
    await server.killHard();
    children.delete(server);
    const events = await checkTheLog('at the end');

    const rebuild = new SightlineProcess(['rebuild'], env);
    children.add(rebuild);
    expect((await rebuild.exited).code, rebuild.recentOutput()).toBe(0);
    expect(rebuild.recentOutput()).toContain('consistency check: views equal');

    console.log(
      `kill -9: ${KILLS} kills (requests in flight at each: ${inFlightAtKill.join(' ')}), ` +
        `${ledger.attempts} requests, ${ledger.acknowledged.size} writes acknowledged ` +
        `(${ledger.repeats.length} sent again on purpose), ${ledger.connectionErrors} lost connections, ` +
        `${events} events`,
    );
    expect(ledger.unexpected).toEqual([]);
    // Every write was retried until answered, so none is left in doubt.
    expect([...ledger.sent.keys()].filter((key) => !ledger.acknowledged.has(key))).toEqual([]);
    // The kills must have cut requests off, or the test proved nothing about crashes.
    expect(inFlightAtKill.filter((count) => count > 0).length).toBeGreaterThanOrEqual(KILLS * 0.8);
    expect(ledger.connectionErrors).toBeGreaterThanOrEqual(KILLS);
    expect(ledger.repeats.length).toBeGreaterThan(0);
  });
});
