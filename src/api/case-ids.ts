import { type CaseTypeName as CaseType, caseTypeNames, streamOf } from '../domain/case-types.js';
import { WrongExpectedVersionError } from '../eventstore/errors.js';
import { checkEventMetadata } from '../eventstore/metadata.js';
import type { EventStore } from '../eventstore/types.js';
import { eventMetadataOf, type RequestMeta } from './case-commands.js';
import { streamExists } from './case-streams.js';
import { HttpProblem } from './errors.js';

/**
 * A case id names one case of one type. The views key by id alone, so a second type under one id would
 * vanish from every caseload, dashboard and return. Before a case's first event is written its id is
 * reserved in `caseid-<id>` (appended with `no_stream`, so two writers racing for one id cannot both win,
 * whatever the store); cases opened before reservations existed are found by their streams.
 */
const RESERVATION_PREFIX = 'caseid-';

export const caseIdTaken = () =>
  new HttpProblem(409, 'case_id_taken', "this id is already another case's: choose another");

async function reservedType(store: EventStore, caseId: string): Promise<string | undefined> {
  for await (const event of store.readStream(`${RESERVATION_PREFIX}${caseId}`, { maxCount: 1 })) {
    return (event.data as { caseType?: string }).caseType;
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
  const metadata = { ...eventMetadataOf(meta, at), schemaVersion: 1 };
  checkEventMetadata(metadata);
  try {
    await store.append(
      `${RESERVATION_PREFIX}${caseId}`,
      [{ type: 'CaseIdReserved', data: { caseId, caseType }, metadata }],
      'no_stream',
    );
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    if ((await reservedType(store, caseId)) !== caseType) throw caseIdTaken();
  }
}
