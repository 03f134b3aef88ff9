/**
 * Most of the document's weight was the same problem answers written out on every operation: 401, 403,
 * 429, 500, 503 on all of them, 404, 412, 413, 415 on most. Each problem example that more than one
 * operation documents moves to `components/examples`, once; then each problem response (description,
 * schema, example) that more than one operation gives moves to `components/responses`, and the operations
 * refer to it.
 */

const PROBLEM = 'application/problem+json';

type ExampleObject = { summary?: string; description?: string; value?: unknown; $ref?: string };
type Media = { example?: unknown; examples?: Record<string, ExampleObject> };
type Response = { description?: string; content?: Record<string, Media>; $ref?: string };
export type DocumentWithExamples = {
  paths?: unknown;
  components?: Record<string, Record<string, unknown> | undefined>;
};
type ProblemValue = { code?: string; detail?: string; instance?: string; errors?: { path: string }[] };

/** Each operation's responses, by status: the objects themselves, to be rewritten in place. */
function responsesOf(paths: unknown): Record<string, Response>[] {
  return Object.values(
    (paths ?? {}) as Record<string, Record<string, { responses?: Record<string, Response> }>>,
  )
    .flatMap((methods) => Object.values(methods))
    .flatMap((operation) => (operation.responses ? [operation.responses] : []));
}

/** One place a problem example is written: the media type, and the example's key (undefined: `example`). */
type Use = { media: Media; key: string | undefined };

/** Every problem example of every operation, in the document's order. */
function problemExampleUses(paths: unknown): { value: ProblemValue; use: Use }[] {
  return responsesOf(paths).flatMap((responses) =>
    Object.values(responses).flatMap((response) => {
      const media = response.content?.[PROBLEM];
      if (!media) return [];
      const single = media.example === undefined ? [] : [{ value: media.example, key: undefined }];
      const named = Object.entries(media.examples ?? {}).flatMap(([key, example]) =>
        example.value === undefined ? [] : [{ value: example.value, key }],
      );
      return [...single, ...named].map(({ value, key }) => ({
        value: value as ProblemValue,
        use: { media, key },
      }));
    }),
  );
}

/** The same answer on any route: the problem without its `instance`, the one field that names the route. */
const sameAnswer = ({ instance: _, ...answer }: ProblemValue): string => JSON.stringify(answer);

/** `forbidden`, `date_in_future.decidedOn`: the code, and the field when the problem names one. */
function baseName(problem: ProblemValue): string {
  const field = problem.errors?.[0]?.path.split('.').pop();
  return [problem.code ?? 'problem', ...(field ? [field] : [])].join('.').replaceAll(/[^\w.-]/g, '_');
}

/** `base`, or `base.2`, `base.3`… when another component already has the name. */
function freeName(base: string, taken: Record<string, unknown>): string {
  let name = base;
  for (let n = 2; name in taken; n++) name = `${base}.${n}`;
  return name;
}

function shareExamples(paths: unknown): Record<string, ExampleObject> {
  const byAnswer = new Map<string, { value: ProblemValue; uses: Use[] }>();
  for (const { value, use } of problemExampleUses(paths)) {
    const key = sameAnswer(value);
    const entry = byAnswer.get(key) ?? { value, uses: [] };
    entry.uses.push(use);
    byAnswer.set(key, entry);
  }
  const shared: Record<string, ExampleObject> = {};
  for (const { value, uses } of byAnswer.values()) {
    if (uses.length < 2) continue;
    const name = freeName(baseName(value), shared);
    shared[name] = {
      ...(value.detail ? { summary: value.detail } : {}),
      description:
        'The same answer on every operation that refers to it; `instance` is the path of the request that ' +
        'met it (here, the first such operation’s).',
      value,
    };
    const $ref = `#/components/examples/${name}`;
    for (const { media, key } of uses) {
      if (key === undefined) {
        delete media.example;
        media.examples = { [name]: { $ref }, ...media.examples };
      } else if (media.examples) media.examples[key] = { $ref };
    }
  }
  return shared;
}

/** A problem response whose every example is shared: the same on each operation that gives it. */
function sharedExampleName(response: Response): string | undefined {
  const contents = Object.entries(response.content ?? {});
  const examples = Object.values(contents[0]?.[1].examples ?? {});
  const [only] = examples;
  if (contents.length !== 1 || contents[0]?.[0] !== PROBLEM || examples.length !== 1) return undefined;
  return only?.$ref?.replace('#/components/examples/', '');
}

function shareResponses(paths: unknown): Record<string, Response> {
  const byResponse = new Map<
    string,
    { name: string; response: Response; uses: [Record<string, Response>, string][] }
  >();
  for (const responses of responsesOf(paths)) {
    for (const [status, response] of Object.entries(responses)) {
      const name = sharedExampleName(response);
      if (name === undefined) continue;
      const key = JSON.stringify(response);
      const entry = byResponse.get(key) ?? { name, response, uses: [] };
      entry.uses.push([responses, status]);
      byResponse.set(key, entry);
    }
  }
  const shared: Record<string, Response> = {};
  for (const { name, response, uses } of byResponse.values()) {
    if (uses.length < 2) continue;
    const sharedName = freeName(name, shared);
    shared[sharedName] = response;
    for (const [responses, status] of uses)
      responses[status] = { $ref: `#/components/responses/${sharedName}` };
  }
  return shared;
}

export function shareRepeatedProblems<D extends DocumentWithExamples>(document: D): D {
  const examples = shareExamples(document.paths);
  const responses = shareResponses(document.paths);
  document.components = {
    ...document.components,
    ...(Object.keys(examples).length > 0
      ? { examples: { ...document.components?.examples, ...examples } }
      : {}),
    ...(Object.keys(responses).length > 0
      ? { responses: { ...document.components?.responses, ...responses } }
      : {}),
  };
  return document;
}
