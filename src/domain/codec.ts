import type { z } from 'zod';
import type { EventCodec } from './decider.js';
import { DomainError } from './decider.js';

/** A case type's event table: each event type's current schema version and the schema of its data. */
export type EventTable = Readonly<
  Record<string, { readonly schemaVersion: number; readonly data: z.ZodType }>
>;

/** The events a table describes, as `{ type, data }` with data as its schema reads it. */
export type EventOfTable<E extends EventTable> = {
  [T in keyof E & string]: { type: T; data: z.output<E[T]['data']> };
}[keyof E & string];

/** Lifts one stored version of an event's data to the next. */
export type Upcaster = (data: unknown) => unknown;

/**
 * How to lift older stored versions of each event type to its current `schemaVersion`, one step at a time:
 * `upcasters[type][n]` turns version n into n + 1. Only the table's own types may have upcasters.
 */
export type Upcasters<E extends EventTable> = { -readonly [T in keyof E]?: Record<number, Upcaster> };

function invalid(type: string, issue: z.core.$ZodIssue | undefined, otherwise: string): DomainError {
  const field = issue?.path.join('.');
  const where = field ? `${field}: ` : '';
  return new DomainError(
    'internal',
    'invalid_event',
    `${type}: ${where}${issue?.message ?? otherwise}`,
    field,
  );
}

/**
 * Writes a case type's events with their schema version and reads them back: the one codec both case types
 * use. `encode` validates the data against the event's schema (the store is append-only: an event its own
 * schema refuses would be refused on every read after) and stores it as given; `decode` upcasts an older
 * stored version step by step, then parses. Stored events are upcast when read, never rewritten.
 * The table and upcasters are read on every call, not copied.
 */
export function createCodec<E extends EventTable>(
  events: E,
  upcasters: Upcasters<E>,
  caseType: string,
): EventCodec<EventOfTable<E>> {
  const isEventType = (type: string): type is keyof E & string => Object.hasOwn(events, type);
  return {
    encode(event) {
      const entry = Object.hasOwn(events, event.type) ? events[event.type] : undefined;
      if (!entry) throw invalid(event.type, undefined, `not one of the ${caseType} event types`);
      const parsed = entry.data.safeParse(event.data);
      if (!parsed.success) throw invalid(event.type, parsed.error.issues[0], 'invalid data');
      return { type: event.type, data: event.data, schemaVersion: entry.schemaVersion };
    },
    decode({ type, data, schemaVersion }) {
      if (!isEventType(type))
        throw new DomainError(
          'internal',
          'unknown_event_type',
          `${type} is not one of the ${caseType} event types`,
        );
      const entry = events[type]!;
      const current = entry.schemaVersion;
      if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > current) {
        throw new DomainError(
          'internal',
          'unknown_schema_version',
          `${type} v${schemaVersion} cannot be read`,
        );
      }
      let upcast = data;
      for (let from = schemaVersion; from < current; from++) {
        const step = upcasters[type]?.[from];
        if (!step)
          throw new DomainError(
            'internal',
            'unknown_schema_version',
            `${type} cannot be upcast from v${from}`,
          );
        upcast = step(upcast);
      }
      const parsed = entry.data.safeParse(upcast);
      if (!parsed.success) throw invalid(type, parsed.error.issues[0], 'invalid data');
      return { type, data: parsed.data } as EventOfTable<E>;
    },
  };
}
