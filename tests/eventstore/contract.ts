import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidEventStoreRequestError, WrongExpectedVersionError } from '../../src/eventstore/errors.js';
import type { EventStore, NewEvent, RecordedEvent, Subscription } from '../../src/eventstore/types.js';

export interface ContractHarness {
  store: EventStore;
  /** Closes the store and opens it again on the same storage, when the adapter is durable. */
  reopen?: () => Promise<EventStore>;
  dispose: () => Promise<void>;
}

export const collect = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

export const event = (type: string, data: unknown = {}, id?: string): NewEvent => ({
  type,
  data,
  metadata: { actor: 'test', correlationId: 'c' },
  ...(id ? { id } : {}),
});

/** Takes `count` events from a subscription, failing rather than hanging when they do not come. */
export async function take(subscription: Subscription, count: number, timeoutMs = 5000) {
  const taken: RecordedEvent[] = [];
  if (count === 0) return taken;
  const iterator = subscription[Symbol.asyncIterator]();
  const deadline = Date.now() + timeoutMs;
  while (taken.length < count) {
    const left = deadline - Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(left, 0));
    });
    const next = await Promise.race([iterator.next(), timeout]);
    clearTimeout(timer);
    if (next === 'timeout') throw new Error(`Subscription delivered ${taken.length} of ${count} events`);
    if (next.done) throw new Error(`Subscription ended after ${taken.length} of ${count} events`);
    taken.push(next.value);
  }
  return taken;
}

const streamName = (category = 'test') => `${category}-${randomUUID()}`;

export function eventStoreContract(adapter: string, open: () => Promise<ContractHarness>): void {
  describe(`event store contract: ${adapter}`, () => {
    let harness: ContractHarness;
    let store: EventStore;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
    });
    afterEach(async () => {
      await harness.dispose();
    });

    const all = async () => collect(store.readAll());
    const expectConflict = async (promise: Promise<unknown>, actual: bigint | 'no_stream') => {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect((error as WrongExpectedVersionError).actual).toBe(actual);
    };

    describe('expected revisions', () => {
      it('no_stream creates a stream at revision 0 and conflicts once the stream exists', async () => {
        const stream = streamName();
        const first = await store.append(stream, [event('A')], 'no_stream');
        expect(first.nextRevision).toBe(0n);
        await expectConflict(store.append(stream, [event('B')], 'no_stream'), 0n);
      });

      it('any appends to a missing and to an existing stream', async () => {
        const stream = streamName();
        expect((await store.append(stream, [event('A')], 'any')).nextRevision).toBe(0n);
        expect((await store.append(stream, [event('B'), event('C')], 'any')).nextRevision).toBe(2n);
      });

      it('stream_exists conflicts on a missing stream and appends to an existing one', async () => {
        const stream = streamName();
        await expectConflict(store.append(stream, [event('A')], 'stream_exists'), 'no_stream');
        await store.append(stream, [event('A')], 'no_stream');
        expect((await store.append(stream, [event('B')], 'stream_exists')).nextRevision).toBe(1n);
      });

      it('an exact revision appends when it matches and reports the actual revision when it does not', async () => {
        const stream = streamName();
        await store.append(stream, [event('A'), event('B')], 'no_stream');
        await expectConflict(store.append(stream, [event('C')], 0n), 1n);
        await expectConflict(store.append(stream, [event('C')], 5n), 1n);
        expect((await store.append(stream, [event('C')], 1n)).nextRevision).toBe(2n);
      });

      it('an exact revision on a missing stream conflicts with no_stream', async () => {
        await expectConflict(store.append(streamName(), [event('A')], 0n), 'no_stream');
      });

      it('a conflicting append writes none of its events', async () => {
        const stream = streamName();
        await store.append(stream, [event('A')], 'no_stream');
        await expectConflict(store.append(stream, [event('B'), event('C')], 7n), 0n);
        expect((await collect(store.readStream(stream))).map((e) => e.type)).toEqual(['A']);
      });

      it('the append result names the position of the last event written', async () => {
        const stream = streamName();
        const result = await store.append(stream, [event('A'), event('B')], 'no_stream');
        const [, last] = await collect(store.readStream(stream));
        expect(result.position).toBe(last?.position);
      });
    });

    describe('concurrency', () => {
      it('of many appends at the same revision exactly one wins', async () => {
        const stream = streamName();
        await store.append(stream, [event('A')], 'no_stream');
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) => store.append(stream, [event('B', { i })], 0n)),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) {
          if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(WrongExpectedVersionError);
        }
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });

      it('writers that retry on conflict lose no event and leave no gap', async () => {
        const stream = streamName();
        const writer = async (i: number) => {
          for (;;) {
            const [last] = await collect(store.readStream(stream, { direction: 'backwards', maxCount: 1 }));
            try {
              return await store.append(stream, [event('W', { i })], last ? last.revision : 'no_stream');
            } catch (error) {
              if (!(error instanceof WrongExpectedVersionError)) throw error;
            }
          }
        };
        await Promise.all(Array.from({ length: 25 }, (_, i) => writer(i)));
        const events = await collect(store.readStream(stream));
        expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 25 }, (_, i) => BigInt(i)));
        expect(new Set(events.map((e) => (e.data as { i: number }).i)).size).toBe(25);
      });

      it('a conflict on one stream does not fail appends to other streams sent at the same time', async () => {
        const streams = Array.from({ length: 10 }, () => streamName());
        const results = await Promise.allSettled(
          streams.flatMap((stream) => [
            store.append(stream, [event('First')], 'no_stream'),
            store.append(stream, [event('Second')], 'no_stream'),
          ]),
        );
        for (let i = 0; i < streams.length; i++) {
          const pair = [results[2 * i], results[2 * i + 1]];
          expect(pair.filter((r) => r?.status === 'fulfilled')).toHaveLength(1);
        }
        for (const stream of streams) expect(await collect(store.readStream(stream))).toHaveLength(1);
      });
    });

    describe('reading a stream', () => {
      it('reads forwards, backwards, from a revision and with a max count', async () => {
        const stream = streamName();
        await store.append(
          stream,
          ['A', 'B', 'C', 'D', 'E'].map((t) => event(t)),
          'no_stream',
        );
        const types = async (opts: Parameters<EventStore['readStream']>[1]) =>
          (await collect(store.readStream(stream, opts))).map((e) => e.type);
        expect(await types({})).toEqual(['A', 'B', 'C', 'D', 'E']);
        expect(await types({ direction: 'backwards' })).toEqual(['E', 'D', 'C', 'B', 'A']);
        expect(await types({ fromRevision: 2n })).toEqual(['C', 'D', 'E']);
        expect(await types({ fromRevision: 2n, direction: 'backwards' })).toEqual(['C', 'B', 'A']);
        expect(await types({ fromRevision: 1n, maxCount: 2 })).toEqual(['B', 'C']);
        expect(await types({ direction: 'backwards', maxCount: 1 })).toEqual(['E']);
        expect(await types({ fromRevision: 9n })).toEqual([]);
      });

      it('a missing stream reads as empty', async () => {
        expect(await collect(store.readStream(streamName()))).toEqual([]);
      });

      it('reads a stream longer than one page in full and in order', async () => {
        const stream = streamName();
        const events = Array.from({ length: 2600 }, (_, i) => event('N', { i }));
        await store.append(stream, events.slice(0, 1300), 'no_stream');
        await store.append(stream, events.slice(1300), 1299n);
        const read = await collect(store.readStream(stream));
        expect(read).toHaveLength(2600);
        expect(read.every((e, i) => e.revision === BigInt(i))).toBe(true);
      });

      it('records id, stream, revision, type, metadata and the time the store committed it', async () => {
        const stream = streamName();
        const id = randomUUID();
        const before = Date.now();
        await store.append(stream, [event('A', { x: 1 }, id)], 'no_stream');
        const [read] = await collect(store.readStream(stream));
        expect(read).toMatchObject({ id, stream, revision: 0n, type: 'A', data: { x: 1 } });
        expect(read?.metadata).toEqual({ actor: 'test', correlationId: 'c' });
        expect(read?.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
        expect(read?.recordedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      });
    });

    describe('reading $all', () => {
      it('keeps the order of commits across streams with increasing positions', async () => {
        const [a, b] = [streamName('a'), streamName('b')];
        await store.append(a, [event('A1')], 'no_stream');
        await store.append(b, [event('B1'), event('B2')], 'no_stream');
        await store.append(a, [event('A2')], 0n);
        const read = await all();
        expect(read.map((e) => e.type)).toEqual(['A1', 'B1', 'B2', 'A2']);
        for (let i = 1; i < read.length; i++) {
          expect(read[i]!.position > read[i - 1]!.position).toBe(true);
        }
      });

      it('reads from a position inclusively, backwards and with a max count', async () => {
        const stream = streamName();
        await store.append(
          stream,
          ['A', 'B', 'C', 'D'].map((t) => event(t)),
          'no_stream',
        );
        const read = await all();
        const fromC = await collect(store.readAll({ fromPosition: read[2]!.position }));
        expect(fromC.map((e) => e.type)).toEqual(['C', 'D']);
        const backwards = await collect(store.readAll({ direction: 'backwards', maxCount: 3 }));
        expect(backwards.map((e) => e.type)).toEqual(['D', 'C', 'B']);
        const backFromB = await collect(
          store.readAll({ direction: 'backwards', fromPosition: read[1]!.position }),
        );
        expect(backFromB.map((e) => e.type)).toEqual(['B', 'A']);
        expect(await collect(store.readAll({ maxCount: 2 }))).toHaveLength(2);
      });

      it('filters by stream prefix and by event type prefix', async () => {
        await store.append(
          streamName('ehe'),
          [event('EheReferralReceived'), event('CaseAllocated')],
          'no_stream',
        );
        await store.append(streamName('cme'), [event('CmeReferralReceived')], 'no_stream');
        await store.append(streamName('access'), [event('CaseRead')], 'no_stream');
        const byStream = await collect(store.readAll({ filter: { streamPrefixes: ['ehe-', 'cme-'] } }));
        expect(byStream.map((e) => e.type)).toEqual([
          'EheReferralReceived',
          'CaseAllocated',
          'CmeReferralReceived',
        ]);
        const byType = await collect(store.readAll({ filter: { eventTypePrefixes: ['Cme', 'CaseR'] } }));
        expect(byType.map((e) => e.type)).toEqual(['CmeReferralReceived', 'CaseRead']);
      });

      it('an empty store reads as empty', async () => {
        expect(await all()).toEqual([]);
      });
    });

    describe('subscriptions to $all', () => {
      it('catch up with what is stored, then deliver live appends, in order', async () => {
        const stream = streamName();
        await store.append(stream, [event('A'), event('B')], 'no_stream');
        const subscription = store.subscribeToAll();
        expect((await take(subscription, 2)).map((e) => e.type)).toEqual(['A', 'B']);
        await store.append(stream, [event('C')], 1n);
        await store.append(streamName(), [event('D')], 'no_stream');
        expect((await take(subscription, 2)).map((e) => e.type)).toEqual(['C', 'D']);
        await subscription.close();
      });

      it('resume after a position without gaps or duplicates', async () => {
        const stream = streamName();
        await store.append(
          stream,
          ['A', 'B', 'C'].map((t) => event(t)),
          'no_stream',
        );
        const first = store.subscribeToAll();
        const seen = await take(first, 2);
        await first.close();
        await store.append(stream, [event('D')], 2n);
        const resumed = store.subscribeToAll({ fromPosition: seen[1]!.position });
        expect((await take(resumed, 2)).map((e) => e.type)).toEqual(['C', 'D']);
        await resumed.close();
      });

      it('deliver only events that match a filter', async () => {
        const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['cme-'] } });
        await store.append(streamName('ehe'), [event('E1')], 'no_stream');
        await store.append(streamName('cme'), [event('C1')], 'no_stream');
        await store.append(streamName('ehe'), [event('E2')], 'no_stream');
        await store.append(streamName('cme'), [event('C2')], 'no_stream');
        expect((await take(subscription, 2)).map((e) => e.type)).toEqual(['C1', 'C2']);
        await subscription.close();
      });

      it('end their iteration when closed', async () => {
        await store.append(streamName(), [event('A')], 'no_stream');
        const subscription = store.subscribeToAll();
        const consumed: string[] = [];
        const consumer = (async () => {
          for await (const e of subscription) consumed.push(e.type);
        })();
        // Closed once it has delivered what was there (a fixed sleep lost that race on a loaded CI machine).
        while (consumed.length === 0) await new Promise((r) => setTimeout(r, 10));
        await subscription.close();
        await consumer;
        expect(consumed).toEqual(['A']);
      });

      it('deliver a batch of many events live without losing any', async () => {
        const subscription = store.subscribeToAll();
        const stream = streamName();
        await store.append(
          stream,
          Array.from({ length: 1500 }, (_, i) => event('N', { i })),
          'no_stream',
        );
        const got = await take(subscription, 1500, 15_000);
        expect(got.map((e) => (e.data as { i: number }).i)).toEqual(
          Array.from({ length: 1500 }, (_, i) => i),
        );
        await subscription.close();
      });
    });

    describe('idempotency', () => {
      it('the same event ids appended again at the same revision are stored once', async () => {
        const stream = streamName();
        const batch = [event('A', {}, randomUUID()), event('B', {}, randomUUID())];
        const first = await store.append(stream, batch, 'no_stream');
        const again = await store.append(stream, batch, 'no_stream');
        expect(first.replayed).toBe(false);
        expect(again).toEqual({ ...first, replayed: true });
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });

      it('says when an append of ids already stored at that revision wrote nothing', async () => {
        const stream = streamName();
        await store.append(stream, [event('A')], 'no_stream');
        const batch = [event('B', {}, randomUUID())];
        const first = await store.append(stream, batch, 0n);
        expect(first.replayed).toBe(false);
        expect(await store.append(stream, batch, 0n)).toEqual({ ...first, replayed: true });
      });

      it('the same event ids appended again with any are stored once', async () => {
        const stream = streamName();
        await store.append(stream, [event('A')], 'no_stream');
        const batch = [event('B', {}, randomUUID())];
        const first = await store.append(stream, batch, 'any');
        expect(await store.append(stream, batch, 'any')).toEqual({ ...first, replayed: true });
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });

      it('the same event ids at another revision are a conflict', async () => {
        const stream = streamName();
        const batch = [event('A', {}, randomUUID())];
        await store.append(stream, batch, 'no_stream');
        await store.append(stream, [event('B')], 0n);
        await expectConflict(store.append(stream, batch, 1n), 1n);
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });
    });

    describe('data', () => {
      it('round-trips JSON data and metadata, unicode included', async () => {
        const stream = streamName();
        const data = {
          name: 'Zoë Ó Súilleabháin-Łukasz 李小龍 👩‍👧',
          nested: { list: [1, 2.5, -3, null, true, 'x'], empty: {}, none: null },
          quote: `"'\\<script>`,
        };
        const metadata = { actor: 'officer-α', role: 'officer', note: '\u2028 line separator' };
        await store.append(stream, [{ type: 'Unicode', data, metadata }], 'no_stream');
        const [read] = await collect(store.readStream(stream));
        expect(read?.data).toEqual(data);
        expect(read?.metadata).toEqual(metadata);
      });
    });

    describe('bad input changes nothing', () => {
      const cycle: Record<string, unknown> = {};
      cycle.self = cycle;
      const cases: [string, () => Promise<unknown>][] = [
        ['an empty stream name', () => store.append('', [event('A')], 'any')],
        ['a stream name with control characters', () => store.append('ehe-\u0000x', [event('A')], 'any')],
        ['a system stream name', () => store.append('$all', [event('A')], 'any')],
        ['a system event type', () => store.append(streamName(), [event('$metadata')], 'any')],
        ['an event without a type', () => store.append(streamName(), [{ data: {} } as NewEvent], 'any')],
        ['an empty event type', () => store.append(streamName(), [event('')], 'any')],
        ['a bigint in the data', () => store.append(streamName(), [event('A', { n: 1n })], 'any')],
        ['a function in the data', () => store.append(streamName(), [event('A', { f: () => 1 })], 'any')],
        ['a cycle in the data', () => store.append(streamName(), [event('A', cycle)], 'any')],
        ['a negative expected revision', () => store.append(streamName(), [event('A')], -1n)],
        ['no events', () => store.append(streamName(), [], 'any')],
        [
          'an event id that is not a UUID',
          () => store.append(streamName(), [event('A', {}, 'not-a-uuid')], 'any'),
        ],
        [
          'a valid event beside a bad one',
          () => store.append(streamName(), [event('A'), event('B', { n: 2n })], 'any'),
        ],
      ];
      for (const [what, attempt] of cases) {
        it(`${what} is a typed error and writes nothing`, async () => {
          await store.append(streamName(), [event('Existing')], 'no_stream');
          const before = await all();
          await expect(attempt()).rejects.toBeInstanceOf(InvalidEventStoreRequestError);
          expect(await all()).toEqual(before);
        });
      }

      it('a negative revision to read from is a typed error', async () => {
        await expect(collect(store.readStream(streamName(), { fromRevision: -1n }))).rejects.toBeInstanceOf(
          InvalidEventStoreRequestError,
        );
      });
    });

    describe('durability', () => {
      it('a reopened store keeps every stream, revision and position', async () => {
        if (!harness.reopen) return;
        const stream = streamName();
        await store.append(stream, [event('A', { x: 'é' }), event('B')], 'no_stream');
        const before = await all();
        store = await harness.reopen();
        expect(await all()).toEqual(before);
        expect((await store.append(stream, [event('C')], 1n)).nextRevision).toBe(2n);
      });
    });
  });
}
