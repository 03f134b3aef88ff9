import type { z } from 'zod';
import { ArrangedAbsenceChanged, ArrangedAbsenceEnded, ArrangedAbsenceRecorded } from './events.js';

/** A school's report of a pupil it has arranged or agreed absence for (the route adds the case id). */
export const RecordArrangedAbsenceBody = ArrangedAbsenceRecorded.omit({ basis: true, legalBasis: true });
/** The arrangement from its new `from`: a change agreed ahead may be dated ahead. */
export const ChangeArrangedAbsenceBody = ArrangedAbsenceChanged.omit({ basis: true, legalBasis: true });
export const EndArrangedAbsenceBody = ArrangedAbsenceEnded.omit({ basis: true, legalBasis: true });

export const cnisCommandBodies = {
  RecordArrangedAbsence: RecordArrangedAbsenceBody,
  ChangeArrangedAbsence: ChangeArrangedAbsenceBody,
  EndArrangedAbsence: EndArrangedAbsenceBody,
} as const;

export type CnisCommandType = keyof typeof cnisCommandBodies;
export type CnisCommand = {
  [T in CnisCommandType]: { type: T; data: z.output<(typeof cnisCommandBodies)[T]> };
}[CnisCommandType];
