import { z } from 'zod';
import { isoDateSchema } from '../calendar/index.js';
import { ClockNameSchema } from '../policy.js';
import { FreeTextSchema, SchoolSchema, ShortTextSchema } from './values.js';

/**
 * The bodies of the School Attendance Order route's later commands (issue 14 items 3, 5 and 7), listed in
 * commands.ts's table: the schools' part (s.438, s.439, s.437(5)), the education supervision order's life
 * (s.447, Children Act 1989 s.36), and the worker's step that records a lapse or an expiry.
 */

/** The school the parent applied to (s.438) decided: an offer may come after the 15 days. */
export const RecordSchoolApplicationDecisionBody = z.strictObject({
  decidedOn: isoDateSchema,
  outcome: z.enum(['offered', 'refused']),
});
/** The council told a maintained school's governing body it means to name the school (s.439). */
export const NotifyGoverningBodyBody = z.strictObject({
  school: SchoolSchema,
  notifiedOn: isoDateSchema,
});
/**
 * The governing body of a maintained school the council told it means to name applied to the Secretary of
 * State for a direction (s.439; its text was not in the stored statute: the 15 days are the issue's, on the
 * pattern of SSFA 1998 s.97(3) "within the period of 15 days beginning with the day on which the notice was
 * served, refer the matter to the Secretary of State and, if they do so, shall inform the local authority").
 */
export const RecordGoverningBodyDirectionApplicationBody = z.strictObject({
  school: SchoolSchema,
  appliedOn: isoDateSchema,
});
/** The Secretary of State's direction on that application: the school may be named, or it may not. */
export const RecordSecretaryOfStateSchoolDirectionBody = z.strictObject({
  school: SchoolSchema,
  directedOn: isoDateSchema,
  outcome: z.enum(['school_may_be_named', 'school_not_to_be_named']),
  notes: FreeTextSchema.optional(),
});
/** s.437(5): the governing body and the head teacher of the school the order names, informed. */
export const RecordNamedSchoolInformedBody = z.strictObject({
  informedOn: isoDateSchema,
  governingBody: z.literal(true),
  headTeacher: z.literal(true),
});
/** s.447(2): "having consulted the appropriate local authority" (children's services). */
export const RecordChildrensServicesConsultationBody = z.strictObject({
  consultedOn: isoDateSchema,
  authority: ShortTextSchema,
  views: FreeTextSchema,
});
export const RecordEsoApplicationBody = z.strictObject({
  appliedOn: isoDateSchema,
  court: ShortTextSchema.optional(),
});
export const RecordEsoDecisionBody = z.strictObject({
  decidedOn: isoDateSchema,
  outcome: z.enum(['made', 'refused']),
  supervisor: ShortTextSchema.optional(),
  /** s.447(5): refusing, the court directed that the school attendance order cease. */
  schoolAttendanceOrderCeases: z.boolean().default(false),
});
export const RecordEsoExtensionBody = z.strictObject({
  extendedOn: isoDateSchema,
  /** The last day the extended order is in force, as the court set it. */
  expiresOn: isoDateSchema,
});
export const RecordEsoDischargeBody = z.strictObject({
  dischargedOn: isoDateSchema,
  reason: FreeTextSchema.optional(),
});
/** The deadline worker's step for an expiry clock (clocks.ts `expiryClocks`) whose date has passed. */
export const RecordClockExpiryBody = z.strictObject({ clock: ClockNameSchema, dueOn: isoDateSchema });

export const saoLifeCommandBodies = {
  RecordSchoolApplicationDecision: RecordSchoolApplicationDecisionBody,
  NotifyGoverningBody: NotifyGoverningBodyBody,
  RecordGoverningBodyDirectionApplication: RecordGoverningBodyDirectionApplicationBody,
  RecordSecretaryOfStateSchoolDirection: RecordSecretaryOfStateSchoolDirectionBody,
  RecordNamedSchoolInformed: RecordNamedSchoolInformedBody,
  RecordChildrensServicesConsultation: RecordChildrensServicesConsultationBody,
  RecordEsoApplication: RecordEsoApplicationBody,
  RecordEsoDecision: RecordEsoDecisionBody,
  RecordEsoExtension: RecordEsoExtensionBody,
  RecordEsoDischarge: RecordEsoDischargeBody,
  RecordClockExpiry: RecordClockExpiryBody,
} as const;
