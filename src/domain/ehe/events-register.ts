import { z } from 'zod';
import { isoDateSchema } from '../calendar/index.js';
import { StartedClockSchema } from '../clocks.js';
import { ParentRegisterInformationSchema } from '../register/content.js';
import { LegalBasisSchema } from './legal-basis.js';
import { DisclosureRecipientSchema, FreeTextSchema, IdSchema, ShortTextSchema } from './values.js';

/**
 * The Children Not In School register's duties on an EHE case, which is a register entry (issue 18 items 3
 * and 4): the home visit (EA 1996 s.436B), the parents' information (s.436D), the providers' (s.436E), each
 * disclosure (s.436F) and support (s.436G), all inserted by CWSA 2026 s.38. Each event says whether the
 * register was kept under the duty on its date (`statutory`, on or after `commencement.cnisRegister`) or
 * voluntarily (before it: recorded, never enforced). Each schema is the stored contract, written field by
 * field like those in events.ts, which lists them in its table.
 */

const officer = z.string().min(1);
const clocksStarted = z.array(StartedClockSchema);
/** register/commencement.ts `RegisterBasis`. */
const RegisterBasisSchema = z.enum(['statutory', 'voluntary']);
const register = { basis: RegisterBasisSchema, legalBasis: LegalBasisSchema };

/** s.436B: the council considered where the child lives and whether to request a home visit. */
export const RegisterHomeVisitDecided = z.strictObject({
  decidedOn: isoDateSchema,
  /** What the council considered about where the child lives. */
  whereChildLives: FreeTextSchema,
  homeVisit: z.enum(['requested', 'not_requested']),
  /** The day proposed for the visit, when one was requested. */
  proposedFor: isoDateSchema.optional(),
  ...register,
  decidedBy: officer,
});
/** The family's answer to the s.436B home-visit request. */
export const RegisterHomeVisitAnswered = z.strictObject({
  answeredOn: isoDateSchema,
  answer: z.enum(['accepted', 'refused']),
  notes: FreeTextSchema.optional(),
  ...register,
  recordedBy: officer,
});
/** s.436D: the council asked a parent for the register's information; the period is a policy setting. */
export const RegisterInformationRequestedFromParent = z.strictObject({
  requestId: IdSchema,
  parentId: IdSchema,
  requestedOn: isoDateSchema,
  /** On the child becoming eligible (s.436D(1)), or to confirm what changed (s.436D, changes). */
  kind: z.enum(['on_becoming_eligible', 'changes']),
  /** The last day of the period to answer (policy `clocks.registerParentResponse`). */
  respondBy: isoDateSchema,
  ...register,
  recordedBy: officer,
  /** The response clock, only when the register is kept under the duty: nothing is enforced before. */
  clocksStarted,
});
/** Information a parent gave: the answer to a request (`requestId`), or a change they told of unasked. */
export const RegisterInformationReceivedFromParent = z.strictObject({
  requestId: IdSchema.nullable(),
  parentId: IdSchema,
  receivedOn: isoDateSchema,
  completeness: z.enum(['complete', 'partial']),
  summary: FreeTextSchema,
  /** The s.436C values the parent gave (absent: recorded as a summary only). */
  information: ParentRegisterInformationSchema.optional(),
  ...register,
  recordedBy: officer,
  clocksStopped: z.array(z.literal('registerParentResponse')),
});
/** The period to answer a request ended without the information. */
export const RegisterInformationNotProvided = z.strictObject({
  requestId: IdSchema,
  parentId: IdSchema,
  requestedOn: isoDateSchema,
  respondBy: isoDateSchema,
  recordedOn: isoDateSchema,
  notes: FreeTextSchema.optional(),
  ...register,
  recordedBy: officer,
});
/**
 * A parent's failure under the register, kept under the duty, that the new School Attendance Order regime
 * (EA 1996 ss.436H–436N, CWSA 2026 s.39) may start from once it is in force: information not given
 * (s.436D) or the home visit refused (s.436B). `legalBasis` is the duty failed, not the new regime's section
 * (its numbering is not verified: docs/law/sao-route.md).
 */
export const RegisterSaoGroundRecorded = z.strictObject({
  ground: z.enum(['register_information_not_provided', 'home_visit_refused']),
  aroseOn: isoDateSchema,
  legalBasis: LegalBasisSchema,
  recordedBy: officer,
});
/** s.436E: the council asked an education provider for the register's information. */
export const RegisterInformationRequestedFromProvider = z.strictObject({
  requestId: IdSchema,
  providerId: IdSchema,
  providerName: ShortTextSchema,
  requestedOn: isoDateSchema,
  ...register,
  recordedBy: officer,
});
export const RegisterInformationReceivedFromProvider = z.strictObject({
  requestId: IdSchema,
  providerId: IdSchema,
  receivedOn: isoDateSchema,
  /** Estimated hours a week the provider educates the child, and of them without a parent present. */
  hoursPerWeek: z.number().min(0).max(168).optional(),
  hoursWithoutParentPerWeek: z.number().min(0).max(168).optional(),
  summary: FreeTextSchema,
  ...register,
  recordedBy: officer,
});
/** s.436G: the family asked for support and the council offered it. */
export const RegisterSupportOffered = z.strictObject({
  askedOn: isoDateSchema,
  offeredOn: isoDateSchema,
  support: FreeTextSchema,
  ...register,
  recordedBy: officer,
});
/** s.436F: register information disclosed to another body, to whom, what and why. */
export const RegisterInformationDisclosed = z.strictObject({
  disclosedOn: isoDateSchema,
  recipient: DisclosureRecipientSchema,
  purpose: FreeTextSchema,
  information: FreeTextSchema,
  ...register,
  recordedBy: officer,
});

/**
 * The register commenced while the child was on it (kept voluntarily until then): registered under the duty
 * from `commencedOn`, so the s.436B consideration of where the child lives runs from that day.
 */
export const RegisterDutiesCommenced = z.strictObject({
  commencedOn: isoDateSchema,
  /** The day the child came onto the register, voluntarily. */
  registeredOn: isoDateSchema,
  legalBasis: LegalBasisSchema,
  recordedBy: officer,
  clocksStarted,
});

const v1 = <S extends z.ZodType>(data: S) => ({ schemaVersion: 1 as const, data });

export const registerEvents = {
  RegisterDutiesCommenced: v1(RegisterDutiesCommenced),
  RegisterHomeVisitDecided: v1(RegisterHomeVisitDecided),
  RegisterHomeVisitAnswered: v1(RegisterHomeVisitAnswered),
  RegisterInformationRequestedFromParent: v1(RegisterInformationRequestedFromParent),
  RegisterInformationReceivedFromParent: v1(RegisterInformationReceivedFromParent),
  RegisterInformationNotProvided: v1(RegisterInformationNotProvided),
  RegisterSaoGroundRecorded: v1(RegisterSaoGroundRecorded),
  RegisterInformationRequestedFromProvider: v1(RegisterInformationRequestedFromProvider),
  RegisterInformationReceivedFromProvider: v1(RegisterInformationReceivedFromProvider),
  RegisterSupportOffered: v1(RegisterSupportOffered),
  RegisterInformationDisclosed: v1(RegisterInformationDisclosed),
} as const;
