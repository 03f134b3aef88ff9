import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The security headers @fastify/helmet 13 sends by default, written once. Helmet builds them again on every
 * request (parsing its CSP directives each time: issue 16's profile); an API whose policy never varies by
 * request can send one precomputed set. The documentation's own CSP (swagger-ui's staticCSP, set in its
 * scope's onSend) still replaces this one on /docs. tests/api/security-headers.test.ts keeps the set equal
 * to helmet's defaults.
 */
export const securityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';" +
    "img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';" +
    "style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
});

/** On every answer, errors included, set before any handler runs (as helmet's onRequest hook did). */
export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(securityHeaders);
  });
});
