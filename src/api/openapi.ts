import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { unencapsulated } from './plugin.js';

export const tags = [
  { name: 'referrals', description: 'Deletion returns and referrals that open cases' },
  { name: 'ehe', description: 'Commands on an elective home education case' },
  { name: 'cme', description: 'Commands on a child missing education case' },
  { name: 'cases', description: 'Commands on either case type, and case queries' },
  { name: 'caseloads', description: "Officers' caseloads, the dashboard and deadlines" },
  { name: 'audit', description: 'Full history, the case as at a date, and the access log' },
  { name: 'reports', description: 'DfE returns and committee figures, JSON or CSV' },
  { name: 'operations', description: 'Health and metrics' },
];

/**
 * The OpenAPI 3.1 document, generated from the routes' zod schemas (register it before the routes), served
 * at /openapi.json with Swagger UI at /docs.
 */
export const openapiPlugin = unencapsulated('sightline-openapi', async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'sightline',
        version: '1',
        description:
          'Event-sourced case tracking for Elective Home Education and Children Missing Education teams. ' +
          'Errors are RFC 9457 problem details; writes accept If-Match and Idempotency-Key; reads return ETag.',
      },
      tags,
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
