/**
 * One @eventstore/db-client instance per connection string, shared by every store in the process.
 *
 * Why: client 6.2.1 keeps the pending BatchAppend requests of ALL its instances in one module-level map.
 * When one instance's BatchAppend call fails or is cancelled (dispose() cancels it), the client rejects
 * every pending append of every instance, unrelated streams included, although the server commits them;
 * the answers that then arrive for those appends find no entry and throw inside the client's 'data'
 * handler, an uncaught TypeError that ends the process. Sharing one instance means closing one store
 * never cancels a call another store is using; the appender retries what a failed call rejected.
 */
import { EventStoreDBClient } from '@eventstore/db-client';

const shared = new Map<string, { client: EventStoreDBClient; users: number }>();

export interface ClientLease {
  client: EventStoreDBClient;
  release(): Promise<void>;
}

export function leaseClient(connectionString: string): ClientLease {
  let entry = shared.get(connectionString);
  if (!entry) {
    entry = { client: EventStoreDBClient.connectionString(connectionString), users: 0 };
    shared.set(connectionString, entry);
  }
  entry.users++;
  const held = entry;
  let released = false;
  return {
    client: held.client,
    async release() {
      if (released) return;
      released = true;
      if (--held.users > 0) return;
      shared.delete(connectionString);
      await held.client.dispose();
    },
  };
}

/**
 * Lets the client's gRPC stream behind `wrapper` (a read or a subscription) run to its end once the wrapper
 * is destroyed. The client pipes its gRPC stream into the wrapper; destroying the wrapper unpipes and pauses
 * that stream, and a paused stream never emits 'end', even after its call's status arrives. The client's
 * dispose() waits for every stream it started to end, so one such stream made the store's close() wait for
 * ever (the outage reliability test's shutdown, under load), and each kept a stream alive until then.
 * Resuming the orphaned stream discards what is left of the answer and lets it end.
 */
export function drainSourceWhenUnpiped(wrapper: NodeJS.EventEmitter): void {
  wrapper.once('unpipe', (source: NodeJS.ReadableStream) => source.resume());
}
