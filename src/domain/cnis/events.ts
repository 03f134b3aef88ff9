import { z } from 'zod';
import { isoDateSchema } from '../calendar/index.js';
import {
  ArrangedAbsencePupilSchema,
  ArrangementEndReasonSchema,
  ArrangementSchema,
  RegisterBasisSchema,
  ReportingSchoolSchema,
} from './values.js';

/*
 * The facts of an arranged-absence entry (stream `cnis-{id}`): what a school reported, each with whether the
 * register was kept under the s.436B duty that day (`basis`) and the section it is kept under.
 */

const legalBasis = z.literal('CWSA2026_s436B');
const register = { basis: RegisterBasisSchema, legalBasis };

export const ArrangedAbsenceRecorded = z.strictObject({
  caseId: z.uuid(),
  receivedOn: isoDateSchema,
  pupil: ArrangedAbsencePupilSchema,
  school: ReportingSchoolSchema,
  arrangement: ArrangementSchema,
  ...register,
});

/** The arrangement as changed, from its new `from` (its kind, its time absent, its agreed end). */
export const ArrangedAbsenceChanged = z.strictObject({
  arrangement: ArrangementSchema,
  ...register,
});

/** The arrangement's last day, and why it ended. */
export const ArrangedAbsenceEnded = z.strictObject({
  lastDay: isoDateSchema,
  reason: ArrangementEndReasonSchema,
  reasonText: z.string().trim().min(1).max(2000).optional(),
  ...register,
});

const v1 = <S extends z.ZodType>(data: S) => ({ schemaVersion: 1, data }) as const;

/** Every arranged-absence event type with its current schema version. */
export const cnisEvents = {
  ArrangedAbsenceRecorded: v1(ArrangedAbsenceRecorded),
  ArrangedAbsenceChanged: v1(ArrangedAbsenceChanged),
  ArrangedAbsenceEnded: v1(ArrangedAbsenceEnded),
} as const;

export type CnisEventType = keyof typeof cnisEvents;
export type CnisEventData<T extends CnisEventType> = z.infer<(typeof cnisEvents)[T]['data']>;
export type CnisEventOf<T extends CnisEventType> = { type: T; data: CnisEventData<T> };
export type CnisEvent = { [T in CnisEventType]: CnisEventOf<T> }[CnisEventType];

export const cnisEvent = <T extends CnisEventType>(type: T, data: CnisEventData<T>): CnisEventOf<T> => ({
  type,
  data,
});
