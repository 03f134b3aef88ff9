import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shareRepeatedProblems } from './openapi-shared-problems.js';

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

type TransformObjectInput = Parameters<typeof jsonSchemaTransformObject>[0];
type OpenApiObject = { paths?: unknown; components?: Record<string, Record<string, unknown> | undefined> };

/** Every `#/components/<kind>/<name>` a value refers to. */
function refsIn(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string' && item.startsWith('#/components/')) found.add(item);
      else refsIn(item, found);
    }
  }
  return found;
}

/**
 * fastify-type-provider-zod registers an `…Input` copy of every named schema, which no operation uses (our
 * request bodies are not named): the document keeps only the schemas the paths reach, directly or through
 * another schema, so generated clients and linters see no dead types. Problem answers that several
 * operations repeat are written once, in `components/examples` and `components/responses`.
 */
function withoutUnusedSchemas(input: TransformObjectInput): ReturnType<typeof jsonSchemaTransformObject> {
  const document = shareRepeatedProblems(jsonSchemaTransformObject(input) as OpenApiObject);
  const schemas = document.components?.schemas;
  if (!schemas) return document as ReturnType<typeof jsonSchemaTransformObject>;
  const reached = new Set<string>();
  // The shared problem responses are reached from the paths, and refer to the Problem schema.
  let next = refsIn([document.paths, document.components?.responses], new Set());
  while (next.size > 0) {
    for (const ref of next) reached.add(ref);
    const more = new Set<string>();
    for (const ref of next) refsIn(schemas[ref.replace('#/components/schemas/', '')], more);
    next = new Set([...more].filter((ref) => !reached.has(ref)));
  }
  for (const name of Object.keys(schemas)) {
    if (!reached.has(`#/components/schemas/${name}`)) delete schemas[name];
  }
  return document as ReturnType<typeof jsonSchemaTransformObject>;
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
          contact: { name: 'sightline maintainers' },
        },
        // Relative: the document describes whichever instance serves it.
        servers: [{ url: '/', description: 'The sightline instance serving this document' }],
        tags,
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
      transform: withResponseExamples,
      transformObject: withoutUnusedSchemas,
    });
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'sightline-openapi' },
);
