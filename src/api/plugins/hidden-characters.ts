import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from './errors.js';

/**
 * What no text a client sends may hold, because it could hide or reorder what a name or a note shows to the
 * officer who reads it: NUL and the other C0 and C1 controls (tab and line breaks apart, which free text
 * needs), the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), and unpaired
 * surrogates, which are not text at all.
 *
 * Refused here, at the API's edge, rather than in the domain's schemas: the stored events share those
 * schemas, and tightening them would make events already on disk unreadable (a case would drop out of
 * every view). What is stored stays readable; what arrives is clean.
 */
const HIDDEN_CHARACTERS = /[\p{Cs}\u202A-\u202E\u2066-\u2069]|(?![\t\n\r])\p{Cc}/u;
export const hiddenCharactersMessage =
  'must not contain control characters, text-direction overrides or unpaired surrogates';

/**
 * The paths (`body.child.givenName`) of every string in `value` that holds a hidden character. Walked with a
 * stack of its own, not by recursion: a body nested 50,000 deep must not overflow the call stack.
 */
export function hiddenCharacterPaths(value: unknown): string[] {
  const found: string[] = [];
  const pending: [unknown, string][] = [[value, 'body']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      if (HIDDEN_CHARACTERS.test(item)) found.push(path);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (HIDDEN_CHARACTERS.test(key)) found.push(`${path}.${key}`);
        pending.push([child, `${path}.${key}`]);
      }
    }
  }
  return found.sort();
}

/** Refuses a body with hidden characters before its schema is checked: 400 naming every such field. */
export const hiddenCharactersPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (request) => {
      const paths = hiddenCharacterPaths(request.body);
      if (paths.length === 0) return;
      const errors = paths.map((path) => ({ path, message: hiddenCharactersMessage }));
      throw new HttpProblem(400, 'validation_failed', `${paths[0]}: ${hiddenCharactersMessage}`, { errors });
    });
  },
  { name: 'sightline-hidden-characters' },
);
