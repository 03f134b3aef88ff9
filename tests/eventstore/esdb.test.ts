import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStoreUnavailableError, WrongExpectedVersionError } from '../../src/eventstore/errors.js';
import { createEsdbEventStore } from '../../src/eventstore/esdb.js';
import type { EventStore } from '../../src/eventstore/types.js';
import { startEsdbTestServer } from '../support/esdb-test-server.js';
import { collect, event, eventStoreContract, take } from './contract.js';

for (const batchAppend of [false, true]) {
  eventStoreContract(`EventStoreDB (test server, ${batchAppend ? 'BatchAppend' : 'Append'})`, async () => {
    const server = await startEsdbTestServer({ batchAppend });
    const store = createEsdbEventStore({ connectionString: server.connectionString, deadlineMs: 5000 });
    return {
      store,
      dispose: async () => {
        await store.close();
        await server.stop();
      },
    };
  });
}

describe('EventStoreDB adapter on the test server', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const open = async (batchAppend: boolean, deadlineMs = 5000) => {
    const server = await startEsdbTestServer({ batchAppend });
    cleanups.push(() => server.stop());
    const connect = () => {
      const store = createEsdbEventStore({
        connectionString: server.connectionString,
        deadlineMs,
        maxResubscribeBackoffMs: 100,
      });
      cleanups.push(() => store.close());
      return store;
    };
    return { server, store: connect(), connect };
  };
  const appendOneByOne = async (store: EventStore, stream: string, from: number, count: number) => {
    for (let i = from; i < from + count; i++) {
      await store.append(stream, [event('Numbered', { i })], i === 0 ? 'no_stream' : BigInt(i - 1));
    }
  };
  const numbers = (events: { data: unknown }[]) => events.map((e) => (e.data as { i: number }).i);
  const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

  it('a subscription resumes after the server stops and restarts, delivering every event once, in order', async () => {
    const { server, store } = await open(true);
    const stream = `fault-${randomUUID()}`;
    await appendOneByOne(store, stream, 0, 40);
    const subscription = store.subscribeToAll();
    expect(numbers(await take(subscription, 10))).toEqual(range(0, 10));

    await server.stop();
    await server.start();
    await appendOneByOne(store, stream, 40, 20);
    expect(numbers(await take(subscription, 50, 10_000))).toEqual(range(10, 50));

    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.start();
    await appendOneByOne(store, stream, 60, 5);
    expect(numbers(await take(subscription, 5, 10_000))).toEqual(range(60, 5));
    await subscription.close();
  });

  it('an append while the server is down fails with EventStoreUnavailableError within the deadline', async () => {
    for (const batchAppend of [false, true]) {
      const { server, store } = await open(batchAppend, 800);
      await store.append(`up-${randomUUID()}`, [event('Before')], 'no_stream');
      await server.stop();
      const started = Date.now();
      await expect(store.append(`down-${randomUUID()}`, [event('During')], 'any')).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      expect(Date.now() - started).toBeLessThan(800 + 500);
      await server.start();
      const after = await store.append(`up-${randomUUID()}`, [event('After')], 'no_stream');
      expect(after.nextRevision).toBe(0n);
    }
  });

  it('under BatchAppend, concurrent appends to many streams where some conflict fail only where they conflict', async () => {
    const { store } = await open(true);
    const streams = Array.from({ length: 60 }, (_, i) => `batch${i % 3}-${randomUUID()}`);
    await Promise.all(streams.map((s) => store.append(s, [event('Opened')], 'no_stream')));
    const conflicting = (i: number) => i % 4 === 0;
    const results = await Promise.allSettled(
      streams.map((s, i) => store.append(s, [event('Next', { i })], conflicting(i) ? 5n : 0n)),
    );
    results.forEach((result, i) => {
      if (conflicting(i)) {
        expect(result.status).toBe('rejected');
        expect((result as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
      } else {
        expect(result).toMatchObject({ status: 'fulfilled', value: { nextRevision: 1n } });
      }
    });
    for (const [i, s] of streams.entries()) {
      expect(await collect(store.readStream(s))).toHaveLength(conflicting(i) ? 1 : 2);
    }
  });

  it('under BatchAppend, closing one store does not fail or crash the appends another store has in flight', async () => {
    // Client 6.2.1 rejects every pending BatchAppend of every client instance when one instance's call
    // ends, then throws on the late answers; the adapter shares one client per connection string.
    const { store, connect } = await open(true);
    const other = connect();
    await Promise.all([
      store.append(`warm-${randomUUID()}`, [event('A')], 'no_stream'),
      other.append(`warm-${randomUUID()}`, [event('B')], 'no_stream'),
    ]);
    const streams = Array.from({ length: 200 }, () => `inflight-${randomUUID()}`);
    const inFlight = streams.map((s) => store.append(s, [event('Kept')], 'no_stream'));
    await other.close();
    const results = await Promise.allSettled(inFlight);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    for (const s of streams.slice(0, 20)) expect(await collect(store.readStream(s))).toHaveLength(1);
  });

  it('keeps $all positions exact past 2^53 and skips the system events the server mixes in', async () => {
    const { server, store } = await open(false);
    for (let i = 0; i < 12; i++) await store.append(`pos-${randomUUID()}`, [event('P', { i })], 'no_stream');
    expect(server.log.all.some((e) => e.stream.startsWith('$'))).toBe(true);
    const read = await collect(store.readAll());
    expect(numbers(read)).toEqual(range(0, 12));
    const stored = server.log.all.filter((e) => !e.stream.startsWith('$')).map((e) => e.position);
    expect(read.map((e) => e.position)).toEqual(stored);
    expect(read.every((e) => e.position > 2n ** 53n)).toBe(true);
  });

  it('refuses event ids already in the stream at its current revision, which EventStoreDB would store twice', async () => {
    const { server, store } = await open(false);
    const stream = `dup-${randomUUID()}`;
    const repeated = event('A', {}, randomUUID());
    await store.append(stream, [repeated], 'no_stream');
    await expect(store.append(stream, [repeated], 0n)).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(server.log.stream(stream)).toHaveLength(1);
  });
});
