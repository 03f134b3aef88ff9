/**
 * An in-memory EventStoreDB-protocol test server: @grpc/grpc-js on the service definitions that
 * @eventstore/db-client ships, listening on 127.0.0.1, for the unmodified client to talk to. A test double
 * for the EventStoreDB adapter, never a runtime option.
 *
 * What it emulates: ServerFeatures (advertising BatchAppend, or absent so the client gets UNIMPLEMENTED),
 * Streams.Append and Streams.BatchAppend with expected-revision checks and the real server's idempotency
 * rules (same ids behind the stream: accepted once; same ids when the expected revision equals the current
 * one: written again), in-band wrong-expected-version answers, stream and $all reads both ways with counts,
 * stream-not-found, subscriptions to $all and to a stream with prefix and regex filters, checkpoints and
 * caught-up, $all positions past 2^53 and non-contiguous, system events (`$`-prefixed streams and types) mixed
 * into $all, and an idempotent re-append answered with no position, as older servers do.
 *
 * What it does NOT emulate: durability (the log lives in memory; stop() keeps it so start() can resume),
 * TLS, authentication and ACLs, gossip and clusters (leader election, NotLeader redirects, read-only
 * replicas), stream deletion and tombstones, stream metadata ($maxAge, $maxCount, truncation) and
 * scavenging, link events and resolveLinkTos, projections and $by-category streams, persistent
 * subscriptions, the Operations, Users, Gossip and Monitoring services, the BatchAppend per-request
 * deadline, max append size, fell-behind signalling and backpressure (everything is written at once),
 * the idempotency cache's size limit for `any`, and explicit transactions (every append commits at once;
 * positions use commit = prepare).
 */

import serverFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import serverFeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import grpcJs from '@grpc/grpc-js';
import { createAppendHandler, createBatchAppendHandler } from './esdb-test-server-append.js';
import { createEventLog, type EventLog } from './esdb-test-server-log.js';
import { createReadHandler } from './esdb-test-server-read.js';

export interface EsdbTestServerOptions {
  /** Advertise Streams.BatchAppend through ServerFeatures, as servers since 21.10 do. */
  batchAppend: boolean;
  /** A system event is written into $all after every this many appends. */
  systemEventEvery?: number;
}

export interface EsdbTestServer {
  /** An `esdb://` connection string for the client (insecure, single node, no discovery). */
  readonly connectionString: string;
  readonly port: number;
  readonly log: EventLog;
  /** Starts listening again on the same port after stop(), with the same data. */
  start(): Promise<void>;
  /** Drops every connection at once, as a crashed server would. */
  stop(): Promise<void>;
}

const unimplemented = (_call: unknown, callback: (error: grpcJs.ServiceError) => void) =>
  callback(
    Object.assign(new Error('Not implemented by the test server'), {
      code: grpcJs.status.UNIMPLEMENTED,
      details: 'Not implemented by the test server',
      metadata: new grpcJs.Metadata(),
    }),
  );

function supportedMethods(batchAppend: boolean) {
  const methods = new serverFeaturesPb.SupportedMethods();
  methods.setEventStoreServerVersion('24.10.0');
  const names = ['Read', 'Append', 'Delete', 'Tombstone', ...(batchAppend ? ['BatchAppend'] : [])];
  for (const name of names) {
    const method = new serverFeaturesPb.SupportedMethod();
    method.setServiceName('event_store.client.streams.Streams');
    method.setMethodName(name);
    methods.addMethods(method);
  }
  return methods;
}

export async function startEsdbTestServer(options: EsdbTestServerOptions): Promise<EsdbTestServer> {
  const log = createEventLog({ systemEventEvery: options.systemEventEvery ?? 5 });
  const subscriptions = new Set<() => void>();
  let server: grpcJs.Server | undefined;
  let port = 0;

  const listen = async () => {
    const next = new grpcJs.Server();
    next.addService(streamsGrpc.StreamsService, {
      read: createReadHandler(log, subscriptions),
      append: createAppendHandler(log),
      batchAppend: createBatchAppendHandler(log),
      delete: unimplemented,
      tombstone: unimplemented,
    });
    // Servers before 21.10 have no ServerFeatures service: the client takes UNIMPLEMENTED as "no features".
    if (options.batchAppend) {
      next.addService(serverFeaturesGrpc.ServerFeaturesService, {
        getSupportedMethods: (_call: unknown, callback: (e: null, m: unknown) => void) =>
          callback(null, supportedMethods(true)),
      });
    }
    port = await new Promise<number>((resolve, reject) =>
      next.bindAsync(`127.0.0.1:${port}`, grpcJs.ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    server = next;
  };
  await listen();

  return {
    get connectionString() {
      return `esdb://127.0.0.1:${port}?tls=false`;
    },
    get port() {
      return port;
    },
    log,
    async start() {
      if (!server) await listen();
    },
    async stop() {
      server?.forceShutdown();
      for (const drop of [...subscriptions]) drop();
      server = undefined;
    },
  };
}
