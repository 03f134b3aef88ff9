import { z } from 'zod';
import { isoDateSchema } from '../calendar/index.js';
import { childSchema, ukAddressSchema } from '../child.js';

/*
 * The value objects of an EHE case, shared by its commands (request bodies) and its events (stored
 * contracts). A change here changes both: an event's own fields live in events.ts, a request's in commands.ts.
 */

/** Free text: a note, a rationale, a decision (trimmed, at most 5,000 characters). */
export const FreeTextSchema = z.string().trim().min(1).max(5000);
/** A short text: a name, a code, a court (trimmed, at most 200 characters). */
export const ShortTextSchema = z.string().trim().min(1).max(200);
/** An id the client gives (an officer, a visit, a school in the calendar). */
export const IdSchema = z.string().trim().min(1).max(100);
const text = FreeTextSchema;
const shortText = ShortTextSchema;
const id = IdSchema;

/** A school as the council knows it: `schoolId` picks its own term dates where configured. */
export const SchoolSchema = z.strictObject({
  name: shortText,
  urn: z
    .string()
    .regex(/^\d{6,7}$/, 'a URN is 6 or 7 digits')
    .optional(),
  schoolId: id.optional(),
});
export type School = z.infer<typeof SchoolSchema>;

/** How a notice or order reached the parent; `email` only with the parent's recorded consent (service.ts). */
export const ServiceMethodSchema = z.enum(['in_person', 'left_at_address', 'post', 'email']);
export const PostClassSchema = z.enum(['first', 'second']);

/**
 * One service of a notice or order on one parent, as the officer records it. Handed over or left at the
 * address it is served that day; posted, it is served when the letter "would be delivered in the ordinary
 * course of post" (Interpretation Act 1978 s.7), "unless the contrary is proved": an earlier receipt, with its
 * evidence; emailed, the next working day after sending (local policy: see service.ts).
 */
export const ServiceSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('in_person'), servedOn: isoDateSchema }),
  z.strictObject({ method: z.literal('left_at_address'), servedOn: isoDateSchema }),
  z.strictObject({
    method: z.literal('post'),
    postedOn: isoDateSchema,
    postClass: PostClassSchema,
    actualReceipt: z.strictObject({ receivedOn: isoDateSchema, evidence: text }).optional(),
  }),
  z.strictObject({ method: z.literal('email'), sentOn: isoDateSchema, email: z.email() }),
]);
export type Service = z.infer<typeof ServiceSchema>;

/**
 * How an event's effective `servedOn` was found: served that day by hand or at the address; deemed by the
 * post; an earlier receipt proved; deemed by email (local policy); or, on events written before service was
 * recorded in detail, the date the officer typed in, kept as recorded.
 */
export const ServedOnBasisSchema = z.enum([
  'served_that_day',
  'deemed_delivery_by_post',
  'actual_receipt_proved',
  'deemed_email_next_working_day',
  'recorded_as_entered',
]);

/** A DfE code (checked against the policy's list in decide) and the words when the code is `other`. */
export const ReasonSchema = z.strictObject({ code: shortText, text: text.optional() });

/** An EHE child lives somewhere we can write to and visit, so the address is required here. */
export const ChildSchema = childSchema.extend({ address: ukAddressSchema }).strict();

export const ParentCarerSchema = z.strictObject({
  name: shortText,
  relationship: shortText,
  livesWithChild: z.boolean(),
  phone: z
    .string()
    .regex(/^\+?[\d ()-]{6,20}$/, 'a phone number')
    .optional(),
  email: z.email().optional(),
  address: ukAddressSchema.optional(),
});

/** A parent or carer of the case with the id services name (`parent-1`, `parent-2`… at referral). */
export const IdentifiedParentCarerSchema = ParentCarerSchema.extend({ parentId: IdSchema });

/** What a school's off-roll notification (reg 13 of the 2024 Regulations) told us. */
export const DeletionReturnSchema = z.strictObject({
  school: SchoolSchema,
  deletedOn: isoDateSchema,
  ground: shortText,
  futureAddress: ukAddressSchema.optional(),
  destinationSchool: SchoolSchema.optional(),
  destinationStartDate: isoDateSchema.optional(),
});

export const ReferralSourceSchema = z.enum([
  'deletion_return',
  'parent',
  'another_council',
  'cme_case',
  'health',
  'social_care',
  'other',
]);

export const ContactMethodSchema = z.enum(['phone', 'letter', 'email', 'visit', 'text_message']);

export const ContactOutcomeSchema = z.enum([
  'contact_made',
  'no_answer',
  'message_left',
  'no_reply',
  'returned_undelivered',
  'contact_refused',
]);

export const SuitabilityOutcomeSchema = z.enum(['suitable', 'not_yet_able_to_judge', 'appears_unsuitable']);

export const PanelSchema = z.enum(['children_not_in_school', 'fair_access']);
export type Panel = z.infer<typeof PanelSchema>;

/**
 * Why a School Attendance Order was revoked (s.437(4)(a) "revoked by the authority"). Only the grounds that
 * mean the child is receiving suitable education otherwise than at school (`suitableEducationGrounds`)
 * record the education as suitable; the others end the order without that finding.
 */
export const SaoRevocationGroundSchema = z.enum([
  /** The parent's request under s.442, granted. */
  'parent_request_granted',
  /** The council, on its own initiative, satisfied the child is receiving suitable education otherwise. */
  'suitable_education_otherwise',
  /** The council, on its own initiative, for another reason (the order is no longer expedient). */
  'council_initiative_other',
  /** The Secretary of State directed revocation on a refusal referred under s.442. */
  'secretary_of_state_direction',
]);
export type SaoRevocationGround = z.infer<typeof SaoRevocationGroundSchema>;
export const suitableEducationGrounds: ReadonlySet<SaoRevocationGround> = new Set<SaoRevocationGround>([
  'parent_request_granted',
  'suitable_education_otherwise',
  'secretary_of_state_direction',
]);

/** Who amended a School Attendance Order, which says under which section. */
export const SaoAmendmentInitiativeSchema = z.enum([
  /** s.440(2): the parent applied for and was offered a place and asked for that school to be named. */
  'parent_request',
  /** s.437(4) "subject to any amendment made by the local education authority". */
  'council',
  /** s.441 (on the model of s.441A(2)): the school named in the child's EHC plan changed. */
  'ehc_plan',
]);

/** Who register information was disclosed to (EA 1996 s.436F, inserted by CWSA 2026 s.38). */
export const DisclosureRecipientSchema = z.strictObject({
  name: shortText,
  kind: z.enum([
    'local_authority',
    'childrens_social_care',
    'police',
    'health',
    'school',
    'secretary_of_state',
    'other',
  ]),
});
