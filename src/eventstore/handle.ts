import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { Decider, EventCodec } from '../domain/decider.js';
import { WrongExpectedVersionError } from './errors.js';
import { type CommandMetadata, checkEventMetadata } from './metadata.js';
import type { EventStore, ExpectedRevision, NewEvent } from './types.js';

/** Fixed namespace so that an idempotency key always maps to the same event ids. */
const IDEMPOTENCY_NAMESPACE = '1b4e28ba-2fa1-4d3b-a3f5-ef19a8d9c7e2';

export interface DeciderWithCodec<Command, Event, State, Context> {
  decider: Decider<Command, Event, State, Context>;
  codec: EventCodec<Event>;
}

export interface HandleOptions {
  /** The revision the caller saw (HTTP If-Match); a mismatch fails instead of retrying. */
  expectedRevision?: bigint | 'no_stream';
  /** The same key on the same stream appends once; a repeat returns the first result. */
  idempotencyKey?: string;
  maxAttempts?: number;
  /**
   * Runs after the command is decided and before its events are appended: a check that must not write
   * anything for a command the decider refuses (e.g. reserving a new case's id).
   */
  beforeAppend?: () => Promise<void>;
}

export interface HandleResult<Event, State> {
  events: { id: string; event: Event }[];
  state: State;
  /** Revision of the stream after the command: -1n when the stream is still empty. */
  revision: bigint;
  /** Global position of the last event written (or replayed); undefined when nothing was written. */
  position: bigint | undefined;
  /** True when an earlier request with the same idempotency key had already written the events. */
  replayed: boolean;
}

/** The id of the i-th event a command with this idempotency key writes to this stream. */
export const idempotentEventId = (stream: string, idempotencyKey: string, i: number): string =>
  uuidv5(`${stream}\u0000${idempotencyKey}\u0000${i}`, IDEMPOTENCY_NAMESPACE);

interface Loaded<Event, State> {
  state: State;
  revision: bigint;
  /** The events an earlier request with the same key wrote, and the stream as it stood just after them. */
  replay?: { events: { id: string; event: Event }[]; position: bigint; revision: bigint; state: State };
}

/** A stream folded up to `revision`, with the ids of its events (for idempotency-key lookups). */
interface Folded<State> {
  state: State;
  revision: bigint;
  eventIds: readonly string[];
}

const FOLDED_STREAMS_KEPT = 10_000;

/**
 * The streams most recently handled, folded from what was read (never from what was decided), so that a
 * command reads only the events written since. Safe with other writers and processes: the tail is always
 * read, and a decision on a stale fold fails the append's revision check. One per handler: the composition
 * root that creates the handler owns it, no module keeps one.
 */
function createFoldCache<State>() {
  const cache = new Map<string, Folded<State>>();
  return {
    get: (stream: string) => cache.get(stream),
    remember(stream: string, folded: Folded<State>): void {
      cache.delete(stream);
      cache.set(stream, folded);
      if (cache.size > FOLDED_STREAMS_KEPT) cache.delete(cache.keys().next().value as string);
    },
  };
}

async function load<C, E, S, X>(
  store: EventStore,
  caseType: DeciderWithCodec<C, E, S, X>,
  folds: ReturnType<typeof createFoldCache<S>>,
  stream: string,
  idempotencyKey: string | undefined,
): Promise<Loaded<E, S>> {
  const { decider, codec } = caseType;
  let cached = folds.get(stream);
  // A repeat whose first events are already folded needs them decoded again: read the stream whole.
  if (idempotencyKey !== undefined && cached?.eventIds.includes(idempotentEventId(stream, idempotencyKey, 0)))
    cached = undefined;
  let state = cached ? cached.state : decider.initialState();
  let revision = cached?.revision ?? -1n;
  const eventIds = [...(cached?.eventIds ?? [])];
  let replay: Loaded<E, S>['replay'];
  for await (const recorded of store.readStream(stream, cached ? { fromRevision: revision + 1n } : {})) {
    const schemaVersion = Number(recorded.metadata.schemaVersion ?? 1);
    const event = codec.decode({ type: recorded.type, data: recorded.data, schemaVersion });
    state = decider.evolve(state, event);
    revision = recorded.revision;
    eventIds.push(recorded.id);
    if (idempotencyKey === undefined) continue;
    const index = replay?.events.length ?? 0;
    if (recorded.id === idempotentEventId(stream, idempotencyKey, index)) {
      replay ??= { events: [], position: recorded.position, revision: recorded.revision, state };
      replay.events.push({ id: recorded.id, event });
      replay.position = recorded.position;
      replay.revision = recorded.revision;
      replay.state = state;
    }
  }
  if (revision >= 0n) folds.remember(stream, { state, revision, eventIds });
  return { state, revision, ...(replay ? { replay } : {}) };
}

/** One command for one stream: what the handler is asked to do. */
export interface CommandRequest<Command, Context> {
  stream: string;
  command: Command;
  metadata: CommandMetadata;
  context: Context;
  options?: HandleOptions;
}

export type CommandHandler<Command, Event, State, Context> = (
  request: CommandRequest<Command, Context>,
) => Promise<HandleResult<Event, State>>;

/**
 * The command handler of one case type on one store, created once by the composition root. Each call loads,
 * folds, decides and appends with the revision read. On a concurrent write it retries a bounded number of
 * times, unless the caller pinned the revision, in which case the WrongExpectedVersionError surfaces.
 */
export function createCommandHandler<Command, Event, State, Context>(
  store: EventStore,
  caseType: DeciderWithCodec<Command, Event, State, Context>,
): CommandHandler<Command, Event, State, Context> {
  const folds = createFoldCache<State>();
  return ({ stream, command, metadata, context, options = {} }) =>
    handleOne(store, caseType, folds, stream, command, metadata, context, options);
}

async function handleOne<Command, Event, State, Context>(
  store: EventStore,
  caseType: DeciderWithCodec<Command, Event, State, Context>,
  folds: ReturnType<typeof createFoldCache<State>>,
  stream: string,
  command: Command,
  metadata: CommandMetadata,
  context: Context,
  options: HandleOptions,
): Promise<HandleResult<Event, State>> {
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const loaded = await load(store, caseType, folds, stream, options.idempotencyKey);
    if (loaded.replay) {
      return {
        events: loaded.replay.events,
        state: loaded.replay.state,
        revision: loaded.replay.revision,
        position: loaded.replay.position,
        replayed: true,
      };
    }
    const current: ExpectedRevision = loaded.revision < 0n ? 'no_stream' : loaded.revision;
    if (options.expectedRevision !== undefined && options.expectedRevision !== current) {
      throw new WrongExpectedVersionError(
        stream,
        options.expectedRevision,
        loaded.revision < 0n ? 'no_stream' : loaded.revision,
      );
    }
    const decided = caseType.decider.decide(command, loaded.state, context);
    if (decided.length === 0) {
      return {
        events: [],
        state: loaded.state,
        revision: loaded.revision,
        position: undefined,
        replayed: false,
      };
    }
    const key = options.idempotencyKey;
    const ids = decided.map((_, i) => (key === undefined ? randomUUID() : idempotentEventId(stream, key, i)));
    const occurredAt = metadata.occurredAt ?? new Date().toISOString();
    const toAppend: NewEvent[] = decided.map((event, i) => {
      const { type, data, schemaVersion } = caseType.codec.encode(event);
      const eventMetadata = { ...metadata, occurredAt, schemaVersion };
      checkEventMetadata(eventMetadata);
      return { id: ids[i], type, data, metadata: eventMetadata };
    });
    await options.beforeAppend?.();
    try {
      const result = await store.append(stream, toAppend, current);
      // Another request with this key got there first: what is stored is its decision, so load it and
      // answer with that as a replay (the caller then checks it was the same request).
      if (result.replayed) continue;
      const state = decided.reduce(caseType.decider.evolve, loaded.state);

      return {
        events: decided.map((event, i) => ({ id: ids[i]!, event })),
        state,
        revision: result.nextRevision,
        position: result.position,
        replayed: false,
      };
    } catch (error) {
      const retry =
        error instanceof WrongExpectedVersionError &&
        options.expectedRevision === undefined &&
        attempt < maxAttempts;
      if (!retry) throw error;
    }
  }
}
