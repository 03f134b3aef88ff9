/**
 * The in-memory transaction log behind the EventStoreDB-protocol test server: streams, $all with byte-offset
 * positions, expected-revision checks and idempotency as EventStoreDB's IndexWriter.CheckCommit decides them.
 */

export interface StoredEvent {
  id: string;
  stream: string;
  revision: bigint;
  position: bigint;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
  /** 100-nanosecond ticks since the Unix epoch, as EventStoreDB reports `created`. */
  created: bigint;
}

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export type Expected =
  | { kind: 'any' }
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'revision'; revision: bigint };

export type AppendOutcome =
  /** `position` is absent for an idempotent re-append: older servers answer those with no position. */
  | { ok: true; revision: bigint; position: bigint | undefined }
  /** `current` is absent when the stream does not exist. */
  | { ok: false; current: bigint | undefined };

// Past 2^53 on purpose: a client that turns positions into numbers loses precision here.
const firstPosition = 2n ** 53n + 1n;
const recordOverhead = 120n;

export interface EventLog {
  append(stream: string, expected: Expected, events: ProposedEvent[]): AppendOutcome;
  readonly all: readonly StoredEvent[];
  stream(name: string): readonly StoredEvent[] | undefined;
  onAppend(listener: (events: StoredEvent[]) => void): () => void;
}

export function createEventLog(options: { systemEventEvery: number }): EventLog {
  const all: StoredEvent[] = [];
  const streams = new Map<string, StoredEvent[]>();
  const listeners = new Set<(events: StoredEvent[]) => void>();
  let nextPosition = firstPosition;
  let userAppends = 0;

  const write = (stream: string, events: ProposedEvent[]): StoredEvent[] => {
    let existing = streams.get(stream);
    if (!existing) {
      existing = [];
      streams.set(stream, existing);
    }
    const created = BigInt(Date.now()) * 10_000n;
    const written = events.map((event, i) => {
      const stored: StoredEvent = {
        ...event,
        stream,
        revision: BigInt(existing.length + i),
        position: nextPosition,
        created,
      };
      // Byte offsets in a chunk file: large, increasing, never contiguous.
      const size = BigInt(
        event.data.length + event.customMetadata.length + stream.length + event.type.length,
      );
      nextPosition += recordOverhead + size + (8n - (size % 8n));
      return stored;
    });
    for (const event of written) {
      existing.push(event);
      all.push(event);
    }
    for (const listener of listeners) listener(written);
    return written;
  };

  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const writeSystemEvent = () => {
    const n = all.length;
    // System events the real server writes into $all: stats, scavenges, persistent subscription config.
    const [stream, type] =
      n % 3 === 0
        ? ['$stats-127.0.0.1:2113', '$statsCollected']
        : n % 3 === 1
          ? ['$scavenges', '$scavengeStarted']
          : ['$persistentSubscriptionConfig', 'PersistentConfig1'];
    write(stream, [
      {
        id: crypto.randomUUID(),
        type,
        contentType: 'application/json',
        data: json({ at: n }),
        customMetadata: new Uint8Array(),
      },
    ]);
  };
  writeSystemEvent();
  write('$epoch-information', [
    {
      id: crypto.randomUUID(),
      type: '$epoch-information',
      contentType: 'application/json',
      data: json({ epochNumber: 0 }),
      customMetadata: new Uint8Array(),
    },
  ]);

  /** IndexWriter.CheckCommit: which of ok, idempotent or wrong expected version an append gets. */
  const check = (
    existing: StoredEvent[],
    expected: Expected,
    ids: string[],
  ): 'ok' | 'wrong' | { idempotent: StoredEvent[] } => {
    const current = existing.length - 1;
    const byId = (from: number) =>
      existing.slice(from, from + ids.length).filter((event, i) => event.id === ids[i]);
    if (expected.kind === 'any' || expected.kind === 'stream_exists') {
      if (expected.kind === 'stream_exists' && current < 0) return 'wrong';
      const first = existing.findIndex((e) => e.id === ids[0]);
      if (first < 0) return 'ok';
      const found = byId(first);
      return found.length === ids.length ? { idempotent: found } : 'wrong';
    }
    const expectedNumber = expected.kind === 'no_stream' ? -1 : Number(expected.revision);
    if (expectedNumber > current) return 'wrong';
    // Same ids with the expected revision equal to the current one are written again: the real server
    // only looks for idempotency when the expected revision is behind the stream.
    if (expectedNumber === current) return 'ok';
    const found = byId(expectedNumber + 1);
    return found.length === ids.length ? { idempotent: found } : 'wrong';
  };

  return {
    all,
    stream: (name) => streams.get(name),
    onAppend(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    append(stream, expected, events) {
      const existing = streams.get(stream) ?? [];
      const decision = check(
        existing,
        expected,
        events.map((e) => e.id),
      );
      const current = existing.length > 0 ? BigInt(existing.length - 1) : undefined;
      if (decision === 'wrong') return { ok: false, current };
      if (decision !== 'ok') {
        return { ok: true, revision: decision.idempotent.at(-1)!.revision, position: undefined };
      }
      const written = write(stream, events);
      userAppends++;
      if (userAppends % options.systemEventEvery === 0) writeSystemEvent();
      return { ok: true, revision: written.at(-1)!.revision, position: written.at(-1)!.position };
    },
  };
}
