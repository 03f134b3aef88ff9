import { caseIdCodec, caseIdReserved, caseIdStreamOf } from '../../domain/case-ids.js';
import { type CaseTypeName as CaseType, caseTypeNames, streamOf } from '../../domain/case-types.js';
import { decodeRecorded, newEventOf } from '../../eventstore/codec-events.js';
import { WrongExpectedVersionError } from '../../eventstore/errors.js';
import type { EventStore } from '../../eventstore/types.js';
import { HttpProblem } from '../plugins/errors.js';
import { eventMetadataOf, type RequestMeta } from './commands.js';
import { streamExists } from './streams.js';

/*
 * A case id names one case of one type: its reservation (domain/case-ids.ts) is appended with `no_stream`,
 * so two writers racing for one id cannot both win; cases opened before reservations existed are found by
 * their streams.
 */

export const caseIdTaken = () =>
  new HttpProblem(409, 'case_id_taken', "this id is already another case's: choose another");

async function reservedType(store: EventStore, caseId: string): Promise<CaseType | undefined> {
  for await (const event of store.readStream(caseIdStreamOf(caseId), { maxCount: 1 })) {
    return decodeRecorded(caseIdCodec, event).data.caseType;
  }
  return undefined;
}

/** 409 `case_id_taken` when a case of another type holds the id or has reserved it; writes nothing. */
export async function assertCaseIdAvailable(store: EventStore, caseId: string, caseType: CaseType) {
  for (const other of caseTypeNames) {
    if (other !== caseType && (await streamExists(store, streamOf(other, caseId)))) throw caseIdTaken();
  }
  const reserved = await reservedType(store, caseId);
  if (reserved !== undefined && reserved !== caseType) throw caseIdTaken();
}

/** Claims `caseId` for a case of `caseType`, or answers 409 `case_id_taken`; a second claim of the same type passes. */
export async function reserveCaseId(
  store: EventStore,
  caseId: string,
  caseType: CaseType,
  meta: RequestMeta,
  at: Date,
): Promise<void> {
  await assertCaseIdAvailable(store, caseId, caseType);
  const reservation = newEventOf(caseIdCodec, caseIdReserved(caseId, caseType), eventMetadataOf(meta, at));
  try {
    await store.append(caseIdStreamOf(caseId), [reservation], 'no_stream');
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    if ((await reservedType(store, caseId)) !== caseType) throw caseIdTaken();
  }
}
