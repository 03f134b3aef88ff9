import type { EventCodec } from '../decider.js';
import { DomainError } from '../decider.js';
import { type CmeEvent, type CmeEventType, cmeEvents } from './events.js';

type Upcaster = (data: unknown) => unknown;

/**
 * How to lift older stored versions of an event to its current `schemaVersion` (in events.ts), one step at a
 * time: `cmeUpcasters[type][n]` turns version n into n + 1. Stored events are upcast when read, never rewritten.
 */
export const cmeUpcasters: Partial<Record<CmeEventType, Record<number, Upcaster>>> = {};

const isCmeEventType = (type: string): type is CmeEventType => Object.hasOwn(cmeEvents, type);

export const cmeCodec: EventCodec<CmeEvent> = {
  encode: (event) => {
    // The store is append-only: an event its own schema refuses would be refused on every read after.
    const entry = cmeEvents[event.type];
    const parsed = entry?.data.safeParse(event.data);
    if (!parsed?.success) {
      const issue = parsed?.error.issues[0];
      throw new DomainError(
        'internal',
        'invalid_event',
        `${event.type}: ${issue?.path.join('.')}: ${issue?.message ?? 'not a CME event'}`,
        issue?.path.join('.'),
      );
    }
    return { type: event.type, data: event.data, schemaVersion: entry.schemaVersion };
  },
  decode: ({ type, data, schemaVersion }) => {
    if (!isCmeEventType(type)) {
      throw new DomainError('internal', 'unknown_event_type', `${type} is not a CME event`);
    }
    const version: number = cmeEvents[type].schemaVersion;
    const upcasters = cmeUpcasters[type] ?? {};
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > version) {
      throw new DomainError(
        'internal',
        'unknown_schema_version',
        `${type} has no schema version ${schemaVersion}`,
      );
    }
    let current = data;
    for (let from = schemaVersion; from < version; from++) {
      const upcast = upcasters[from];
      if (!upcast)
        throw new DomainError('internal', 'unknown_schema_version', `${type} cannot be upcast from ${from}`);
      current = upcast(current);
    }
    const parsed = cmeEvents[type].data.safeParse(current);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DomainError(
        'internal',
        'invalid_event',
        `${type}: ${issue?.path.join('.')}: ${issue?.message}`,
        issue?.path.join('.'),
      );
    }
    return { type, data: parsed.data } as CmeEvent;
  },
};
