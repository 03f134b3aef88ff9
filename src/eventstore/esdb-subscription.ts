/**
 * A subscription to $all that outlives dropped connections: the client's own subscription never
 * resubscribes and can end silently, so on every error or end we subscribe again, with backoff, from the
 * last position delivered (exclusive), and skip anything at or before it: no gap, no duplicate.
 */
import {
  type AllStreamResolvedEvent,
  type EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  START,
  streamNameFilter,
} from '@eventstore/db-client';
import { drainSourceWhenUnpiped } from './esdb-client.js';
import { toRecordedEvent } from './esdb-read.js';
import type { EventFilter, RecordedEvent, Subscription } from './types.js';
import { isSystemEvent, matchesFilter } from './validation.js';

/** The server filters on one thing only, event type or stream name; system events are also dropped here. */
const serverFilter = (filter: EventFilter | undefined) => {
  if (filter && 'eventTypePrefixes' in filter && filter.eventTypePrefixes.length > 0) {
    return eventTypeFilter({ prefixes: filter.eventTypePrefixes });
  }
  if (filter && 'streamPrefixes' in filter && filter.streamPrefixes.length > 0) {
    return streamNameFilter({ prefixes: filter.streamPrefixes });
  }
  return excludeSystemEvents();
};

export interface ResubscribingOptions {
  client: EventStoreDBClient;
  from: bigint | undefined;
  filter: EventFilter | undefined;
  maxBackoffMs: number;
  onClose: () => void;
}

export function createResubscribingSubscription(options: ResubscribingOptions): Subscription {
  const { client, filter } = options;
  let last = options.from;
  let closed = false;
  let current: { unsubscribe(): Promise<void> } | undefined;
  let signalClosed: () => void = () => undefined;
  const whenClosed = new Promise<'closed'>((resolve) => {
    signalClosed = () => resolve('closed');
  });

  const keep = (event: RecordedEvent) =>
    (last === undefined || event.position > last) &&
    !isSystemEvent(event.stream, event.type) &&
    matchesFilter(filter, event.stream, event.type);

  async function* run(): AsyncGenerator<RecordedEvent> {
    for (let failures = 0; !closed; ) {
      const subscription = client.subscribeToAll({
        fromPosition: last === undefined ? START : { commit: last, prepare: last },
        filter: serverFilter(filter),
      });
      current = subscription;
      drainSourceWhenUnpiped(subscription);
      const iterator: AsyncIterator<AllStreamResolvedEvent> = subscription[Symbol.asyncIterator]();
      try {
        for (;;) {
          // Racing every wait against close() is what lets close() end an iteration that is waiting.
          const next = iterator.next();
          next.catch(() => undefined); // may settle after close() won the race
          const step = await Promise.race([next, whenClosed]);
          if (step === 'closed' || step.done) break;
          failures = 0;
          const event = toRecordedEvent(step.value);
          if (!event || !keep(event)) continue;
          last = event.position;
          yield event;
        }
      } catch {
        failures++;
      } finally {
        await subscription.unsubscribe().catch(() => undefined);
        subscription.destroy();
      }
      if (closed) return;
      const pause = Math.min(25 * 2 ** Math.min(failures, 10), options.maxBackoffMs);
      await Promise.race([new Promise((resolve) => setTimeout(resolve, pause)), whenClosed]);
    }
  }

  const events = run();
  return {
    [Symbol.asyncIterator]: () => events,
    async close() {
      if (closed) return;
      closed = true;
      signalClosed();
      await current?.unsubscribe().catch(() => undefined);
      options.onClose();
    },
  };
}
