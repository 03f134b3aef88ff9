import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import type { EventStore } from '../../src/eventstore/types.js';
import { createProjections, rebuildAndCheck, WaitForTimeoutError } from '../../src/projections/index.js';
import type { Logger } from '../../src/projections/types.js';
import { allocate, eheEvents, eheReferral, newCaseId, toNewEvents } from './fixtures.js';

const today = () => '2026-06-02';

function recordingLogger() {
  const lines: { level: string; object: object; message?: string }[] = [];
  const log = (level: string) => (object: object, message?: string) => lines.push({ level, object, message });
  const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error') };
  return { logger, lines };
}

async function appendCase(store: EventStore, caseId = newCaseId()) {
  const events = toNewEvents(eheEvents([[eheReferral(caseId), '2026-06-01']]), 'ehe');
  const result = await store.append(`ehe-${caseId}`, events, 'no_stream');
  return { caseId, ...result };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function memoryStore() {
  const store = createSqliteEventStore({ path: ':memory:', pollIntervalMs: 20 });
  cleanups.push(() => store.close());
  return store;
}

function started(store: EventStore, options: Parameters<typeof createProjections>[1] = {}) {
  const projections = createProjections(store, { today, exportMetrics: false, ...options });
  cleanups.push(() => projections.close());
  return projections;
}

describe('projection runtime on SQLite', () => {
  it('catches up with the log before start resolves', async () => {
    const store = memoryStore();
    const first = await appendCase(store);
    const second = await appendCase(store);
    const projections = started(store);
    expect(projections.caughtUp()).toBe(false);
    await projections.start();
    expect(projections.caughtUp()).toBe(true);
    expect(projections.position()).toBe(second.position);
    expect(projections.caseSummary.get(first.caseId)?.status).toBe('referred');
    expect(await projections.lag()).toBe(0n);
  });

  it('an empty log is caught up at once, at position -1', async () => {
    const projections = started(memoryStore());
    await projections.start();
    expect(projections.caughtUp()).toBe(true);
    expect(projections.position()).toBe(-1n);
  });

  it('follows live appends; waitFor gives read-your-writes', async () => {
    const store = memoryStore();
    const projections = started(store);
    await projections.start();
    const { caseId, position } = await appendCase(store);
    await projections.waitFor(position);
    expect(projections.caseSummary.get(caseId)?.open).toBe(true);
    const allocated = await store.append(
      `ehe-${caseId}`,
      toNewEvents(
        eheEvents([
          [eheReferral(caseId), '2026-06-01'],
          [allocate('officer-9'), '2026-06-02'],
        ]).slice(1),
        'ehe',
      ),
      0n,
    );
    await projections.waitFor(allocated.position);
    expect(projections.caseload.forOfficer('officer-9').map((c) => c.caseId)).toEqual([caseId]);
  });

  it('reads only the case streams: the access log never reaches the views, and waitFor still answers for it', async () => {
    const store = memoryStore();
    const { caseId } = await appendCase(store);
    const readAlls: unknown[] = [];
    const watched: EventStore = {
      ...store,
      readAll: (options) => {
        readAlls.push(options?.filter);
        return store.readAll(options);
      },
      subscribeToAll: (options) => {
        readAlls.push(options?.filter);
        return store.subscribeToAll(options);
      },
    };
    const projections = started(watched);
    await projections.start();
    expect(readAlls.length).toBeGreaterThan(0);
    expect(
      readAlls.every((filter) => JSON.stringify(filter) === '{"streamPrefixes":["ehe-","cme-","cnis-"]}'),
    ).toBe(true);
    const read = await store.append(
      'access-log',
      [{ type: 'CaseDataRead', data: { caseIds: [caseId] } }],
      'any',
    );
    // No case event follows: the views are at the access log's position all the same.
    await projections.waitFor(read.position, 1_000);
    expect(projections.position()).toBeLessThan(read.position);
    // A case event after it is applied as usual.
    const next = await appendCase(store);
    await projections.waitFor(next.position, 5_000);
    expect(projections.position()).toBe(next.position);
  });

  it('waitFor rejects when the position is not reached in time', async () => {
    const projections = started(memoryStore());
    await projections.start();
    await expect(projections.waitFor(1000n, 30)).rejects.toBeInstanceOf(WaitForTimeoutError);
  });

  it('skips a poison event, logs it with position and stream, and keeps the case as it was', async () => {
    const store = memoryStore();
    const { logger, lines } = recordingLogger();
    const { caseId } = await appendCase(store);
    const poison = await store.append(
      `ehe-${caseId}`,
      [{ type: 'CaseAllocated', data: { officerId: '' }, metadata: { schemaVersion: 1 } }],
      0n,
    );
    const after = await store.append(
      `ehe-${caseId}`,
      toNewEvents(
        eheEvents([
          [eheReferral(caseId), '2026-06-01'],
          [allocate('officer-3'), '2026-06-02'],
        ]).slice(1),
        'ehe',
      ),
      1n,
    );
    const projections = started(store, { logger });
    await projections.start();
    expect(projections.position()).toBe(after.position);
    expect(projections.caseSummary.get(caseId)).toMatchObject({ officerId: 'officer-3', revision: 2n });
    const error = lines.find((line) => line.level === 'error');
    expect(error?.object).toMatchObject({
      position: poison.position.toString(),
      stream: `ehe-${caseId}`,
      type: 'CaseAllocated',
    });
    const rebuilt = await rebuildAndCheck(store, projections, { today: today() });
    expect(rebuilt).toMatchObject({ consistent: true });
    expect(rebuilt.skipped).toEqual([
      {
        position: poison.position.toString(),
        stream: `ehe-${caseId}`,
        type: 'CaseAllocated',
        reason: expect.any(String),
      },
    ]);
  });

  it('skips unknown event types, logging each type once, and ignores streams that are not cases', async () => {
    const store = memoryStore();
    const { logger, lines } = recordingLogger();
    const { caseId } = await appendCase(store);
    await store.append(
      `ehe-${caseId}`,
      [
        { type: 'SomethingNew', data: {} },
        { type: 'SomethingNew', data: {} },
      ],
      0n,
    );
    await store.append('access-2026-06-02', [{ type: 'CaseRead', data: { caseId } }], 'any');
    const projections = started(store, { logger });
    await projections.start();
    expect(lines.filter((line) => line.level === 'warn')).toHaveLength(1);
    expect(lines.filter((line) => line.level === 'error')).toHaveLength(0);
    expect(projections.caseSummary.list({}).items).toHaveLength(1);
  });

  it('restarts from a file store to the same views, and the rebuild finds them consistent', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'sightline-views-'));
    cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
    const path = join(directory, 'events.db');
    const store = createSqliteEventStore({ path, pollIntervalMs: 20 });
    const first = createProjections(store, { today, exportMetrics: false });
    await first.start();
    const { caseId } = await appendCase(store);
    const { position } = await appendCase(store);
    await first.waitFor(position);
    const before = first.caseSummary.get(caseId);
    await first.close();
    await store.close();

    const reopened = createSqliteEventStore({ path, pollIntervalMs: 20 });
    cleanups.push(() => reopened.close());
    const second = started(reopened);
    await second.start();
    expect(second.caseSummary.get(caseId)).toEqual(before);
    const report = await rebuildAndCheck(reopened, second, { today: today() });
    expect(report).toMatchObject({ events: 2, consistent: true, differences: [] });
    expect(report.eventsPerSecond).toBeGreaterThan(0);
  });

  it('finds the views consistent when the log ends with an event of no case (an id reserved, a read logged)', async () => {
    const store = memoryStore();
    const projections = started(store);
    await projections.start();
    await appendCase(store);
    const { position } = await store.append(
      `caseid-${newCaseId()}`,
      [{ type: 'CaseIdReserved', data: { caseType: 'ehe' }, metadata: {} }],
      'no_stream',
    );
    await projections.waitFor(position);
    // The dashboard is answered as of the last case event, on both sides.
    projections.dashboard.get(today());
    const report = await rebuildAndCheck(store, projections, { today: today() });
    expect(report).toMatchObject({ consistent: true, differences: [] });
  });

  it('is not caught up while its subscription is down, and is again once it has caught up', async () => {
    const store = memoryStore();
    let cut: (error: Error) => void = () => {};
    let calls = 0;
    const flaky: EventStore = {
      ...store,
      append: (...args) => store.append(...args),
      readAll: (options) => store.readAll(options),
      subscribeToAll(options) {
        const inner = store.subscribeToAll(options);
        if (++calls > 1) return inner;
        // The first subscription delivers until cut, then fails as a lost connection would.
        const lost = new Promise<never>((_, reject) => {
          cut = reject;
        });
        const iterator = inner[Symbol.asyncIterator]();
        return {
          close: () => inner.close(),
          [Symbol.asyncIterator]: () => ({ next: () => Promise.race([iterator.next(), lost]) }),
        };
      },
    };
    const projections = started(flaky, { logger: recordingLogger().logger });
    await projections.start();
    expect(projections.caughtUp()).toBe(true);
    cut(new Error('connection lost'));
    await vi.waitFor(() => expect(projections.caughtUp()).toBe(false));
    const { caseId } = await appendCase(store);
    await vi.waitFor(() => expect(projections.caughtUp()).toBe(true), { timeout: 5000 });
    await vi.waitFor(() => expect(projections.caseSummary.get(caseId)).toBeDefined());
    expect(calls).toBe(2);
  });

  it('the rebuild reports live views that differ from the log', async () => {
    const store = memoryStore();
    const { caseId } = await appendCase(store);
    await appendCase(store);
    const projections = started(store);
    await projections.start();
    projections.views.records.delete(caseId);
    const report = await rebuildAndCheck(store, projections, { today: today() });
    expect(report.consistent).toBe(false);
    expect(report.differences).toContain(`case ${caseId} differs`);
  });
});

describe('the dashboard cache', () => {
  it('survives writes that are not case events (the access log) and is rebuilt by a case event', async () => {
    const store = memoryStore();
    await appendCase(store);
    const projections = started(store);
    await projections.start();
    const first = projections.dashboard.get(today());
    const read = await store.append('accesslog-2026-06-02', [{ type: 'CaseDataRead', data: {} }], 'any');
    await projections.waitFor(read.position);
    expect(projections.dashboard.get(today())).toBe(first);
    const next = await appendCase(store);
    await projections.waitFor(next.position);
    const rebuilt = projections.dashboard.get(today());
    expect(rebuilt).not.toBe(first);
    expect(rebuilt.unallocated.count).toBe(first.unallocated.count + 1);
  });
});
