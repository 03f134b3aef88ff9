import { type CaseTypeName, caseTypes } from '../domain/case-types.js';
import type { CmeEvent } from '../domain/cme/events.js';
import type { CnisEvent } from '../domain/cnis/events.js';
import type { EheEvent } from '../domain/ehe/events.js';
import type { RecordedEvent } from '../eventstore/types.js';

/**
 * A stored event of a case, read back through its case type's codec (so old versions are upcast). Views take
 * dates from the event's own fields (receivedOn, closedOn, ...): they are the business dates reports count by.
 */
export type CaseEvent =
  | { caseType: 'ehe'; event: EheEvent; caseId: string; position: bigint; revision: bigint }
  | { caseType: 'cme'; event: CmeEvent; caseId: string; position: bigint; revision: bigint }
  | { caseType: 'cnis'; event: CnisEvent; caseId: string; position: bigint; revision: bigint };

/** Throws the codec's DomainError (`unknown_event_type`, `invalid_event`, ...) for an event it cannot read. */
export function decodeCaseEvent(
  recorded: RecordedEvent,
  stream: { caseType: CaseTypeName; caseId: string },
): CaseEvent {
  const schemaVersion = Number(recorded.metadata.schemaVersion ?? 1);
  const stored = { type: recorded.type, data: recorded.data, schemaVersion };
  const common = {
    caseId: stream.caseId,
    position: recorded.position,
    revision: recorded.revision,
  };
  const event = caseTypes[stream.caseType].codec.decode(stored);
  // The stream's own case type's codec read it, so the event is of that case type.
  return { caseType: stream.caseType, event, ...common } as CaseEvent;
}
