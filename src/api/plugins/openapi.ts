import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const tags = [
  { name: 'referrals', description: 'Deletion returns and referrals that open cases' },
  { name: 'ehe', description: 'Commands on an elective home education case' },
  { name: 'cme', description: 'Commands on a child missing education case' },
  { name: 'cases', description: 'Commands on either case type, and case queries' },
  { name: 'caseloads', description: "Officers' caseloads, the dashboard and deadlines" },
  { name: 'audit', description: 'Full history, the case as at a date, and the access log' },
  { name: 'reports', description: 'DfE returns and committee figures, JSON or CSV' },
  { name: 'register', description: 'The Children Not In School register (EA 1996 s.436B), JSON or CSV' },
  { name: 'operations', description: 'Health and metrics' },
];

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];
type Media = { schema?: unknown; example?: unknown; examples?: unknown };
type ContentResponse = { description?: string; content: Record<string, Media> };

const isContentResponse = (response: unknown): response is ContentResponse =>
  typeof response === 'object' && response !== null && 'content' in response;

const examplesOf = ({ example, examples }: Media): Media => ({
  ...(example === undefined ? {} : { example }),
  ...(examples === undefined ? {} : { examples }),
});

/** A response schema made by `Named.meta({ examples })`: the component it copies, and the examples. */
function namedCopy(schema: unknown): { id: string; description?: string; examples: unknown[] } | undefined {
  if (!(schema instanceof z.ZodType)) return undefined;
  const parent = schema._zod.parent;
  const id = parent ? z.globalRegistry.get(parent)?.id : undefined;
  const meta = z.globalRegistry.get(schema);
  if (!id || !Array.isArray(meta?.examples)) return undefined;
  return { id, examples: meta.examples, ...(meta.description ? { description: meta.description } : {}) };
}

/**
 * fastify-type-provider-zod keeps only `schema` of a response's media types, and inlines a `.meta()` copy
 * of a named schema (zod does not copy the id): each response's examples are put back on its media type,
 * where OpenAPI tools show them, next to a reference to the named component.
 */
function withResponseExamples(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const output = jsonSchemaTransform(input);
  const responses = (input.schema as { response?: Record<string, unknown> } | undefined)?.response;
  const documented = (output.schema as { response?: Record<string, unknown> } | undefined)?.response;
  if (!responses || !documented) return output;
  for (const [status, response] of Object.entries(responses)) {
    const named = namedCopy(response);
    if (named) {
      const [example, ...more] = named.examples;
      documented[status] = {
        description: named.description ?? 'Default Response',
        content: {
          'application/json': {
            schema: { $ref: `#/components/schemas/${named.id}` },
            ...(more.length === 0
              ? { example }
              : {
                  examples: Object.fromEntries(
                    named.examples.map((value, i) => [`example${i + 1}`, { value }]),
                  ),
                }),
          },
        },
      };
    } else if (isContentResponse(response)) {
      const target = documented[status] as ContentResponse;
      for (const [type, media] of Object.entries(response.content)) {
        target.content[type] = { ...target.content[type], ...examplesOf(media) };
      }
    }
  }
  return output;
}

/**
 * The OpenAPI 3.1 document, generated from the routes' zod schemas (register it before the routes), served
 * at /openapi.json with Swagger UI at /docs.
 */
export const openapiPlugin = fp(
  async (app: FastifyInstance) => {
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
      transform: withResponseExamples,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'sightline-openapi' },
);
