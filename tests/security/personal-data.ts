import type { DocumentedOperation, JsonSchema, OpenApiDocument } from './openapi-operations.js';

/**
 * The names the document gives a child's or family's identity: the CaseSummary's `child` and its fields,
 * the dashboard's `childName`, a referral's `parentsCarers`.
 */
export const personalNames = new Set([
  'child',
  'childName',
  'givenName',
  'familyName',
  'dateOfBirth',
  'upn',
  'address',
  'parentsCarers',
]);

/** Keywords that constrain what a schema admits: a schema with none of them admits any JSON at all. */
const constraining = [
  'type',
  '$ref',
  'anyOf',
  'oneOf',
  'allOf',
  'enum',
  'const',
  'properties',
  'items',
  'not',
];
/** Keywords whose value is a schema, or a list of schemas. */
const nested = ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties', 'prefixItems'];

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null;

/**
 * Why an answer with this schema carries case-level personal data, or nothing when it does not:
 * - a property with one of the personal names;
 * - a property the document leaves free-form (an event's `data`, a case's `state`): it can hold anything,
 *   and in this domain it holds the child (the referral event's data is the referral);
 * - a list whose items name a case (`caseId`): which children have which clocks, officers and statuses is
 *   case data even without a name (the deadlines, the dashboard's lists, caseloads).
 */
export function personalDataIn(
  schema: unknown,
  document: OpenApiDocument,
  seen = new Set<string>(),
): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item) => personalDataIn(item, document, seen));
  if (!isObject(schema)) return [];
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return [];
    seen.add(name);
    return personalDataIn(document.components?.schemas?.[name], document, seen);
  }
  const reasons: string[] = [];
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const [name, property] of Object.entries(properties)) {
    if (personalNames.has(name)) reasons.push(`property ${name}`);
    if (isObject(property) && !constraining.some((keyword) => keyword in property)) {
      reasons.push(`free-form property ${name}`);
    }
  }
  if (schema.type === 'array' && namesCase(schema.items, document)) reasons.push('a list of cases');
  for (const property of Object.values(properties)) reasons.push(...personalDataIn(property, document, seen));
  for (const keyword of nested) reasons.push(...personalDataIn(schema[keyword], document, seen));
  return reasons;
}

function namesCase(items: unknown, document: OpenApiDocument): boolean {
  const resolved =
    isObject(items) && typeof items.$ref === 'string'
      ? document.components?.schemas?.[items.$ref.replace('#/components/schemas/', '')]
      : items;
  return isObject(resolved) && isObject(resolved.properties) && 'caseId' in resolved.properties;
}

/** The reasons an operation's successful answers (every 2xx, every media type) carry personal data. */
export function personalDataAnswered(op: DocumentedOperation, document: OpenApiDocument): string[] {
  return Object.entries(op.operation.responses)
    .filter(([status]) => status.startsWith('2'))
    .flatMap(([, response]) => Object.values(response.content ?? {}))
    .flatMap((media) => personalDataIn(media.schema, document));
}
