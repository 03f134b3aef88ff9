import { z } from 'zod';
import { isoDateSchema } from '../calendar/index.js';
import { childSchema, dateOfBirthSchema, phoneSchema, ukAddressSchema } from '../child.js';

/** The small vocabularies of a CME case, in the words the council uses (DOMAIN.md "A CME case"). */

export const referralSources = [
  'deletion_return_no_destination',
  'continuous_absence_ten_school_days',
  'joint_reasonable_enquiry_before_deletion',
  'census_cross_check',
  'fair_access_place_not_taken_up',
  'ehe_judged_unsuitable',
  'other_agency',
  'public',
] as const;
export const ReferralSourceSchema = z.enum(referralSources);
export type ReferralSource = z.infer<typeof ReferralSourceSchema>;

/** DfE's CME "time missing" categories; stored as the policy's codes. */
export const TimeMissingSchema = z.enum(['twelve_weeks_or_less', 'more_than_twelve_weeks', 'unknown']);
export type TimeMissing = z.infer<typeof TimeMissingSchema>;

/**
 * A referral stored before the CME primary reason was asked reads as this code: never a reason invented
 * for it. It is not in the policy's list, so no command can choose it.
 */
export const reasonNotRecorded = 'not_recorded';

/**
 * Whether the child was still on a school's roll. EA 1996 s.436A(1)(a) covers only children who "are not
 * registered pupils at a school": a child notified after 10 school days' continuous absence, or the subject
 * of a joint enquiry before a 20-day deletion (School Attendance (Pupil Registration) (England) Regulations
 * 2024, regs 9(1)(i) and 13; CME statutory guidance), is still on roll, at risk of missing education, until
 * the school deletes them. `not_recorded`: a referral stored before this was asked (counted as before).
 */
export const RollStatusSchema = z.enum(['on_roll', 'off_roll', 'not_recorded']);
export type RollStatus = z.infer<typeof RollStatusSchema>;

/** The sources that mean the school still has the child on its roll when it refers them. */
export const stillOnRollSources: ReadonlySet<ReferralSource> = new Set<ReferralSource>([
  'continuous_absence_ten_school_days',
  'joint_reasonable_enquiry_before_deletion',
]);

export const EnquiryAgencySchema = z.enum([
  'school',
  'other_council',
  'lost_pupils_database',
  'health',
  'home_office',
  'police',
  'housing',
  'benefits',
  'other',
]);
export type EnquiryAgency = z.infer<typeof EnquiryAgencySchema>;

export const EnquiryOutcomeSchema = z.enum(['child_located', 'information_received', 'no_trace', 'no_reply']);
export type EnquiryOutcome = z.infer<typeof EnquiryOutcomeSchema>;

export const RiskLevelSchema = z.enum(['low', 'medium', 'high']);
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

export const CmeDestinationSchema = z.enum([
  'on_roll',
  'ehe_case_opened',
  'handed_to_another_council',
  'abroad_confirmed',
  'end_of_compulsory_school_age',
  'died',
  'other',
]);
export type CmeDestination = z.infer<typeof CmeDestinationSchema>;

const text = z.string().trim().min(1).max(4000);
const name = z.string().trim().min(1).max(200);
export const FreeTextSchema = text;

/** A CME child's primary reason: a policy code, in words when it is "other". */
export const CmePrimaryReasonValueSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a code is lower snake_case'),
  text: text.optional(),
});
export type CmePrimaryReason = z.infer<typeof CmePrimaryReasonValueSchema>;

/**
 * A parent or carer as far as known. A case opened from a deletion return carries what reg 13(4)(c)–(d) of
 * the 2024 Regulations has the school give: the name and address of each parent the pupil normally lives
 * with, and a telephone number each can be reached on in an emergency (tracing starts from them).
 */
export const CmeParentCarerSchema = z.strictObject({
  name,
  relationship: name.optional(),
  livesWithChild: z.boolean(),
  phone: phoneSchema.optional(),
  email: z.email().optional(),
  address: ukAddressSchema.optional(),
});
export type CmeParentCarer = z.infer<typeof CmeParentCarerSchema>;
export const NameTextSchema = name;

export const SchoolSchema = z.strictObject({
  name,
  /** DfE Unique Reference Number, when known. */
  urn: z
    .string()
    .regex(/^\d{6,7}$/, 'a URN is 6 or 7 digits')
    .optional(),
});
export type School = z.infer<typeof SchoolSchema>;

/** Where the child was found (DOMAIN.md "Whereabouts established"). */
export const WhereaboutsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('in_area'), address: ukAddressSchema }),
  z.strictObject({
    kind: z.literal('other_council_area'),
    council: name,
    address: ukAddressSchema.optional(),
  }),
  // "Abroad" counts only when something confirms it (a Home Office record, the receiving school, ...).
  z.strictObject({ kind: z.literal('abroad'), country: name.optional(), confirmedBy: text }),
  z.strictObject({ kind: z.literal('on_roll'), school: SchoolSchema, onRollFrom: isoDateSchema }),
]);
export type Whereabouts = z.infer<typeof WhereaboutsSchema>;

export { type EscalationLevel, EscalationLevelSchema } from '../shared-commands.js';

/**
 * The law each CME step rests on, recorded in the event so a later regime cannot rewrite what happened.
 * EA 1996 s436A is the duty to identify children missing education; safeguarding reports rest on the
 * Children Act 2004 s11 duty; a child found home educated is educated under EA 1996 s7.
 */
export const CmeLegalBasisSchema = z.enum(['EA1996_s436A', 'EA1996_s7', 'CA2004_s11']);
export type CmeLegalBasis = z.infer<typeof CmeLegalBasisSchema>;

/**
 * What is known of a missing child, which is often little: the date of birth may be unknown, and the
 * address is the last one known.
 */
export const CmeChildSchema = childSchema.extend({ dateOfBirth: dateOfBirthSchema.optional() }).strict();
export type CmeChild = z.infer<typeof CmeChildSchema>;
