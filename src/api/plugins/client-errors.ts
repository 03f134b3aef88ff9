import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { problemTitles } from './errors.js';
import { serverRequestId } from './request-ids.js';

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
