/**
 * The event store port. Every adapter (SQLite, EventStoreDB) implements it exactly and passes the same
 * contract suite (tests/eventstore/contract.ts).
 *
 * Conventions shared by all adapters:
 * - Revisions are 0-based: a stream's revision is the revision of its last event.
 * - Positions are global, strictly increasing, but not necessarily contiguous.
 * - `readAll({ fromPosition })` is inclusive; `subscribeToAll({ fromPosition })` is exclusive, so a
 *   subscriber resumes from the last position it processed.
 * - System events (types or streams starting with `$`) are never returned; they cannot be appended either.
 */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | bigint;

export interface NewEvent {
  /** A UUID; the store generates one when absent. Re-appending the same ids is idempotent. */
  id?: string;
  type: string;
  data: unknown;
  metadata?: Record<string, unknown>;
}

export interface RecordedEvent {
  id: string;
  stream: string;
  revision: bigint;
  position: bigint;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  /** Knowledge time: when the store committed the event. */
  recordedAt: Date;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextRevision: bigint;
  /** Global position of the last event appended. */
  position: bigint;
  /**
   * True when these event ids were already stored at this place, so nothing was written now: the caller's
   * decision was not recorded, an earlier one with the same ids was (an idempotency key reused meanwhile).
   */
  replayed: boolean;
}

export type EventFilter = { eventTypePrefixes: string[] } | { streamPrefixes: string[] };

export interface ReadStreamOptions {
  fromRevision?: bigint;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface ReadAllOptions {
  fromPosition?: bigint;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
  filter?: EventFilter;
}

export interface SubscribeOptions {
  /** Exclusive: delivery starts after this position. Absent: from the start of the log. */
  fromPosition?: bigint;
  filter?: EventFilter;
}

export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  close(): Promise<void>;
}
