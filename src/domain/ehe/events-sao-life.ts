import { z } from 'zod';
import { isoDateSchema } from '../calendar/index.js';
import { StartedClockSchema } from '../clocks.js';
import { LegalBasisSchema } from './legal-basis.js';
import { FreeTextSchema, SchoolSchema, ShortTextSchema } from './values.js';

/**
 * The School Attendance Order route's later events (issue 14 items 3, 5 and 7): the schools' part before the
 * order (s.438 applications, s.439 governing bodies, s.437(5)), the order's end by itself or by the court,
 * and the education supervision order's life (s.447, Children Act 1989 s.36). Each schema is the stored
 * contract, written field by field like those in events.ts, which lists them in its table.
 */

const officer = z.string().min(1);
const statutory = { legalBasis: LegalBasisSchema, decidedBy: officer };
const clocksStarted = z.array(StartedClockSchema);

/** s.437(4): the order ended with compulsory school age; written by the deadline worker the day after. */
export const SchoolAttendanceOrderLapsed = z.strictObject({
  /** The school leaving date: the order was in force to the end of it (s.8(3)). */
  inForceUntil: isoDateSchema,
  recordedOn: isoDateSchema,
  legalBasis: LegalBasisSchema,
});
/** The court directed that the order cease: on an acquittal (s.443(2)) or refusing an ESO (s.447(5)). */
export const SchoolAttendanceOrderEndedByCourt = z.strictObject({
  endedOn: isoDateSchema,
  ground: z.enum(['s443_2', 's447_5']),
  ...statutory,
});
/** The school the parent applied to in time decided: an offer means the order names it (s.438). */
export const SchoolApplicationDecided = z.strictObject({
  school: SchoolSchema,
  decidedOn: isoDateSchema,
  outcome: z.enum(['offered', 'refused']),
  ...statutory,
});
/** A maintained school's governing body told the council means to name it: 15 days to seek a direction. */
export const GoverningBodyNotified = z.strictObject({
  school: SchoolSchema,
  notifiedOn: isoDateSchema,
  /** The last day of the 15 days beginning with notification. */
  directionPeriodEndsOn: isoDateSchema,
  ...statutory,
  clocksStarted,
});
export const GoverningBodyDirectionPeriodEnded = z.strictObject({
  endedOn: isoDateSchema,
  recordedOn: isoDateSchema,
});
/**
 * The governing body applied to the Secretary of State for a direction (s.439). `inTime`: within the 15 days
 * beginning with the day it was told; only an application in time holds the order back.
 */
export const GoverningBodyAppliedForDirection = z.strictObject({
  school: SchoolSchema,
  appliedOn: isoDateSchema,
  inTime: z.boolean(),
  ...statutory,
});
/** The Secretary of State's direction on a governing body's application (s.439). */
export const SecretaryOfStateSchoolDirectionRecorded = z.strictObject({
  school: SchoolSchema,
  directedOn: isoDateSchema,
  outcome: z.enum(['school_may_be_named', 'school_not_to_be_named']),
  notes: FreeTextSchema.optional(),
  ...statutory,
});
/** s.437(5): the governing body and the head teacher of the school named in the order informed. */
export const NamedSchoolInformed = z.strictObject({
  school: SchoolSchema,
  informedOn: isoDateSchema,
  ...statutory,
});
/** s.447(2): the consultation with children's services before the council declines to apply. */
export const ChildrensServicesConsultedOnEso = z.strictObject({
  consultedOn: isoDateSchema,
  authority: ShortTextSchema,
  views: FreeTextSchema,
  ...statutory,
});
export const EsoApplied = z.strictObject({
  appliedOn: isoDateSchema,
  court: ShortTextSchema.optional(),
  ...statutory,
});
export const EsoMade = z.strictObject({
  madeOn: isoDateSchema,
  /** The last day the order is in force. */
  expiresOn: isoDateSchema,
  /** Cut short to the school leaving date, when that comes first. */
  endsWithSchoolAge: z.boolean(),
  supervisor: ShortTextSchema.optional(),
  ...statutory,
  clocksStarted,
});
export const EsoRefused = z.strictObject({
  decidedOn: isoDateSchema,
  /** s.447(5): the court also directed that the school attendance order cease. */
  schoolAttendanceOrderCeases: z.boolean(),
  ...statutory,
});
export const EsoExtended = z.strictObject({
  extendedOn: isoDateSchema,
  expiresOn: isoDateSchema,
  endsWithSchoolAge: z.boolean(),
  ...statutory,
  clocksStarted,
});
export const EsoDischarged = z.strictObject({
  dischargedOn: isoDateSchema,
  reason: FreeTextSchema.optional(),
  ...statutory,
});
export const EsoExpired = z.strictObject({
  inForceUntil: isoDateSchema,
  recordedOn: isoDateSchema,
  legalBasis: LegalBasisSchema,
});

const v1 = <S extends z.ZodType>(data: S) => ({ schemaVersion: 1 as const, data });

export const saoLifeEvents = {
  SchoolAttendanceOrderLapsed: v1(SchoolAttendanceOrderLapsed),
  SchoolAttendanceOrderEndedByCourt: v1(SchoolAttendanceOrderEndedByCourt),
  SchoolApplicationDecided: v1(SchoolApplicationDecided),
  GoverningBodyNotified: v1(GoverningBodyNotified),
  GoverningBodyDirectionPeriodEnded: v1(GoverningBodyDirectionPeriodEnded),
  GoverningBodyAppliedForDirection: v1(GoverningBodyAppliedForDirection),
  SecretaryOfStateSchoolDirectionRecorded: v1(SecretaryOfStateSchoolDirectionRecorded),
  NamedSchoolInformed: v1(NamedSchoolInformed),
  ChildrensServicesConsultedOnEso: v1(ChildrensServicesConsultedOnEso),
  EsoApplied: v1(EsoApplied),
  EsoMade: v1(EsoMade),
  EsoRefused: v1(EsoRefused),
  EsoExtended: v1(EsoExtended),
  EsoDischarged: v1(EsoDischarged),
  EsoExpired: v1(EsoExpired),
} as const;
