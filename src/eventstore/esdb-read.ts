/** Reads of one stream and of $all through @eventstore/db-client, mapped to the port's RecordedEvent. */
import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  END,
  type EventStoreDBClient,
  FORWARDS,
  type ResolvedEvent,
  START,
  type StreamingRead,
} from '@eventstore/db-client';
import { EventStoreUnavailableError } from './errors.js';
import { drainSourceWhenUnpiped } from './esdb-client.js';
import { isStreamNotFound, toPortError } from './esdb-errors.js';
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from './types.js';
import { isSystemEvent, matchesFilter } from './validation.js';

/** What the server reports for a position it does not know (uint64 max). */
const unknownPosition = 2n ** 64n - 1n;
/** $all is read in pages: filtering and system events are dropped here, so maxCount cannot go to the server. */
const pageSize = 2048;

const parseJson = (value: unknown): unknown => {
  if (!(value instanceof Uint8Array)) return value;
  const text = Buffer.from(value).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);

export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  const reported = event.position?.commit ?? resolved.commitPosition;
  const metadata = parseJson(event.metadata);
  return {
    id: event.id,
    stream: event.streamId,
    revision: event.revision,
    // Servers before 22.6 do not report positions on stream reads: -1 says "unknown" rather than lying.
    position: reported === undefined || reported === unknownPosition ? -1n : reported,
    type: event.type,
    data: event.isJson ? event.data : parseJson(event.data),
    metadata: isRecord(metadata) ? metadata : {},
    recordedAt: event.created,
  };
}

/**
 * Iterates a client read, cancelling the gRPC call when the consumer stops early or the server goes quiet.
 * The deadline bounds each wait for the server, not the whole read: a long read that keeps answering, or a
 * slow consumer, never trips it; a server that accepts the connection and then says nothing does. A
 * watchdog checks the wait in hand a few times per deadline: a timer per event would cost reads of the
 * whole log more than the reads themselves.
 */
async function* drain(
  read: StreamingRead<ResolvedEvent | AllStreamResolvedEvent>,
  operation: string,
  deadlineMs: number,
): AsyncGenerator<RecordedEvent> {
  drainSourceWhenUnpiped(read);
  let finished = false;
  let waitingSince: number | undefined;
  const watchdog = setInterval(
    () => {
      if (waitingSince === undefined || Date.now() - waitingSince < deadlineMs) return;
      read.destroy(new EventStoreUnavailableError(`EventStoreDB did not answer the ${operation} in time`));
    },
    Math.max(Math.floor(deadlineMs / 4), 5),
  );
  watchdog.unref();
  const iterator = read[Symbol.asyncIterator]();
  try {
    for (;;) {
      waitingSince = Date.now();
      const step = await iterator.next();
      waitingSince = undefined;
      if (step.done) break;
      const event = toRecordedEvent(step.value);
      if (event) yield event;
    }
    finished = true;
  } catch (error) {
    // The client throws "stream not found" lazily, while iterating; for the port a missing stream is empty.
    if (isStreamNotFound(error)) {
      finished = true;
      return;
    }
    throw toPortError(error, { operation });
  } finally {
    clearInterval(watchdog);
    // Not awaited: against a server that never answered, the client's cancel waits for a call never made.
    if (!finished) {
      void read.cancel().catch(() => undefined);
      read.destroy();
    }
  }
}

export async function* readStream(
  client: EventStoreDBClient,
  stream: string,
  options: ReadStreamOptions,
  deadlineMs: number,
): AsyncGenerator<RecordedEvent> {
  if (options.maxCount === 0) return;
  const backwards = options.direction === 'backwards';
  const read = client.readStream(stream, {
    fromRevision: options.fromRevision ?? (backwards ? END : START),
    direction: backwards ? BACKWARDS : FORWARDS,
    ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
  });
  for await (const event of drain(read, 'stream read', deadlineMs)) {
    if (!isSystemEvent(event.stream, event.type)) yield event;
  }
}

interface Page {
  from: bigint | undefined;
  backwards: boolean;
  count: number;
  deadlineMs: number;
}

const readPage = (client: EventStoreDBClient, { from, backwards, count, deadlineMs }: Page) =>
  drain(
    client.readAll({
      fromPosition: from === undefined ? (backwards ? END : START) : { commit: from, prepare: from },
      direction: backwards ? BACKWARDS : FORWARDS,
      maxCount: count,
    }),
    '$all read',
    deadlineMs,
  );

export async function* readAll(
  client: EventStoreDBClient,
  options: ReadAllOptions,
  deadlineMs: number,
): AsyncGenerator<RecordedEvent> {
  const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
  const backwards = options.direction === 'backwards';
  const keep = (event: RecordedEvent) =>
    !isSystemEvent(event.stream, event.type) && matchesFilter(options.filter, event.stream, event.type);
  let delivered = 0;
  if (wanted === 0) return;

  let cursor = options.fromPosition;
  if (backwards && cursor !== undefined) {
    // The server reads backwards from just before a position; the port's fromPosition is inclusive.
    for await (const event of readPage(client, { from: cursor, backwards: false, count: 1, deadlineMs })) {
      if (event.position === cursor && keep(event)) {
        yield event;
        delivered++;
      }
    }
  }
  let last: bigint | undefined;
  for (;;) {
    let received = 0;
    for await (const event of readPage(client, { from: cursor, backwards, count: pageSize, deadlineMs })) {
      received++;
      // Forward pages start at the cursor inclusively: the event there was delivered by the last page.
      if (last !== undefined && (backwards ? event.position >= last : event.position <= last)) continue;
      last = event.position;
      if (!keep(event)) continue;
      yield event;
      if (++delivered >= wanted) return;
    }
    if (received < pageSize || last === undefined) return;
    cursor = last;
  }
}
