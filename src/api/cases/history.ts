import {
  type CaseTypeName as CaseType,
  caseTypes,
  type EventOf,
  type StateOf,
  streamOf,
} from '../../domain/case-types.js';
import type { EventStore, RecordedEvent } from '../../eventstore/types.js';

export type Basis = 'recorded' | 'occurred';

const occurredAt = (event: RecordedEvent): string =>
  typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : event.recordedAt.toISOString();

const stored = (event: RecordedEvent) => ({
  type: event.type,
  data: event.data,
  schemaVersion: Number(event.metadata.schemaVersion ?? 1),
});

/** What folding a case type's stream needs, typed per case type so a generic fold keeps state and events paired. */
interface Folding<State, Event> {
  decider: { initialState: () => State; evolve: (state: State, event: Event) => State };
  codec: { decode: (event: ReturnType<typeof stored>) => Event };
}
const foldings: { [K in CaseType]: Folding<StateOf<K>, EventOf<K>> } = caseTypes;

/**
 * The case folded from its events up to an instant: `recorded` as the system knew it then (events
 * committed by then), `occurred` as things had happened by then (business time, whenever entered).
 */
export async function caseStateAsOf<K extends CaseType>(
  store: EventStore,
  caseType: K,
  caseId: string,
  asOf: Date | undefined,
  basis: Basis,
): Promise<{ state: StateOf<K>; revision: bigint; eventsApplied: number }> {
  const until = asOf?.getTime() ?? Number.POSITIVE_INFINITY;
  const included = (event: RecordedEvent) =>
    (basis === 'recorded' ? event.recordedAt.getTime() : Date.parse(occurredAt(event))) <= until;
  const { decider, codec } = foldings[caseType];
  let state = decider.initialState();
  let revision = -1n;
  let eventsApplied = 0;
  for await (const event of store.readStream(streamOf(caseType, caseId))) {
    if (!included(event)) continue;
    state = decider.evolve(state, codec.decode(stored(event)));
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
  return 'allocatedOfficer' in state ? state.allocatedOfficer : null;
}

/**
 * `GET /v1/cases/{id}/state` answers with the names the decider's fields had when the route was published;
 * the deciders have since named the same facts alike in both case types.
 */
const publishedNames: Record<CaseType, Readonly<Record<string, string>>> = {
  ehe: { referredOn: 'receivedOn', closure: 'closed' },
  cme: { allocatedOfficer: 'allocatedTo' },
  cnis: {},
};

export function publishedState(caseType: CaseType, state: object): Record<string, unknown> {
  const names = publishedNames[caseType];
  return Object.fromEntries(Object.entries(state).map(([name, value]) => [names[name] ?? name, value]));
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
