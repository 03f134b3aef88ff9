import { z } from 'zod';
import { isoDateSchema } from '../calendar/index.js';
import { childSchema, dateOfBirthSchema, ukAddressSchema } from '../child.js';

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
