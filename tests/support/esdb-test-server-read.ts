/** Streams.Read of the test server: stream and $all reads in both directions, and subscriptions. */
import { randomUUID } from 'node:crypto';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb.js';
import type { ServerWritableStream } from '@grpc/grpc-js';
import type { EventLog, StoredEvent } from './esdb-test-server-log.js';
import {
  caughtUpResponse,
  checkpointResponse,
  confirmationResponse,
  eventResponse,
  streamName,
  streamNotFoundResponse,
} from './esdb-test-server-messages.js';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;
type Options = NonNullable<ReturnType<ReadReq['getOptions']>>;

// Options.AllOptions.AllOptionCase and StreamOptions.RevisionOptionCase values from the proto.
const allPosition = 1;
const allEnd = 3;
const streamRevision = 2;
const streamEnd = 4;
/** The server's default filter search window; checkpoints come every window × multiplier events. */
const searchWindow = 32;

function compileFilter(options: Options): (event: StoredEvent) => boolean {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter()!;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType()!;
  const prefixes = expression.getPrefixList();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  return (event) => {
    const subject = onStream ? event.stream : event.type;
    if (regex) return regex.test(subject);
    return prefixes.some((prefix) => subject.startsWith(prefix));
  };
}

function selectAll(log: EventLog, options: Options, backwards: boolean): readonly StoredEvent[] {
  const all = options.getAll()!;
  const kind = all.getAllOptionCase();
  if (kind === allEnd) return backwards ? [...log.all].reverse() : [];
  if (kind !== allPosition) return backwards ? [] : log.all;
  const position = BigInt(all.getPosition()!.getCommitPosition());
  // Forwards from a position includes the event there; backwards starts just before it, as the real server.
  return backwards
    ? log.all.filter((e) => e.position < position).reverse()
    : log.all.filter((e) => e.position >= position);
}

function selectStream(events: readonly StoredEvent[], options: Options, backwards: boolean) {
  const stream = options.getStream()!;
  const kind = stream.getRevisionOptionCase();
  if (kind === streamEnd) return backwards ? [...events].reverse() : [];
  if (kind !== streamRevision) return backwards ? events.slice(0, 1) : events;
  const from = BigInt(stream.getRevision());
  return backwards
    ? events.filter((e) => e.revision <= from).reverse()
    : events.filter((e) => e.revision >= from);
}

/** `subscriptions` holds a drop function per live subscription, so stop() can end them all. */
export function createReadHandler(log: EventLog, subscriptions: Set<() => void>) {
  return (call: ReadCall) => {
    const options = call.request.getOptions();
    if (!options) return call.end();
    if (options.hasSubscription()) return subscribe(log, call, options, subscriptions);
    const backwards = options.getReadDirection() === 1;
    const count = options.hasCount() ? BigInt(options.getCount()) : BigInt(Number.MAX_SAFE_INTEGER);
    let selected: readonly StoredEvent[];
    if (options.hasStream()) {
      const name = streamName(options.getStream()!.getStreamIdentifier());
      const events = log.stream(name);
      if (!events) {
        call.write(streamNotFoundResponse(name));
        return call.end();
      }
      selected = selectStream(events, options, backwards);
    } else {
      const matches = compileFilter(options);
      selected = selectAll(log, options, backwards).filter(matches);
    }
    let sent = 0n;
    for (const event of selected) {
      if (sent++ >= count) break;
      call.write(eventResponse(event));
    }
    call.end();
  };
}

function subscribe(log: EventLog, call: ReadCall, options: Options, subscriptions: Set<() => void>) {
  let matches = compileFilter(options);
  let after: (event: StoredEvent) => boolean;
  const filtered = options.hasFilter();
  const checkpointEvery =
    searchWindow * Math.max(1, options.getFilter()?.getCheckpointintervalmultiplier() ?? 1);
  if (options.hasStream()) {
    const stream = options.getStream()!;
    const name = streamName(stream.getStreamIdentifier());
    const base = matches;
    matches = (event) => event.stream === name && base(event);
    const kind = stream.getRevisionOptionCase();
    const from = kind === streamRevision ? BigInt(stream.getRevision()) : undefined;
    const end = kind === streamEnd ? BigInt(log.stream(name)?.length ?? 0) - 1n : undefined;
    // A subscription's start is exclusive: it delivers what comes after the revision or position given.
    after = (event) => (from ?? end ?? -1n) < event.revision;
  } else {
    const all = options.getAll()!;
    const kind = all.getAllOptionCase();
    const from =
      kind === allPosition
        ? BigInt(all.getPosition()!.getCommitPosition())
        : kind === allEnd
          ? (log.all.at(-1)?.position ?? -1n)
          : -1n;
    after = (event) => event.position > from;
  }

  let scannedSinceCheckpoint = 0;
  const deliver = (event: StoredEvent) => {
    if (!after(event)) return;
    if (matches(event)) {
      call.write(eventResponse(event));
      return;
    }
    if (filtered && ++scannedSinceCheckpoint >= checkpointEvery) {
      scannedSinceCheckpoint = 0;
      call.write(checkpointResponse(event.position));
    }
  };

  call.write(confirmationResponse(randomUUID()));
  for (const event of log.all) deliver(event);
  const last = log.all.at(-1);
  if (filtered && last) call.write(checkpointResponse(last.position));
  call.write(caughtUpResponse());

  const unsubscribe = log.onAppend((events) => {
    for (const event of events) deliver(event);
  });
  const drop = () => {
    unsubscribe();
    subscriptions.delete(drop);
  };
  subscriptions.add(drop);
  call.on('cancelled', drop);
  call.on('close', drop);
  call.on('error', drop);
}
