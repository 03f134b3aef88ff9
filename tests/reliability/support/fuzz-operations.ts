import type { JsonSchema, SchemaContext } from './fuzz-schema.js';

/** One operation of the OpenAPI document, as far as the fuzzer needs it. */
export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: JsonSchema }[];
  body?: { schema: JsonSchema; examples: unknown[] };
  secured: boolean;
  /** The statuses the document says the operation may answer. */
  statuses: Set<number>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

type MediaType = { schema: JsonSchema; example?: unknown; examples?: Record<string, { value?: unknown }> };

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const content = (operation.requestBody as { content?: Record<string, MediaType> } | undefined)?.content;
      const json = content?.['application/json'];
      const examples = json
        ? [
            ...(json.example !== undefined ? [json.example] : []),
            ...Object.values(json.examples ?? {}).map((example) => example.value),
          ]
        : [];
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (operation.parameters as Operation['parameters'] | undefined) ?? [],
        ...(json ? { body: { schema: json.schema, examples } } : {}),
        secured: Array.isArray(operation.security) && operation.security.length > 0,
        statuses: new Set(Object.keys((operation.responses as object | undefined) ?? {}).map(Number)),
      });
    }
  }
  return operations;
}

export function schemaContext(document: OpenApiDocument, caseIds: readonly string[]): SchemaContext {
  return {
    caseIds,
    resolve(ref) {
      const name = ref.replace('#/components/schemas/', '');
      const schema = document.components?.schemas?.[name];
      if (!schema) throw new Error(`cannot resolve ${ref}`);
      return schema;
    },
  };
}
