import { EventStoreClosedError } from './errors.js';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from './types.js';
import {
  checkExpectedRevision,
  checkReadAllRequest,
  checkReadStreamRequest,
  checkStreamName,
  checkSubscribeRequest,
  type PreparedEvent,
  prepareEvents,
} from './validation.js';

/** What an adapter does itself, handed only requests already checked and events already prepared. */
export interface EventStoreCore {
  /** `given` are the events as the caller gave them, beside their prepared form. */
  append(
    stream: string,
    events: PreparedEvent[],
    expected: ExpectedRevision,
    given: readonly NewEvent[],
  ): Promise<AppendResult>;
  readStream(stream: string, options: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** `onClose` forgets the subscription once it is closed. */
  subscribeToAll(options: SubscribeOptions, onClose: () => void): Subscription;
  /** Finishes the writes in hand (before the subscriptions close, so they see them). */
  drain?(): Promise<void>;
  /** Last, once the subscriptions are closed: the connection or the database. */
  close(): Promise<void>;
}

/**
 * The port around an adapter's core: every adapter refuses the same requests in the same words and the
 * same calls once closed, and closes its subscriptions, so the contract suite holds for all of them.
 */
export function checkedEventStore(core: EventStoreCore): EventStore {
  const subscriptions = new Set<Subscription>();
  let closed = false;
  const guard = () => {
    if (closed) throw new EventStoreClosedError();
  };

  return {
    async append(stream, events, expected) {
      guard();
      checkStreamName(stream);
      checkExpectedRevision(expected);
      return core.append(stream, prepareEvents(events), expected, events);
    },

    async *readStream(stream, options = {}) {
      guard();
      checkReadStreamRequest(stream, options);
      yield* core.readStream(stream, options);
    },

    async *readAll(options = {}) {
      guard();
      checkReadAllRequest(options);
      yield* core.readAll(options);
    },

    subscribeToAll(options = {}) {
      guard();
      checkSubscribeRequest(options);
      const subscription = core.subscribeToAll(options, () => subscriptions.delete(subscription));
      subscriptions.add(subscription);
      return subscription;
    },

    async close() {
      if (closed) return;
      closed = true;
      await core.drain?.();
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      await core.close();
    },
  };
}
