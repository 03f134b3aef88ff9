import { type CaseTypeName as CaseType, streamOf } from '../domain/case-types.js';
import { cmeCodec, cmeDecider } from '../domain/cme/index.js';
import { eheCodec, eheDecider } from '../domain/ehe/index.js';
import type { EventStore, RecordedEvent } from '../eventstore/types.js';

export type Basis = 'recorded' | 'occurred';

const occurredAt = (event: RecordedEvent): string =>
  typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : event.recordedAt.toISOString();

/**
 * The case folded from its events up to an instant: `recorded` as the system knew it then (events
 * committed by then), `occurred` as things had happened by then (business time, whenever entered).
 */
export async function caseStateAsOf(
  store: EventStore,
  caseType: CaseType,
  caseId: string,
  asOf: Date | undefined,
  basis: Basis,
): Promise<{ state: unknown; revision: bigint; eventsApplied: number }> {
  const until = asOf?.getTime() ?? Number.POSITIVE_INFINITY;
  const included = (event: RecordedEvent) =>
    (basis === 'recorded' ? event.recordedAt.getTime() : Date.parse(occurredAt(event))) <= until;
  let revision = -1n;
  let eventsApplied = 0;
  const decode = (event: RecordedEvent) => ({
    type: event.type,
    data: event.data,
    schemaVersion: Number(event.metadata.schemaVersion ?? 1),
  });
  if (caseType === 'ehe') {
    let state = eheDecider.initialState();
    for await (const event of store.readStream(streamOf('ehe', caseId))) {
      if (!included(event)) continue;
      state = eheDecider.evolve(state, eheCodec.decode(decode(event)));
      revision = event.revision;
      eventsApplied++;
    }
    return { state, revision, eventsApplied };
  }
  let state = cmeDecider.initialState();
  for await (const event of store.readStream(streamOf('cme', caseId))) {
    if (!included(event)) continue;
    state = cmeDecider.evolve(state, cmeCodec.decode(decode(event)));
    revision = event.revision;
    eventsApplied++;
  }
  return { state, revision, eventsApplied };
}

/** The officer the case is allocated to now, for "the case's officer may read its history". */
export async function allocatedOfficerOf(
  store: EventStore,
  caseType: CaseType,
  caseId: string,
): Promise<string | null> {
  const { state } = await caseStateAsOf(store, caseType, caseId, undefined, 'recorded');
  const fields = state as { allocatedOfficer?: string | null; allocatedTo?: string | null };
  return fields.allocatedOfficer ?? fields.allocatedTo ?? null;
}

export const eventView = (event: RecordedEvent) => ({
  id: event.id,
  revision: event.revision.toString(),
  position: event.position.toString(),
  type: event.type,
  data: event.data,
  metadata: event.metadata,
  recordedAt: event.recordedAt.toISOString(),
});
