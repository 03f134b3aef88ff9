import type { TestApi } from '../api/support.js';

/** The parts of the OpenAPI document the security suites read. */
export type JsonSchema = { [keyword: string]: unknown };
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
}
interface Media {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
export interface DocumentedOperation {
  /** `<method> <path>`, as the role table names it. */
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  operation: Operation;
}

export async function liveDocument(api: TestApi): Promise<OpenApiDocument> {
  return (await api.app.inject('/openapi.json')).json();
}

export const operationsOf = (document: OpenApiDocument): DocumentedOperation[] =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      key: `${method} ${path}`,
      method: method.toUpperCase() as DocumentedOperation['method'],
      path,
      operation,
    })),
  );

/**
 * A URL for the operation: each path parameter, and each query parameter named in `values`, from `values`;
 * the other path parameters and the required query parameters from the document's examples. Optional query
 * parameters are left out, so that nothing but the case chosen narrows what a read answers.
 */
export function urlOf({ path, operation }: DocumentedOperation, values: Record<string, string>): string {
  let url = path;
  const query = new URLSearchParams();
  for (const { name, in: where, required, example } of operation.parameters ?? []) {
    const value = values[name] ?? (example === undefined ? undefined : String(example));
    if (where === 'path') url = url.replace(`{${name}}`, encodeURIComponent(value ?? 'unknown'));
    else if (where === 'query' && value !== undefined && (name in values || required)) query.set(name, value);
  }
  return query.size > 0 ? `${url}?${query}` : url;
}

/** The first example of the operation's JSON body, if it documents one. */
export function bodyExampleOf({ operation }: DocumentedOperation): unknown {
  const media = operation.requestBody?.content['application/json'];
  return media?.example ?? Object.values(media?.examples ?? {})[0]?.value;
}
