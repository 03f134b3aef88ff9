import { type CaseTypeName, caseTypeNames, streamOf } from '../../domain/case-types.js';
import type { EventStore } from '../../eventstore/types.js';

export type CaseType = CaseTypeName;
export { streamOf };

export async function streamExists(store: EventStore, stream: string): Promise<boolean> {
  for await (const _ of store.readStream(stream, { maxCount: 1 })) return true;
  return false;
}

const KNOWN_TYPES_KEPT = 100_000;

/** Which kind of case this id is, from the store itself (the views may not have seen a new case yet). */
export type CaseTypeOf = (caseId: string) => Promise<CaseTypeName | undefined>;

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's own, created by buildApp on the app's store. */
    caseTypeOf: CaseTypeOf;
  }
}

/**
 * `CaseTypeOf` on one store, remembering what it found: streams are never deleted, so a type once found
 * stays true; an id not found is asked again. buildApp creates one per app, no module keeps one.
 */
export function createCaseTypeOf(store: EventStore): CaseTypeOf {
  const known = new Map<string, CaseTypeName>();
  return async (caseId) => {
    const remembered = known.get(caseId);
    if (remembered) return remembered;
    for (const type of caseTypeNames) {
      if (!(await streamExists(store, streamOf(type, caseId)))) continue;
      if (known.size >= KNOWN_TYPES_KEPT) known.clear();
      known.set(caseId, type);
      return type;
    }
    return undefined;
  };
}
