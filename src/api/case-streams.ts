import { type CaseTypeName, caseTypeNames, streamOf } from '../domain/case-types.js';
import type { EventStore } from '../eventstore/types.js';

export type CaseType = CaseTypeName;
export { streamOf };

export async function streamExists(store: EventStore, stream: string): Promise<boolean> {
  for await (const _ of store.readStream(stream, { maxCount: 1 })) return true;
  return false;
}

const KNOWN_TYPES_KEPT = 100_000;
const knownTypes = new WeakMap<EventStore, Map<string, CaseTypeName>>();

/**
 * Which kind of case this id is, from the store itself (the views may not have seen a new case yet).
 * Streams are never deleted, so a type once found is remembered; an id not found is asked again.
 */
export async function findCaseType(store: EventStore, caseId: string): Promise<CaseTypeName | undefined> {
  let known = knownTypes.get(store);
  if (!known) {
    known = new Map();
    knownTypes.set(store, known);
  }
  const remembered = known.get(caseId);
  if (remembered) return remembered;
  for (const type of caseTypeNames) {
    if (!(await streamExists(store, streamOf(type, caseId)))) continue;
    if (known.size >= KNOWN_TYPES_KEPT) known.clear();
    known.set(caseId, type);
    return type;
  }
  return undefined;
}
