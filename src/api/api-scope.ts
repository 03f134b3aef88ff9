import type { FastifyRequest } from 'fastify';

const API_PREFIX = '/v1/';

/** The path a request asked for, without its query string and without an absolute-form `http://host`. */
export function pathOf(request: FastifyRequest): string {
  try {
    return new URL(request.url, 'http://localhost').pathname;
  } catch {
    return request.url.split('?')[0] ?? '';
  }
}

/**
 * Whether a request is for the authenticated API: by the route it matched, or by its path when no route
 * did. Never by `request.url` alone: an absolute-form target (`GET http://host/v1/cases HTTP/1.1`) matches
 * the /v1 route while its url starts with `http:`.
 */
export const isApiRequest = (request: FastifyRequest): boolean =>
  (request.routeOptions.url ?? pathOf(request)).startsWith(API_PREFIX);
