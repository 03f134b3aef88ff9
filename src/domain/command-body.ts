import type { z } from 'zod';
import { DomainError } from './decider.js';

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * A command body as its schema reads it; the API validates too, but a decider trusts no caller.
 * The error says whether the field the schema complained of was missing (field_required) or malformed.
 */
export function parseCommandBody<T>(type: string, schema: z.ZodType<T> | undefined, data: unknown): T {
  if (!schema) throw new DomainError('internal', 'unknown_command', `unknown command ${type}`);
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path ?? [];
  const field = path.join('.');
  const missing = valueAt(data, path) === undefined;
  throw new DomainError(
    'invalid',
    missing ? 'field_required' : 'invalid_command',
    `${field || 'command'}: ${issue?.message ?? 'invalid'}`,
    field,
  );
}
