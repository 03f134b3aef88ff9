import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** The X-Request-Id the client sent, when it is a plain token: kept beside our own id, never instead of it. */
    clientRequestId: string | null;
  }
}

/**
 * Our own id for every request. The audit trail (access log, event metadata, problem documents) names
 * requests by it, so a client cannot choose it: a client's id could collide with, or impersonate, another.
 */
export const serverRequestId = (): string => randomUUID();

/** A client's X-Request-Id if it is a plain token (letters, digits, `_ . : -`, at most 100). */
export function clientRequestIdOf(headers: IncomingMessage['headers']): string | null {
  const given = headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : null;
}

/** Every log line of a request names the client's id too, so a caller's trace can still be followed. */
type ChildLoggerFactory = NonNullable<FastifyServerOptions['childLoggerFactory']>;

export const childLoggerWithClientId: ChildLoggerFactory = (logger, bindings, options, rawRequest) => {
  const clientRequestId = clientRequestIdOf(rawRequest.headers);
  return logger.child(clientRequestId ? { ...bindings, clientRequestId } : bindings, options);
};

/** Decorates each request with the client's id; the answer's `x-request-id` is ours (set in server.ts). */
export const requestIdsPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('clientRequestId', null);
    app.addHook('onRequest', async (request) => {
      request.clientRequestId = clientRequestIdOf(request.headers);
    });
  },
  { name: 'sightline-request-ids' },
);
