import type { EventCodec } from '../domain/decider.js';
import { checkEventMetadata } from './metadata.js';
import type { NewEvent, RecordedEvent } from './types.js';

/**
 * An event of a stream no command handler writes (a reservation, a record, the access log) as the store
 * takes it: its data validated by its codec and its metadata checked, each refusing with `invalid_event`
 * before anything is written.
 */
export function newEventOf<Event>(
  codec: EventCodec<Event>,
  event: NoInfer<Event>,
  metadata: Record<string, unknown>,
): NewEvent {
  const { type, data, schemaVersion } = codec.encode(event);
  const checked = { ...metadata, schemaVersion };
  checkEventMetadata(checked);
  return { type, data, metadata: checked };
}

/** A stored event read back through its codec, upcast from the version it was written at. */
export const decodeRecorded = <Event>(codec: EventCodec<Event>, recorded: RecordedEvent): Event =>
  codec.decode({
    type: recorded.type,
    data: recorded.data,
    schemaVersion: Number(recorded.metadata.schemaVersion ?? 1),
  });
