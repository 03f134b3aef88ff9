import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { problemTitles } from './errors.js';
import { unencapsulated } from './plugin.js';

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
export const requestIdsPlugin = unencapsulated('sightline-request-ids', async (app: FastifyInstance) => {
  app.decorateRequest('clientRequestId', null);
  app.addHook('onRequest', async (request) => {
    request.clientRequestId = clientRequestIdOf(request.headers);
  });
});

const clientErrorCodes: Record<string, { status: number; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'headers_too_large',
    detail: 'the request headers are too large',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'request_timeout',
    detail: 'the request took too long to arrive',
  },
};

/**
 * What Node's HTTP parser refuses (headers too large, a malformed request line) never reaches Fastify's
 * routes or error handler: answer it as a problem document too, then close the connection as Node does.
 */
export function clientErrorHandler(
  this: FastifyInstance,
  error: Error & { code?: string },
  socket: Socket,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = clientErrorCodes[error.code ?? ''] ?? {
    status: 400,
    code: 'bad_request',
    detail: 'the request could not be read',
  };
  const body = JSON.stringify({
    type: `urn:sightline:problem:${known.code}`,
    title: problemTitles[known.status] ?? 'Error',
    status: known.status,
    detail: known.detail,
    code: known.code,
    requestId: serverRequestId(),
  });
  this.log.trace({ err: error }, 'client error');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${known.status} ${problemTitles[known.status]}\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json; charset=utf-8\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
