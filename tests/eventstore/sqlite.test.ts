import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventStoreClosedError } from '../../src/eventstore/errors.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import type { EventStore } from '../../src/eventstore/types.js';
import { collect, event, eventStoreContract, take } from './contract.js';

eventStoreContract('SQLite in memory', async () => {
  const store = createSqliteEventStore({ path: ':memory:' });
  return { store, dispose: () => store.close() };
});

eventStoreContract('SQLite on a file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-store-'));
  const path = join(dir, 'events.db');
  let store: EventStore = createSqliteEventStore({ path, pollIntervalMs: 20 });
  return {
    store,
    reopen: async () => {
      await store.close();
      store = createSqliteEventStore({ path, pollIntervalMs: 20 });
      return store;
    },
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite specifics', () => {
  const withFile = async (body: (path: string) => Promise<void>) => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-store-'));
    try {
      await body(join(dir, 'events.db'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('a subscription sees appends made through another connection to the same file', async () => {
    await withFile(async (path) => {
      const reader = createSqliteEventStore({ path, pollIntervalMs: 20 });
      const writer = createSqliteEventStore({ path });
      const subscription = reader.subscribeToAll();
      await writer.append('ehe-1', [event('FromElsewhere')], 'no_stream');
      expect((await take(subscription, 1)).map((e) => e.type)).toEqual(['FromElsewhere']);
      await subscription.close();
      await Promise.all([reader.close(), writer.close()]);
    });
  });

  it('appends that arrive together share one commit (group commit)', async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.append(`ehe-${i}`, [event('A')], 'no_stream')),
    );
    const committedAt = new Set((await collect(store.readAll())).map((e) => e.recordedAt.getTime()));
    expect(committedAt.size).toBe(1);
    await store.close();
  });

  it('closing waits for queued appends to commit', async () => {
    await withFile(async (path) => {
      const store = createSqliteEventStore({ path });
      const pending = store.append('ehe-1', [event('A')], 'no_stream');
      await store.close();
      await expect(pending).resolves.toMatchObject({ nextRevision: 0n });
      const reopened = createSqliteEventStore({ path });
      expect(await collect(reopened.readAll())).toHaveLength(1);
      await reopened.close();
    });
  });

  it('a closed store refuses appends with a typed error', async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    await store.close();
    await expect(store.append('ehe-1', [event('A')], 'any')).rejects.toBeInstanceOf(EventStoreClosedError);
  });
});
