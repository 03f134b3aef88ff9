/**
 * The EventStoreDB adapter of the event store port, on @eventstore/db-client 6.x. Every type and error of
 * the client stays inside the esdb*.ts files, so moving to its successor (@kurrent/kurrentdb-client) is local.
 * Positions are $all commit positions; for appends through gRPC, commit and prepare positions are equal.
 */
import { EventStoreClosedError } from './errors.js';
import { createEsdbAppender } from './esdb-append.js';
import { leaseClient } from './esdb-client.js';
import { readAll, readStream } from './esdb-read.js';
import { createResubscribingSubscription } from './esdb-subscription.js';
import type { EventStore, Subscription } from './types.js';
import {
  checkExpectedRevision,
  checkReadAllRequest,
  checkReadStreamRequest,
  checkStreamName,
  checkSubscribeRequest,
  prepareEvents,
} from './validation.js';

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
      const prepared = prepareEvents(events);
      const callerChoseIds = events.some((event) => event.id !== undefined);
      return append(stream, prepared, expected, callerChoseIds);
    },

    async *readStream(stream, readOptions = {}) {
      guard();
      checkReadStreamRequest(stream, readOptions);
      yield* readStream(client, stream, readOptions, readDeadlineMs);
    },

    async *readAll(readOptions = {}) {
      guard();
      checkReadAllRequest(readOptions);
      yield* readAll(client, readOptions, readDeadlineMs);
    },

    subscribeToAll(subscribeOptions = {}) {
      guard();
      checkSubscribeRequest(subscribeOptions);
      const subscription = createResubscribingSubscription({
        client,
        from: subscribeOptions.fromPosition,
        filter: subscribeOptions.filter,
        maxBackoffMs: options.maxResubscribeBackoffMs ?? 2000,
        onClose: () => subscriptions.delete(subscription),
      });
      subscriptions.add(subscription);
      return subscription;
    },

    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((s) => s.close()));
      await lease.release();
    },
  };
}
