import type { FastifyRequest } from 'fastify';

/**
 * How a request appears in the log: Fastify's default fields, but the url without its query string. Queries
 * carry personal data (`?q=` a child's name or UPN), and the log is kept outside the event store, where
 * no access control or retention rule of ours reaches it. The path alone still says what was asked.
 */
export function redactedRequest(request: FastifyRequest) {
  const [path = '', query] = request.url.split('?', 2);
  return {
    method: request.method,
    url: query === undefined ? path : `${path}?[query redacted]`,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

export const logSerializers = { req: redactedRequest };
