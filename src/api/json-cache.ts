import type { FastifyReply } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * JSON answers kept for as long as the view value they were made from: an officer's sorted caseload and the
 * dashboard are the same object until something they show changes (projections/caseload.ts, dashboard.ts),
 * so a page serialised once is sent again as bytes until then. Serialising a 76 KB caseload page through
 * zod was half of a read's CPU (issue 16's profile). The text is made by the same compiled serialiser the
 * route would use, so a cached answer is byte for byte the uncached one. Nothing is kept once the view
 * value is dropped (weak keys); the access log is written per request before the bytes, as before.
 */
export function createJsonCache<S extends z.ZodType>(schema: S, route: string) {
  const serialise = serializerCompiler({ schema, method: 'GET', url: route }) as (data: unknown) => string;
  const byOwner = new WeakMap<object, Map<string, string>>();
  return (owner: object, key: string, build: () => z.input<S>): string => {
    let pages = byOwner.get(owner);
    if (!pages) {
      pages = new Map();
      byOwner.set(owner, pages);
    }
    let json = pages.get(key);
    if (json === undefined) {
      json = serialise(build());
      pages.set(key, json);
    }
    return json;
  };
}

/** Sends text already serialised as JSON: Fastify sends a string with a JSON content type as it is. */
export const sendJson = (reply: FastifyReply, json: string) =>
  reply.type('application/json; charset=utf-8').send(json);
