import { z } from 'zod';
import { isoDateSchema } from '../calendar/index.js';
import { childSchema, ukAddressSchema } from '../child.js';

/*
 * The values of a school's arranged-absence report (issue 18 item 1): a registered pupil the Children Not In
 * School register holds under EA 1996 s.436B(5)(b) or (c) (inserted by CWSA 2026 s.38), shared by the
 * commands (request bodies) and the events (stored contracts).
 */

const shortText = z.string().trim().min(1).max(200);

/** The child as the school's register holds them; the home address is what condition A (s.436B(3)) reads. */
export const ArrangedAbsencePupilSchema = childSchema.extend({ address: ukAddressSchema }).strict();

/** The school reporting: its name and URN, as a deletion return names it. */
export const ReportingSchoolSchema = z.strictObject({
  name: shortText,
  urn: z
    .string()
    .regex(/^\d{6,7}$/, 'a URN is 6 or 7 digits')
    .optional(),
});

/**
 * What the school has arranged or agreed. The first three are s.436B(5)(b): education "otherwise than at
 * that or any other relevant school" with the child "absent for some or all of the time" a full-time pupil
 * attends. `part_time_student` is s.436B(5)(c): a student of a (7)(d) institution attending part time, not
 * registered at another relevant school; the school's report is the determination that it is (7)(d).
 */
export const ArrangementKindSchema = z.enum([
  'flexi_schooling',
  'off_site_provision',
  'part_time_timetable',
  'part_time_student',
]);
export type ArrangementKind = z.infer<typeof ArrangementKindSchema>;

export const WeekdaySchema = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']);

/** The arrangement as agreed: its kind, the time absent, and the days it runs (both ends included). */
export const ArrangementSchema = z
  .strictObject({
    kind: ArrangementKindSchema,
    /** s.436B(5)(b)(ii): absent for "some or all of the time" a full-time pupil would attend. */
    absentFor: z.enum(['some', 'all']),
    weekdaysAbsent: z.array(WeekdaySchema).max(5).optional(),
    hoursAbsentPerWeek: z.number().positive().max(40).optional(),
    /** Who educates the child in the time away, where someone else does (an off-site provider, a tutor). */
    providedBy: shortText.optional(),
    from: isoDateSchema,
    /** The last day agreed, if the arrangement was agreed to a date. */
    until: isoDateSchema.optional(),
  })
  .refine((a) => a.until === undefined || a.until >= a.from, {
    message: 'until is before from',
    path: ['until'],
  });
export type Arrangement = z.infer<typeof ArrangementSchema>;

/** Why an arrangement ended before (or at) the day agreed. */
export const ArrangementEndReasonSchema = z.enum([
  'returned_full_time',
  'left_school',
  'moved_out_of_area',
  'died',
  'other',
]);
export type ArrangementEndReason = z.infer<typeof ArrangementEndReasonSchema>;

/** register/commencement.ts `RegisterBasis`: kept under the s.436B duty, or voluntarily before it. */
export const RegisterBasisSchema = z.enum(['statutory', 'voluntary']);
