import fc from 'fast-check';
import { badIds, badQueryValues, contentTypes, encodeComponent, malformedJson } from './fuzz-bad-values.js';
import { applyMutation, mutations } from './fuzz-mutations.js';
import type { Operation } from './fuzz-operations.js';
import { type SchemaContext, validValue } from './fuzz-schema.js';

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** What the request was meant to get wrong, for the failure message. */
  intent: string;
  /** Its credential must be refused: the answer is 401 whatever else is wrong. */
  refusedCredential: boolean;
}

const encodeQuery = (pairs: [string, string][]) =>
  pairs.map(([name, value]) => `${encodeComponent(name)}=${encodeComponent(value)}`).join('&');

/** The path with its parameters filled in: mostly real ids, sometimes broken ones. */
function pathOf(operation: Operation, ctx: SchemaContext): fc.Arbitrary<{ path: string; intent: string }> {
  const names = operation.parameters.filter((p) => p.in === 'path');
  if (names.length === 0) return fc.constant({ path: operation.path, intent: '' });
  const values = names.map((parameter) =>
    fc.oneof(
      {
        weight: 4,
        arbitrary: validValue(parameter.schema, ctx).map((v) => ({
          v: encodeComponent(String(v)),
          bad: false,
        })),
      },
      { weight: 1, arbitrary: badIds.map((v) => ({ v, bad: true })) },
    ),
  );
  return fc.tuple(...values).map((filled) => ({
    path: names.reduce((path, p, i) => path.replace(`{${p.name}}`, filled[i]?.v ?? ''), operation.path),
    intent: filled.some((f) => f.bad) ? 'bad path id' : '',
  }));
}

/** Query parameters: valid values, bad ones, repeated ones, required ones left out, unknown ones added. */
function queryOf(operation: Operation, ctx: SchemaContext): fc.Arbitrary<{ query: string; intent: string }> {
  const parameters = operation.parameters.filter((p) => p.in === 'query');
  const each = parameters.map((parameter) =>
    fc.oneof(
      {
        weight: parameter.required ? 1 : 3,
        arbitrary: fc.constant({ pairs: [], intent: parameter.required ? 'missing query' : '' }),
      },
      {
        weight: 4,
        arbitrary: validValue(parameter.schema, ctx).map((v) => ({
          pairs: [[parameter.name, String(v)]],
          intent: '',
        })),
      },
      {
        weight: 1,
        arbitrary: badQueryValues.map((v) => ({ pairs: [[parameter.name, v]], intent: 'bad query' })),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(validValue(parameter.schema, ctx), badQueryValues).map(([a, b]) => ({
          pairs: [
            [parameter.name, String(a)],
            [parameter.name, b],
          ],
          intent: 'repeated query',
        })),
      },
    ),
  );
  const unknown = fc.option(fc.tuple(fc.constantFrom('foo', '__proto__', 'limit[]', ''), badQueryValues), {
    freq: 8,
  });
  return fc.tuple(fc.tuple(...each), unknown).map(([chosen, extra]) => {
    const pairs = chosen.flatMap((c) => c.pairs as [string, string][]);
    if (extra) pairs.push(extra);
    const intents = [...chosen.map((c) => c.intent), extra ? 'unknown query' : ''].filter(Boolean);
    return { query: pairs.length > 0 ? `?${encodeQuery(pairs)}` : '', intent: intents.join(', ') };
  });
}

interface Body {
  payload?: string;
  contentType?: string;
  intent: string;
}

const json = (value: unknown): Body => ({
  payload: JSON.stringify(value),
  contentType: 'application/json',
  intent: '',
});

function bodyOf(operation: Operation, ctx: SchemaContext): fc.Arbitrary<Body> {
  if (!operation.body) {
    return fc.oneof(
      { weight: 9, arbitrary: fc.constant<Body>({ intent: '' }) },
      {
        weight: 1,
        arbitrary: malformedJson.map((payload) => ({
          payload,
          contentType: 'application/json',
          intent: 'unexpected body',
        })),
      },
    );
  }
  const { schema, examples } = operation.body;
  const valid =
    examples.length > 0
      ? fc.oneof(fc.constantFrom(...examples), validValue(schema, ctx))
      : validValue(schema, ctx);
  return fc.oneof(
    { weight: 3, arbitrary: valid.map(json) },
    {
      weight: 5,
      arbitrary: fc.tuple(valid, mutations).map(([value, mutation]) => ({
        ...json(applyMutation(value, mutation)),
        intent: mutation.kind,
      })),
    },
    {
      weight: 1,
      arbitrary: malformedJson.map((payload) => ({
        payload,
        contentType: 'application/json',
        intent: 'malformed json',
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, contentTypes).map(([value, contentType]) => ({
        payload: JSON.stringify(value),
        contentType,
        intent: 'wrong content type',
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        { intent: 'no body' },
        { contentType: 'application/json', intent: 'empty body' },
      ),
    },
  );
}

/** An `Authorization` header, or none: `label` says which, for the failure message. */
export interface Credential {
  label: string;
  header?: string;
  /** A token (or none) the server must refuse with 401. */
  refused?: boolean;
}

const ifMatch = fc.option(
  fc.oneof(
    fc.nat({ max: 6 }).map((n) => `W/"${n}"`),
    fc.constantFrom('*', 'W/"-1"', '"x"', 'W/"99999999999999999999"', 'garbage'),
  ),
  { freq: 3 },
);
const idempotencyKey = fc.option(
  fc.oneof(fc.uuid(), fc.constantFrom('reused-key-1', 'reused-key-2', ' ', 'x'.repeat(201), 'é')),
  { freq: 3 },
);
const otherMethod = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE');

/**
 * Requests for one operation, mostly close to valid, each with one or more things wrong. `allowedRoles`
 * (found by asking the server) get most of the tokens, so that most requests reach the body's checks.
 */
export function requestsFor(
  operation: Operation,
  ctx: SchemaContext,
  credentials: Credential[],
  allowedRoles: ReadonlySet<string>,
): fc.Arbitrary<FuzzRequest> {
  const allowed = credentials.filter((c) => allowedRoles.has(c.label));
  const others = credentials.filter((c) => !allowedRoles.has(c.label));
  const credential =
    allowed.length > 0
      ? fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...allowed) },
          { weight: 1, arbitrary: fc.constantFrom(...others) },
        )
      : fc.constantFrom(...credentials);
  const method = fc.oneof(
    { weight: 19, arbitrary: fc.constant(operation.method) },
    { weight: 1, arbitrary: otherMethod },
  );
  return fc
    .record({
      method,
      path: pathOf(operation, ctx),
      query: queryOf(operation, ctx),
      body: bodyOf(operation, ctx),
      credential,
      ifMatch,
      idempotencyKey,
    })
    .map(({ method, path, query, body, credential, ifMatch, idempotencyKey }) => {
      const headers: Record<string, string> = {};
      if (credential.header !== undefined) headers.authorization = credential.header;
      if (body.contentType !== undefined) headers['content-type'] = body.contentType;
      if (ifMatch !== null) headers['if-match'] = ifMatch;
      if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
      const intent = [
        method !== operation.method ? 'other method' : '',
        path.intent,
        query.intent,
        body.intent,
        credential.label,
      ]
        .filter(Boolean)
        .join(', ');
      return {
        method,
        url: `${path.path}${query.query}`,
        headers,
        ...(body.payload !== undefined ? { payload: body.payload } : {}),
        intent,
        refusedCredential: credential.refused === true,
      };
    });
}
