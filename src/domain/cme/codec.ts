import type { EventCodec } from '../decider.js';
import { DomainError } from '../decider.js';
import { type CmeEvent, type CmeEventType, cmeEventSchemas } from './events.js';

type Upcaster = (data: unknown) => unknown;

/**
 * Each event type's current schema version and how to lift older stored versions to it, one step at a time
 * (`upcasters[type][n]` turns version n into n + 1). Stored events are upcast when read, never rewritten.
 */
export const cmeEventVersions: Record<
  CmeEventType,
  { version: number; upcasters: Record<number, Upcaster> }
> = Object.fromEntries(
  Object.keys(cmeEventSchemas).map((type) => [type, { version: 1, upcasters: {} }]),
) as Record<CmeEventType, { version: number; upcasters: Record<number, Upcaster> }>;

const isCmeEventType = (type: string): type is CmeEventType => Object.hasOwn(cmeEventSchemas, type);

export const cmeEventCodec: EventCodec<CmeEvent> = {
  encode: (event) => ({
    type: event.type,
    data: event.data,
    schemaVersion: cmeEventVersions[event.type].version,
  }),
  decode: ({ type, data, schemaVersion }) => {
    if (!isCmeEventType(type)) {
      throw new DomainError('event_type_unknown', `${type} is not a CME event`);
    }
    const { version, upcasters } = cmeEventVersions[type];
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > version) {
      throw new DomainError('event_version_unknown', `${type} has no schema version ${schemaVersion}`);
    }
    let current = data;
    for (let from = schemaVersion; from < version; from++) {
      const upcast = upcasters[from];
      if (!upcast) throw new DomainError('event_version_unknown', `${type} cannot be upcast from ${from}`);
      current = upcast(current);
    }
    const parsed = cmeEventSchemas[type].safeParse(current);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DomainError(
        'event_data_invalid',
        `${type}: ${issue?.path.join('.')}: ${issue?.message}`,
        issue?.path.join('.'),
      );
    }
    return { type, data: parsed.data } as CmeEvent;
  },
};
