import { createHash, randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import { defaultPolicy, type Policy } from '../domain/policy.js';
import type { EventStore } from '../eventstore/types.js';
import { metricsRegistry } from '../metrics.js';
import { authPlugin, createTokenVerifier } from './auth.js';
import { errorsPlugin, frameworkErrors } from './errors.js';
import { openapiPlugin } from './openapi.js';
import { apiMetrics, operationsPlugin, timedStore } from './operations.js';
import { auditRoutesPlugin } from './routes/audit.js';
import { commandRoutesPlugin } from './routes/commands.js';
import { queryRoutesPlugin } from './routes/queries.js';
import { referralRoutesPlugin } from './routes/referrals.js';
import { reportRoutesPlugin } from './routes/reports.js';
import type { Projections } from './views.js';

export interface AppDependencies {
  config: Config;
  store: EventStore;
  projections: Projections;
  policy?: Policy;
  now?: () => Date;
  /** A pino logger to use instead of one built from LOG_LEVEL. */
  logger?: FastifyBaseLogger;
  /** Limits for benchmarks and tests; the defaults suit one council's staff and portals. */
  limits?: { requestsPerMinute?: number; bodyLimitBytes?: number; requestTimeoutMs?: number };
}

const DEFAULT_BODY_LIMIT = 256 * 1024;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const CONNECTION_TIMEOUT_MS = 60_000;

/** A client's own request id when it is a plain token, otherwise a fresh UUID. */
function requestIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}

/** Rate limits count per token (one client), or per address without one. */
const clientKey = (request: FastifyRequest): string => {
  const token = request.headers.authorization;
  return token ? createHash('sha256').update(token).digest('base64url') : request.ip;
};

/** Builds the HTTP application (not listening); tests call it with in-memory dependencies. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, projections } = deps;
  const logging =
    deps.logger !== undefined
      ? { loggerInstance: deps.logger }
      : { logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL } };
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
    genReqId: requestIdOf,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body is refused with 415 rather than failing validation.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Case data is personal data: no shared or browser cache may keep a copy.
    if (request.url.startsWith('/v1/')) reply.header('cache-control', 'no-store');
  });

  const metrics = apiMetrics(metricsRegistry);
  const store = timedStore(deps.store, metrics);
  const services = { store, policy: deps.policy ?? defaultPolicy, now: deps.now ?? (() => new Date()) };

  await app.register(errorsPlugin);
  await app.register(helmet, { global: true });
  await app.register(rateLimit, {
    max: deps.limits?.requestsPerMinute ?? config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    keyGenerator: clientKey,
    allowList: (request) => !request.url.startsWith('/v1/'),
  });
  await app.register(authPlugin, { verify: createTokenVerifier(config) });
  await app.register(openapiPlugin);
  await app.register(operationsPlugin, { config, store, projections, registry: metricsRegistry, metrics });
  await app.register(referralRoutesPlugin, { services, projections });
  await app.register(commandRoutesPlugin, { services, projections });
  await app.register(queryRoutesPlugin, { services, projections });
  await app.register(auditRoutesPlugin, { services, projections });
  await app.register(reportRoutesPlugin, { services, projections });
  return app;
}
