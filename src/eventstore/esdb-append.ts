/** Appends through @eventstore/db-client: expected revisions, a hard deadline, retries and EventStoreDB's gaps. */
import {
  ANY,
  type AppendExpectedRevision,
  type EventStoreDBClient,
  jsonEvent,
  NO_STREAM,
  STREAM_EXISTS,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, WrongExpectedVersionError } from './errors.js';
import { isTransient, toPortError } from './esdb-errors.js';
import { readStream } from './esdb-read.js';
import type { AppendResult, ExpectedRevision } from './types.js';
import type { PreparedEvent } from './validation.js';

const toClientRevision = (expected: ExpectedRevision): AppendExpectedRevision =>
  expected === 'any'
    ? ANY
    : expected === 'no_stream'
      ? NO_STREAM
      : expected === 'stream_exists'
        ? STREAM_EXISTS
        : expected;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rejects with EventStoreUnavailableError when `work` has not settled by `deadline` (epoch ms). */
function before<T>(work: Promise<T>, deadline: number, what: string): Promise<T> {
  work.catch(() => undefined); // settles after we gave up on it: nobody is listening any more
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new EventStoreUnavailableError(`EventStoreDB did not answer the ${what} in time`)),
      Math.max(deadline - Date.now(), 0),
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function createEsdbAppender(client: EventStoreDBClient, deadlineMs: number) {
  /**
   * EventStoreDB writes the same event ids again when the expected revision equals the stream's current one
   * (it only checks idempotency when the expected revision is behind). The port promises that ids the caller
   * chose are stored once, so when the caller chose ids, look for them in the stream first.
   */
  async function findRepeatedIds(
    stream: string,
    events: PreparedEvent[],
    expected: ExpectedRevision,
    deadline: number,
  ): Promise<boolean> {
    const ids = new Set(events.map((e) => e.id));
    const scan = async () => {
      let current: bigint | undefined;
      let repeated = false;
      for await (const event of readStream(client, stream, {}, deadlineMs)) {
        current = event.revision;
        repeated ||= ids.has(event.id);
      }
      return { current, repeated };
    };
    const { current, repeated } = await before(scan(), deadline, 'append');
    if (repeated && current === expected) throw new WrongExpectedVersionError(stream, expected, current);
    return repeated;
  }

  /** Idempotent re-appends come back without a position from some servers: find the event's own. */
  async function positionOf(stream: string, revision: bigint, deadline: number): Promise<bigint> {
    const find = async () => {
      for await (const event of readStream(
        client,
        stream,
        { fromRevision: revision, maxCount: 1 },
        deadlineMs,
      )) {
        return event.position;
      }
      return -1n;
    };
    return before(find(), deadline, 'append');
  }

  return async function append(
    stream: string,
    events: PreparedEvent[],
    expected: ExpectedRevision,
    callerChoseIds: boolean,
  ): Promise<AppendResult> {
    const deadline = Date.now() + deadlineMs;
    const proposed = events.map((e) =>
      jsonEvent({ id: e.id, type: e.type, data: JSON.parse(e.data), metadata: JSON.parse(e.metadata) }),
    );
    for (let attempt = 0; ; attempt++) {
      try {
        // The server answers a repeat as if it wrote it: only this scan tells the caller it did not. A
        // writer with the same ids between the scan and the append is not seen (SQLite has no such gap).
        const replayed = callerChoseIds && (await findRepeatedIds(stream, events, expected, deadline));
        const result = await before(
          client.appendToStream(stream, proposed, {
            expectedRevision: toClientRevision(expected),
            deadline: Math.max(deadline - Date.now(), 1),
          }),
          deadline,
          'append',
        );
        const nextRevision = result.nextExpectedRevision;
        const position = result.position?.commit ?? (await positionOf(stream, nextRevision, deadline));
        return { nextRevision, position, replayed };
      } catch (error) {
        // Retrying is safe: the events keep their ids, so a first attempt that did commit makes this one an
        // idempotent no-op on the server. It is also how we survive client 6.2.1's BatchAppend, which rejects
        // every append in flight on the shared BatchAppend call when that call fails, whichever stream
        // caused it: an append rejected for another's failure is simply sent again.
        const pause = Math.min(50 * 2 ** attempt, 1000);
        if (!isTransient(error) || Date.now() + pause >= deadline) {
          throw toPortError(error, { operation: 'append', stream, expected });
        }
        await sleep(pause);
      }
    }
  };
}
