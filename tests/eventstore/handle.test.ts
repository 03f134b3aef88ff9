import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Decider, EventCodec } from '../../src/domain/decider.js';
import { WrongExpectedVersionError } from '../../src/eventstore/errors.js';
import { createCommandHandler, idempotentEventId } from '../../src/eventstore/handle.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import type { EventStore } from '../../src/eventstore/types.js';
import { collect } from './contract.js';

// A tiny decider: a tally that can be opened once, incremented, and closed.
type TallyCommand =
  | { type: 'Open' }
  | { type: 'Add'; amount: number }
  | { type: 'Close' }
  | { type: 'Touch' };
type TallyEvent = { type: 'Opened' } | { type: 'Added'; amount: number } | { type: 'Closed' };
type Tally = { status: 'none' | 'open' | 'closed'; total: number };

/** The tally's refusals, with codes of its own: the handler passes whatever a decider throws through. */
class TallyRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const tally: Decider<TallyCommand, TallyEvent, Tally, { limit: number }> = {
  initialState: () => ({ status: 'none', total: 0 }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'Opened':
        return { ...state, status: 'open' };
      case 'Added':
        return { ...state, total: state.total + event.amount };
      case 'Closed':
        return { ...state, status: 'closed' };
    }
  },
  decide: (command, state, { limit }) => {
    if (command.type === 'Open') {
      if (state.status !== 'none') throw new TallyRefused('already_open', 'The tally is already open');
      return [{ type: 'Opened' }];
    }
    if (state.status !== 'open') throw new TallyRefused('not_open', 'The tally is not open');
    if (command.type === 'Touch') return [];
    if (command.type === 'Close') return [{ type: 'Closed' }];
    if (state.total + command.amount > limit) throw new TallyRefused('over_limit', 'Too much', 'amount');
    return [{ type: 'Added', amount: command.amount }];
  },
};

// Version 1 of Added stored `value`; version 2 stores `amount`. Old events are upcast when read.
const codec: EventCodec<TallyEvent> = {
  encode: (event) => ({ type: event.type, data: event, schemaVersion: event.type === 'Added' ? 2 : 1 }),
  decode: ({ type, data, schemaVersion }) => {
    const body = data as Record<string, unknown>;
    if (type === 'Added' && schemaVersion === 1) return { type: 'Added', amount: Number(body.value) };
    return { ...body, type } as TallyEvent;
  },
};

const caseType = { decider: tally, codec };
const meta = { actor: 'alice', role: 'officer', correlationId: 'corr-1', causationId: 'req-1' };
const context = { limit: 100 };

describe('command handler', () => {
  let store: EventStore;
  let handle: ReturnType<typeof createCommandHandler<TallyCommand, TallyEvent, Tally, { limit: number }>>;
  beforeEach(() => {
    store = createSqliteEventStore({ path: ':memory:' });
    handle = createCommandHandler(store, caseType);
  });
  afterEach(() => store.close());

  const run = (command: TallyCommand, options = {}, stream = 'tally-1') =>
    handle({ stream, command, metadata: meta, context, options });
  const stored = () => collect(store.readStream('tally-1'));

  it('folds the stream, decides, and appends at the revision it read', async () => {
    await run({ type: 'Open' });
    const result = await run({ type: 'Add', amount: 5 });
    expect(result.revision).toBe(1n);
    expect(result.state).toEqual({ status: 'open', total: 5 });
    expect((await stored()).map((e) => e.type)).toEqual(['Opened', 'Added']);
  });

  it('records who, why, when and the schema version on every event', async () => {
    await run({ type: 'Open' });
    const [event] = await stored();
    expect(event?.metadata).toMatchObject({ ...meta, schemaVersion: 1 });
    expect(Number.isNaN(Date.parse(String(event?.metadata.occurredAt)))).toBe(false);
  });

  it('keeps a business time given by the caller', async () => {
    await handle({
      stream: 'tally-1',
      command: { type: 'Open' },
      metadata: { ...meta, occurredAt: '2025-01-02T10:00:00.000Z' },
      context,
    });
    expect((await stored())[0]?.metadata.occurredAt).toBe('2025-01-02T10:00:00.000Z');
  });

  it('a command the state forbids throws the domain error and writes nothing', async () => {
    await expect(run({ type: 'Add', amount: 1 })).rejects.toMatchObject({ code: 'not_open' });
    expect(await stored()).toEqual([]);
  });

  it('a command that decides nothing writes nothing', async () => {
    await run({ type: 'Open' });
    const result = await run({ type: 'Touch' });
    expect(result).toMatchObject({ events: [], revision: 0n, position: undefined });
    expect(await stored()).toHaveLength(1);
  });

  it('concurrent commands on one case all land, each decided on the state it was appended to', async () => {
    await run({ type: 'Open' });
    await Promise.all(Array.from({ length: 4 }, () => run({ type: 'Add', amount: 10 })));
    const events = await stored();
    expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
  });

  it('a concurrent write that breaks a rule is caught on retry', async () => {
    await run({ type: 'Open' });
    const results = await Promise.allSettled(
      Array.from({ length: 3 }, () => run({ type: 'Add', amount: 60 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'over_limit' } });
  });

  it('a pinned revision that is stale fails without retrying and writes nothing', async () => {
    await run({ type: 'Open' });
    await run({ type: 'Add', amount: 1 });
    await expect(run({ type: 'Add', amount: 1 }, { expectedRevision: 0n })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect(await stored()).toHaveLength(2);
    expect((await run({ type: 'Add', amount: 1 }, { expectedRevision: 1n })).revision).toBe(2n);
  });

  it('a pinned no_stream fails once the case exists', async () => {
    await run({ type: 'Open' });
    await expect(run({ type: 'Open' }, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
  });

  it('gives up after a bounded number of conflicts', async () => {
    await run({ type: 'Open' });
    let attempts = 0;
    const alwaysConflicting: EventStore = {
      ...store,
      readStream: (s, o) => store.readStream(s, o),
      append: async (stream, _events, expected) => {
        attempts++;
        throw new WrongExpectedVersionError(stream, expected, 99n);
      },
    };
    await expect(
      createCommandHandler(
        alwaysConflicting,
        caseType,
      )({
        stream: 'tally-1',
        command: { type: 'Add', amount: 1 },
        metadata: meta,
        context,
        options: { maxAttempts: 3 },
      }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(attempts).toBe(3);
  });

  describe('streams it has folded before', () => {
    it('sees what another writer appended since, and decides on it', async () => {
      await run({ type: 'Open' });
      await run({ type: 'Add', amount: 10 });
      await store.append(
        'tally-1',
        [{ type: 'Added', data: { amount: 80 }, metadata: { schemaVersion: 2 } }],
        1n,
      );
      await expect(run({ type: 'Add', amount: 20 })).rejects.toMatchObject({ code: 'over_limit' });
      expect((await run({ type: 'Add', amount: 10 })).state).toEqual({ status: 'open', total: 100 });
    });

    it('reads only the events written since', async () => {
      const reads: (bigint | undefined)[] = [];
      const counting: EventStore = {
        ...store,
        append: (...args) => store.append(...args),
        readStream: (s, o) => {
          reads.push(o?.fromRevision);
          return store.readStream(s, o);
        },
      };
      const handleCounted = createCommandHandler(counting, caseType);
      const runCounted = (command: TallyCommand) =>
        handleCounted({ stream: 'tally-1', command, metadata: meta, context });
      await runCounted({ type: 'Open' });
      await runCounted({ type: 'Add', amount: 1 });
      await runCounted({ type: 'Add', amount: 1 });
      expect(reads).toEqual([undefined, undefined, 1n]);
    });

    it('still replays a repeated idempotency key whose events it has already folded', async () => {
      await run({ type: 'Open' });
      const first = await run({ type: 'Add', amount: 5 }, { idempotencyKey: 'k-1' });
      await run({ type: 'Add', amount: 1 });
      const repeat = await run({ type: 'Add', amount: 5 }, { idempotencyKey: 'k-1' });
      expect(repeat).toMatchObject({ replayed: true, events: first.events, position: first.position });
      expect(await stored()).toHaveLength(3);
    });
  });

  describe('idempotency keys', () => {
    it('derive the event ids, so a repeated request appends nothing and returns the first result', async () => {
      await run({ type: 'Open' });
      const first = await run({ type: 'Add', amount: 7 }, { idempotencyKey: 'key-1' });
      expect(first.events[0]?.id).toBe(idempotentEventId('tally-1', 'key-1', 0));
      const again = await run({ type: 'Add', amount: 7 }, { idempotencyKey: 'key-1' });
      expect(again.replayed).toBe(true);
      expect(again.events).toEqual(first.events);
      expect(again.position).toBe(first.position);
      expect((await stored()).map((e) => e.type)).toEqual(['Opened', 'Added']);
    });

    it('a repeat after the case moved on still replays rather than deciding again', async () => {
      await run({ type: 'Open' }, { idempotencyKey: 'open' });
      await run({ type: 'Close' });
      const again = await run({ type: 'Open' }, { idempotencyKey: 'open' });
      expect(again.replayed).toBe(true);
      expect(await stored()).toHaveLength(2);
    });

    it('a repeat answers with the revision and state just after the first request, not the newest', async () => {
      await run({ type: 'Open' });
      const first = await run({ type: 'Add', amount: 5 }, { idempotencyKey: 'add' });
      await run({ type: 'Add', amount: 7 });
      const again = await run({ type: 'Add', amount: 5 }, { idempotencyKey: 'add' });
      expect(again).toMatchObject({ replayed: true, revision: first.revision, state: first.state });
    });

    it('the same key sent twice at once appends once', async () => {
      await run({ type: 'Open' });
      await Promise.all([
        run({ type: 'Add', amount: 3 }, { idempotencyKey: 'same' }),
        run({ type: 'Add', amount: 3 }, { idempotencyKey: 'same' }),
      ]);
      expect((await stored()).filter((e) => e.type === 'Added')).toHaveLength(1);
    });

    it('of two requests sent at once with one key, the one whose events were not stored is told it replayed', async () => {
      await run({ type: 'Open' });
      const answers = await Promise.all([
        run({ type: 'Add', amount: 3 }, { idempotencyKey: 'same' }),
        run({ type: 'Add', amount: 4 }, { idempotencyKey: 'same' }),
      ]);
      const added = (await stored()).filter((e) => e.type === 'Added');
      expect(added).toHaveLength(1);
      // Each answer says what is stored: the writer's own events, or a replay of the other's.
      for (const answer of answers) {
        expect(answer.events.map(({ event }) => event)).toEqual([added[0]?.data]);
      }
      expect(answers.map((answer) => answer.replayed).sort()).toEqual([false, true]);
    });

    it('the same key on another stream is another request', async () => {
      await run({ type: 'Open' }, { idempotencyKey: 'k' });
      const other = await run({ type: 'Open' }, { idempotencyKey: 'k' }, 'tally-2');
      expect(other.replayed).toBe(false);
    });
  });

  it('upcasts an old event version when folding', async () => {
    await store.append(
      'tally-1',
      [
        { type: 'Opened', data: {}, metadata: { schemaVersion: 1 } },
        { type: 'Added', data: { value: 40 }, metadata: { schemaVersion: 1 } },
      ],
      'no_stream',
    );
    expect((await run({ type: 'Add', amount: 2 })).state.total).toBe(42);
  });
});
