import type { Queue } from 'bullmq';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { Registry } from 'prom-client';
import type { Config } from '../config.js';
import { defaultPolicy, type Policy } from '../domain/policy.js';
import { createCaseHandlers } from '../eventstore/case-handlers.js';
import type { EventStore } from '../eventstore/types.js';
import { createCaseTypeOf } from './cases/streams.js';
import { createTokenVerifier } from './plugins/auth.js';
import { clientErrorHandler } from './plugins/client-errors.js';
import { errorsPlugin, frameworkErrors } from './plugins/errors.js';
import { hiddenCharactersPlugin } from './plugins/hidden-characters.js';
import { logSerializers } from './plugins/log-redaction.js';
import { openapiPlugin } from './plugins/openapi.js';
import { childLoggerWithClientId, requestIdsPlugin, serverRequestId } from './plugins/request-ids.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { queueBoard } from './queue-board.js';
import { apiMetrics, operationsPlugin, timedStore } from './routes/operations.js';
import { v1Api } from './v1.js';
import type { Projections } from './views.js';

export interface AppDependencies {
  config: Config;
  store: EventStore;
  projections: Projections;
  policy?: Policy;
  now?: () => Date;
  /** /health/ready's check of the workers' Redis (workers/redis-readiness.ts), when one is configured. */
  checkRedis?: () => Promise<void>;
  /** The BullMQ queues (when REDIS_URL is set), shown at /admin/queues to admins and managers. */
  queues?: readonly Queue[];
  /** The process's Prometheus registry, which /metrics serves; by default the app's own. */
  registry?: Registry;
  /** A pino logger to use instead of one built from LOG_LEVEL. */
  logger?: FastifyBaseLogger;
  /** Limits for benchmarks and tests; the defaults suit one council's staff and portals. */
  limits?: {
    requestsPerMinute?: number;
    requestsPerMinutePerAddress?: number;
    bodyLimitBytes?: number;
    requestTimeoutMs?: number;
  };
}

const DEFAULT_BODY_LIMIT = 256 * 1024;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const CONNECTION_TIMEOUT_MS = 60_000;

/** Builds the HTTP application (not listening); tests call it with in-memory dependencies. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, projections } = deps;
  // Our request serializer on either logger: a caller's (main.ts passes one) would log Fastify's default.
  const logging =
    deps.logger !== undefined
      ? { loggerInstance: deps.logger.child({}, { serializers: logSerializers }) }
      : {
          logger:
            config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL, serializers: logSerializers },
        };
  const requestTimeout = deps.limits?.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    ...logging,
    bodyLimit: deps.limits?.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
    // A client that trickles its headers or body (or sends nothing) would otherwise hold a connection, and
    // its memory, for as long as it likes: the whole request must arrive in time, and an idle socket closes.
    // Node enforces requestTimeout only when headersTimeout is no longer (with its default 60 s, Node 20
    // never cuts off a trickled body), and looks for late requests on an interval (30 s by default).
    requestTimeout,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    http: { headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(1000, requestTimeout / 5) },
    genReqId: serverRequestId,
    childLoggerFactory: childLoggerWithClientId,
    clientErrorHandler,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body is refused with 415 rather than failing validation.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const registry = deps.registry ?? new Registry();
  const metrics = apiMetrics(registry);
  const store = timedStore(deps.store, metrics);
  const services = {
    store,
    handlers: createCaseHandlers(store),
    policy: deps.policy ?? defaultPolicy,
    now: deps.now ?? (() => new Date()),
  };

  app.decorate('caseTypeOf', createCaseTypeOf(store));
  await app.register(errorsPlugin);
  await app.register(requestIdsPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(hiddenCharactersPlugin);
  await app.register(openapiPlugin);
  await app.register(operationsPlugin, {
    store,
    checkRedis: deps.checkRedis,
    projections,
    registry,
    metrics,
  });
  const perActor = deps.limits?.requestsPerMinute ?? config.RATE_LIMIT_PER_MINUTE;
  const verify = createTokenVerifier(config);
  if (deps.queues) await app.register(queueBoard, { queues: deps.queues, verify });
  await app.register(v1Api, {
    prefix: '/v1',
    services,
    projections,
    verify,
    limits: {
      perActor,
      perAddress:
        deps.limits?.requestsPerMinutePerAddress ?? config.RATE_LIMIT_PER_ADDRESS_PER_MINUTE ?? 10 * perActor,
    },
  });
  return app;
}
