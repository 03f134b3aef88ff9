import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { z } from 'zod';
import type { EventStore } from '../../eventstore/types.js';
import { healthExamples, metricsExample } from '../examples/queries.js';
import type { Projections } from '../views.js';

/** The API's figures, on the registry buildApp is handed: each app its own, so no name is registered twice. */
export function apiMetrics(registry: Registry) {
  return {
    requests: new Counter({
      name: 'sightline_http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'sightline_http_request_duration_seconds',
      help: 'HTTP request latency by method and route',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    appendLatency: new Histogram({
      name: 'sightline_event_store_append_duration_seconds',
      help: 'Event store append latency, as the API sees it',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers: [registry],
    }),
    viewLag: new Gauge({
      name: 'sightline_view_lag_events',
      help: 'Events appended but not yet applied to the in-memory views',
      registers: [registry],
    }),
  };
}
export type ApiMetrics = ReturnType<typeof apiMetrics>;

/** The store, with every append timed: the event store append latency of /metrics. */
export function timedStore(store: EventStore, metrics: ApiMetrics): EventStore {
  return {
    ...store,
    append: async (stream, events, expected) => {
      const stop = metrics.appendLatency.startTimer();
      try {
        return await store.append(stream, events, expected);
      } finally {
        stop();
      }
    },
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    close: () => store.close(),
  };
}

type Check = 'ok' | 'unreachable' | 'behind' | 'not_configured';
export const HealthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.enum(['ok', 'unreachable', 'behind', 'not_configured'])).optional(),
});

export interface OperationsOptions {
  [key: string]: unknown;
  store: EventStore;
  /** Rejects when the Redis the workers' queues use does not answer; absent when no Redis is configured. */
  checkRedis?: (() => Promise<void>) | undefined;
  projections: Projections;
  registry: Registry;
  metrics: ApiMetrics;
}

/** /health/live, /health/ready and /metrics: unauthenticated, for the orchestrator and Prometheus. */
export const operationsPlugin = fp(
  async (app: FastifyInstance, { store, checkRedis, projections, registry, metrics }: OperationsOptions) => {
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.requests.inc({ method: request.method, route, status: reply.statusCode });
      metrics.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    });

    const checkStore = async (): Promise<Check> => {
      try {
        for await (const _ of store.readAll({ direction: 'backwards', maxCount: 1 })) break;
        return 'ok';
      } catch (error) {
        app.log.warn({ err: error }, 'event store not reachable');
        return 'unreachable';
      }
    };
    const redisCheck = async (): Promise<Check> => {
      if (!checkRedis) return 'not_configured';
      try {
        await checkRedis();
        return 'ok';
      } catch (error) {
        app.log.warn({ err: error }, 'Redis not reachable');
        return 'unreachable';
      }
    };

    const tags = ['operations'];
    app.get(
      '/health/live',
      {
        schema: {
          operationId: 'getLiveness',
          summary: 'The process is up',
          description:
            "Answers 200 while the process runs; no dependency is checked. For the orchestrator's liveness probe; no token needed.",
          tags,
          response: { 200: HealthSchema.meta({ examples: [healthExamples.live] }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/health/ready',
      {
        schema: {
          operationId: 'getReadiness',
          summary: 'The event store (and Redis, when configured) answer and the views have caught up',
          description:
            "Checks that the event store answers, that Redis answers when REDIS_URL is set, and that the views have caught up with the store; 503 names the failing check. For the orchestrator's readiness probe; no token needed.",
          tags,
          response: {
            200: HealthSchema.meta({ description: 'Ready', examples: [healthExamples.ready] }),
            503: HealthSchema.meta({
              description: 'Not ready: which check failed',
              examples: [healthExamples.unavailable],
            }),
          },
        },
      },
      async (_request, reply) => {
        const [eventStore, redis] = await Promise.all([checkStore(), redisCheck()]);
        const views: Check = eventStore !== 'ok' ? 'unreachable' : projections.caughtUp() ? 'ok' : 'behind';
        const checks = { eventStore, redis, views };
        const ready = Object.values(checks).every((check) => check === 'ok' || check === 'not_configured');
        return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', checks });
      },
    );
    app.get(
      '/metrics',
      {
        schema: {
          operationId: 'getMetrics',
          summary: 'Prometheus metrics',
          description:
            'Request counts and latencies, event store timings, view lag and queue depths in the Prometheus text format; no token needed.',
          tags,
          hide: false,
          response: {
            // Documentation only: a text body is sent as it is, without a serializer.
            200: {
              description: 'The Prometheus text format',
              content: { 'text/plain': { schema: z.string(), example: metricsExample } },
            },
          },
        },
      },
      async (_request, reply) => {
        metrics.viewLag.set(Number(await projections.lag()));
        return reply.type(registry.contentType).send(await registry.metrics());
      },
    );
  },
  { name: 'sightline-operations' },
);
