import type { EventStore } from '../eventstore/types.js';

export type CaseType = 'ehe' | 'cme';
export const caseTypes: readonly CaseType[] = ['ehe', 'cme'];

/** A case's id is the UUID part of its stream (`ehe-<uuid>`, `cme-<uuid>`). */
export const streamOf = (type: CaseType, caseId: string): string => `${type}-${caseId}`;

export async function streamExists(store: EventStore, stream: string): Promise<boolean> {
  for await (const _ of store.readStream(stream, { maxCount: 1 })) return true;
  return false;
}

/** Which kind of case this id is, from the store itself (the views may not have seen a new case yet). */
export async function findCaseType(store: EventStore, caseId: string): Promise<CaseType | undefined> {
  for (const type of caseTypes) if (await streamExists(store, streamOf(type, caseId))) return type;
  return undefined;
}
