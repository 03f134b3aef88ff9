/** The store as the seeder sees it: deterministic event ids and streams read back from memory. */

import type { EventStore, RecordedEvent } from '../eventstore/types.js';
import { cyrb128, uuidFromWords } from './random.js';

/** A UUID (version 4 layout) from a text key: fast, and the same every run. */
export function stableUuid(text: string): string {
  return uuidFromWords(cyrb128(text));
}

/**
 * The seeder is the only writer of the streams it creates, so it keeps what it wrote and reads streams back
 * from memory instead of the store; appends still go to the store, with the expected revision, and only a
 * successful append is remembered. Event ids derive from the stream and revision, so two runs match.
 */
export function seedingStore(store: EventStore): EventStore & { forget(stream: string): void } {
  const written = new Map<string, RecordedEvent[]>();
  return {
    /** A finished case is read no more: its events leave memory. */
    forget(stream: string) {
      written.delete(stream);
    },
    async append(stream, events, expected) {
      const known = written.get(stream) ?? [];
      const base = known.length;
      const withIds = events.map((event, i) => ({ ...event, id: stableUuid(`${stream}#${base + i}`) }));
      const result = await store.append(stream, withIds, expected);
      const first = result.position - BigInt(events.length - 1);
      const recordedAt = new Date();
      withIds.forEach((event, i) => {
        known.push({
          id: event.id,
          stream,
          revision: BigInt(base + i),
          position: first + BigInt(i),
          type: event.type,
          data: event.data,
          metadata: event.metadata ?? {},
          recordedAt,
        });
      });
      written.set(stream, known);
      return result;
    },
    async *readStream(stream, options) {
      if (options !== undefined && Object.keys(options).length > 0) {
        yield* store.readStream(stream, options);
        return;
      }
      yield* written.get(stream) ?? [];
    },
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    close: () => store.close(),
  };
}
