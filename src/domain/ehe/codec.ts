import type { EventCodec } from '../decider.js';
import { DomainError } from '../decider.js';
import type { EheEvent, EheEventType } from './events.js';
import { eheEvents } from './events.js';

const isEheEventType = (type: string): type is EheEventType => Object.hasOwn(eheEvents, type);

/** Writes EHE events with their schema version; reads them back through the schema (upcasting when needed). */
export const eheCodec: EventCodec<EheEvent> = {
  encode(event) {
    // The store is append-only: an event its own schema refuses would be refused on every read after.
    const entry = eheEvents[event.type];
    const parsed = entry?.data.safeParse(event.data);
    if (!parsed?.success) {
      const issue = parsed?.error.issues[0];
      throw new DomainError(
        'internal',
        'invalid_event',
        `${event.type}: ${issue?.message ?? 'not an EHE event'}`,
        issue?.path.join('.'),
      );
    }
    return { type: event.type, data: event.data, schemaVersion: entry.schemaVersion };
  },
  decode(stored) {
    if (!isEheEventType(stored.type)) {
      throw new DomainError('internal', 'unknown_event_type', `${stored.type} is not an EHE event`);
    }
    const entry = eheEvents[stored.type];
    if (stored.schemaVersion !== entry.schemaVersion) {
      // Version 1 is the only one so far; an upcaster per older version goes here when one is written.
      throw new DomainError(
        'internal',
        'unknown_schema_version',
        `${stored.type} v${stored.schemaVersion} cannot be read`,
      );
    }
    const parsed = entry.data.safeParse(stored.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DomainError(
        'internal',
        'invalid_event',
        `${stored.type}: ${issue?.message ?? 'invalid data'}`,
        issue?.path.join('.'),
      );
    }
    return { type: stored.type, data: parsed.data } as EheEvent;
  },
};
