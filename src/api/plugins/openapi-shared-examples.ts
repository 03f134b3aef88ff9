/**
 * Most of the document's weight was the same problem answers written out on every operation: 401, 403,
 * 429, 500, 503 on all of them, 404, 412, 413, 415 on most. This moves each problem example that more than
 * one operation documents into `components/examples`, once, and points each operation at it.
 */

const PROBLEM = 'application/problem+json';

type ExampleObject = { summary?: string; description?: string; value?: unknown; $ref?: string };
type Media = { example?: unknown; examples?: Record<string, ExampleObject> };
type Responses = Record<string, { content?: Record<string, Media> }>;
export type DocumentWithExamples = {
  paths?: unknown;
  components?: Record<string, Record<string, unknown> | undefined>;
};
type ProblemValue = { code?: string; detail?: string; instance?: string; errors?: { path: string }[] };

/** One place a problem example is written: the media type, and the example's key (undefined: `example`). */
type Use = { media: Media; key: string | undefined };

/** Every problem example of every operation, in the document's order. */
function problemExampleUses(paths: unknown): { value: ProblemValue; use: Use }[] {
  const found: { value: ProblemValue; use: Use }[] = [];
  for (const methods of Object.values((paths ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const operation of Object.values(methods)) {
      const responses = (operation as { responses?: Responses }).responses ?? {};
      for (const response of Object.values(responses)) {
        const media = response.content?.[PROBLEM];
        if (!media) continue;
        if (media.example !== undefined)
          found.push({ value: media.example as ProblemValue, use: { media, key: undefined } });
        for (const [key, example] of Object.entries(media.examples ?? {})) {
          if (example.value !== undefined)
            found.push({ value: example.value as ProblemValue, use: { media, key } });
        }
      }
    }
  }
  return found;
}

/** The same answer on any route: the problem without its `instance`, the one field that names the route. */
const sameAnswer = ({ instance: _, ...answer }: ProblemValue): string => JSON.stringify(answer);

/** `forbidden`, `date_in_future.decidedOn`: the code, and the field when the problem names one. */
function baseName(problem: ProblemValue): string {
  const field = problem.errors?.[0]?.path.split('.').pop();
  return [problem.code ?? 'problem', ...(field ? [field] : [])].join('.').replaceAll(/[^\w.-]/g, '_');
}

export function shareRepeatedProblemExamples<D extends DocumentWithExamples>(document: D): D {
  const byAnswer = new Map<string, { value: ProblemValue; uses: Use[] }>();
  for (const { value, use } of problemExampleUses(document.paths)) {
    const key = sameAnswer(value);
    const entry = byAnswer.get(key) ?? { value, uses: [] };
    entry.uses.push(use);
    byAnswer.set(key, entry);
  }
  const shared: Record<string, ExampleObject> = {};
  for (const { value, uses } of byAnswer.values()) {
    if (uses.length < 2) continue;
    const base = baseName(value);
    let name = base;
    for (let n = 2; name in shared; n++) name = `${base}.${n}`;
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
      } else if (media.examples) {
        media.examples[key] = { $ref };
      }
    }
  }
  if (Object.keys(shared).length > 0) {
    document.components = {
      ...document.components,
      examples: { ...document.components?.examples, ...shared },
    };
  }
  return document;
}
