import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseOfStream, caseTypes } from '../../src/domain/case-types.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import type { EventStore, RecordedEvent } from '../../src/eventstore/types.js';
import { createProjections } from '../../src/projections/projections.js';
import { rebuildAndCheck } from '../../src/projections/rebuild.js';

/**
 * A store written by `sightline seed --cases 60` at commit 658f7c3, before the School Attendance Order law
 * (issue 14) and the DfE return's definitions (issue 15) changed any event: every case event stored then must
 * still decode, fold and rebuild the views with nothing skipped. Checked in once, never regenerated.
 */
const FIXTURE = new URL('../fixtures/seeded-before-sao-law.db.gz', import.meta.url);

describe('a store seeded before the SAO law and the DfE return changes', () => {
  let directory: string;
  let store: EventStore;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'sightline-old-store-'));
    const path = join(directory, 'sightline.db');
    writeFileSync(path, gunzipSync(readFileSync(FIXTURE)));
    store = createSqliteEventStore({ path });
  });
  afterAll(async () => {
    await store?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('rebuilds with zero skipped events and views equal to the live ones', async () => {
    const live = createProjections(store);
    await live.start();
    try {
      const report = await rebuildAndCheck(store, live);
      expect(report.events).toBeGreaterThan(2_000);
      expect(report.skipped).toEqual([]);
      expect(report.differences).toEqual([]);
      expect(report.consistent).toBe(true);
    } finally {
      await live.close();
    }
  });

  it('every case stream decodes through its codec and folds through its decider', async () => {
    const streams = new Map<string, RecordedEvent[]>();
    for await (const event of store.readAll()) {
      if (!caseOfStream(event.stream)) continue;
      streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
    }
    expect(streams.size).toBeGreaterThan(150);
    for (const [stream, events] of streams) {
      const caseType = caseTypes[caseOfStream(stream)!.caseType];
      let state: unknown = caseType.decider.initialState();
      for (const recorded of events) {
        const schemaVersion = Number(recorded.metadata.schemaVersion ?? 1);
        const event = caseType.codec.decode({
          type: recorded.type,
          data: recorded.data,
          schemaVersion,
        } as never);
        state = caseType.decider.evolve(state as never, event as never);
      }
      expect(state, stream).toBeDefined();
    }
  });
});
