/**
 * The EventStoreDB adapter of the event store port, on @eventstore/db-client 6.x. Every type and error of
 * the client stays inside the esdb*.ts files, so moving to its successor (@kurrent/kurrentdb-client) is local.
 * Positions are $all commit positions; for appends through gRPC, commit and prepare positions are equal.
 */
import { checkedEventStore } from './checked-store.js';
import { createEsdbAppender } from './esdb-append.js';
import { leaseClient } from './esdb-client.js';
import { readAll, readStream } from './esdb-read.js';
import { createResubscribingSubscription } from './esdb-subscription.js';
import type { EventStore } from './types.js';

export interface EsdbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`, or a cluster's `esdb+discover://...` */
  connectionString: string;
  /** How long an append may take, retries included, before it fails with EventStoreUnavailableError. */
  deadlineMs?: number;
  /**
   * How long a read (of a stream or of $all) may wait for the server's next answer before it fails with
   * EventStoreUnavailableError. Each wait, not the whole read: a long read that keeps answering goes on.
   */
  readDeadlineMs?: number;
  /** The longest pause between attempts to resubscribe after a dropped subscription. */
  maxResubscribeBackoffMs?: number;
}

export function createEsdbEventStore(options: EsdbEventStoreOptions): EventStore {
  const deadlineMs = options.deadlineMs ?? 10_000;
  const readDeadlineMs = options.readDeadlineMs ?? 10_000;
  const lease = leaseClient(options.connectionString);
  const client = lease.client;
  const append = createEsdbAppender(client, deadlineMs);

  return checkedEventStore({
    append: (stream, events, expected, given) =>
      append(
        stream,
        events,
        expected,
        given.some((event) => event.id !== undefined),
      ),
    readStream: (stream, readOptions) => readStream(client, stream, readOptions, readDeadlineMs),
    readAll: (readOptions) => readAll(client, readOptions, readDeadlineMs),
    subscribeToAll: (subscribeOptions, onClose) =>
      createResubscribingSubscription({
        client,
        from: subscribeOptions.fromPosition,
        filter: subscribeOptions.filter,
        maxBackoffMs: options.maxResubscribeBackoffMs ?? 2000,
        onClose,
      }),
    close: () => lease.release(),
  });
}
