import fc from 'fast-check';

/**
 * The subset of JSON Schema 2020-12 that sightline's OpenAPI 3.1 document uses (object, array, string with
 * enum / format / pattern / lengths, integer with bounds, boolean, anyOf / oneOf, local $ref), turned into
 * fast-check arbitraries of values that look valid. They need not pass the domain's own checks (a code the
 * council does not use, a date before a referral): that is part of what a fuzz run sends.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  example?: unknown;
  examples?: unknown[];
  default?: unknown;
}

export interface SchemaContext {
  /** Resolves `#/components/schemas/...`. */
  resolve(ref: string): JsonSchema;
  /** Ids of cases in the store, so that uuid fields sometimes name a real case. */
  caseIds: readonly string[];
}

/** Calendar dates around the server's fixed "today" (2025-11-20), mostly in the past, a few ahead. */
const isoDate = fc
  .date({ min: new Date('2005-01-01T00:00:00Z'), max: new Date('2026-06-30T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const isoDateTime = fc
  .date({ min: new Date('2005-01-01T00:00:00Z'), max: new Date('2026-06-30T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

const words = fc.constantFrom('Amelia', "O'Brien", 'Southampton', 'other', 'mental_health', 'olive', 'mary');

function stringOf(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<string> {
  const uuid = ctx.caseIds.length > 0 ? fc.oneof(fc.constantFrom(...ctx.caseIds), fc.uuid()) : fc.uuid();
  switch (schema.format) {
    case 'date':
      return isoDate;
    case 'date-time':
      return isoDateTime;
    case 'uuid':
      return uuid;
    case 'email':
      return fc.emailAddress();
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 60, 60));
  const text = fc.string({ minLength, maxLength, unit: 'grapheme' });
  return minLength <= 1 ? fc.oneof(words, text) : text;
}

function integerOf(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -1000);
  const max =
    schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : (schema.maximum ?? 1_000_000);
  return fc.integer({ min, max });
}

function objectOf(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const record = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [name, validValue(property, ctx)]),
  );
  return fc.record(record, { requiredKeys: [...required].filter((name) => name in properties) });
}

/** A value that matches `schema` as far as JSON Schema can say. */
export function validValue(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<unknown> {
  if (schema.$ref) return validValue(ctx.resolve(schema.$ref), ctx);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => validValue(alternative, ctx)));
  if (schema.allOf) return validValue(Object.assign({}, ...schema.allOf), ctx);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const examples = [...(schema.example !== undefined ? [schema.example] : []), ...(schema.examples ?? [])];
  const generated = generatedValue(schema, ctx);
  return examples.length > 0 ? fc.oneof(fc.constantFrom(...examples), generated) : generated;
}

function generatedValue(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return objectOf(schema, ctx);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, 3));
      return fc.array(validValue(schema.items ?? {}, ctx), { minLength, maxLength });
    }
    case 'string':
      return stringOf(schema, ctx);
    case 'integer':
      return integerOf(schema);
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return anyJson;
  }
}

/** Any JSON value at all, small. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 });

/** Strings that have broken parsers, loggers and databases before. */
export const oddStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil',
  '\u200b',
  '\ufeff',
  '\uffff',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦',
  'İstanbul',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '__proto__',
  'constructor',
  '{{7*7}}',
  '\u0024{7*7}',
  '\r\nX-Injected: 1',
  '0x1F',
  '-0',
  '1e400',
  'NaN',
  'null',
  'true',
);

/** Strings past every limit the schemas set (5,000 characters is the longest). */
export const hugeStrings = fc
  .constantFrom(5_001, 70_000, 300_000)
  .chain((length) => fc.constantFrom('x', 'é', '\u0000', '😀').map((unit) => unit.repeat(length)));

/** A value of some other JSON type than the one expected, or an odd value of the same one. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53 + 1, -1e308, 1e308, [], {}, [null], { '': 1 }),
  oddStrings,
  anyJson,
);
