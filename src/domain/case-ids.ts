import { z } from 'zod';
import { type CaseTypeName, caseTypeNames } from './case-types.js';
import { createCodec } from './codec.js';

/**
 * A case id names one case of one type. The views key by id alone, so a second type under one id would
 * vanish from every caseload, dashboard and return. Before a case's first event is written its id is
 * reserved in `caseid-<id>`, appended where no stream is yet, so two writers racing for one id cannot both
 * win, whatever the store.
 */
export const caseIdStreamOf = (caseId: string): string => `caseid-${caseId}`;

export const CaseIdReservedSchema = z.strictObject({
  caseId: z.uuid(),
  caseType: z.enum(caseTypeNames),
});

export const caseIdEvents = {
  CaseIdReserved: { schemaVersion: 1, data: CaseIdReservedSchema },
} as const;

/** Writes a reservation with its schema version and reads it back through its schema. */
export const caseIdCodec = createCodec(caseIdEvents, {}, 'case id');

export const caseIdReserved = (caseId: string, caseType: CaseTypeName) => ({
  type: 'CaseIdReserved' as const,
  data: { caseId, caseType },
});
