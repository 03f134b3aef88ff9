import { z } from 'zod';
import { isoDateSchema } from '../calendar/index.js';
import { ParentRegisterInformationSchema } from '../register/content.js';
import { DisclosureRecipientSchema, FreeTextSchema, IdSchema, ShortTextSchema } from './values.js';

/**
 * The bodies of the Children Not In School register's commands on an EHE case (issue 18 items 3 and 4),
 * listed in commands.ts's table. The events they record are in events-register.ts.
 */

/** s.436B: what the council considered about where the child lives, and whether it requests a home visit. */
export const DecideRegisterHomeVisitBody = z.strictObject({
  decidedOn: isoDateSchema,
  whereChildLives: FreeTextSchema,
  homeVisit: z.enum(['requested', 'not_requested']),
  proposedFor: isoDateSchema.optional(),
});
export const RecordRegisterHomeVisitAnswerBody = z.strictObject({
  answeredOn: isoDateSchema,
  answer: z.enum(['accepted', 'refused']),
  notes: FreeTextSchema.optional(),
});
/** s.436D: a request to a parent for the register's information. */
export const RequestParentRegisterInformationBody = z.strictObject({
  requestId: IdSchema,
  parentId: IdSchema,
  requestedOn: isoDateSchema,
  kind: z.enum(['on_becoming_eligible', 'changes']),
});
/** The information a parent gave: in answer to a request, or (no `requestId`) a change they told of. */
export const RecordParentRegisterInformationBody = z.strictObject({
  requestId: IdSchema.optional(),
  parentId: IdSchema,
  receivedOn: isoDateSchema,
  completeness: z.enum(['complete', 'partial']),
  summary: FreeTextSchema,
  /** The s.436C values the parent gave, which fill the register entry (what it shows as missing). */
  information: ParentRegisterInformationSchema.optional(),
});
/** The period to answer a request has ended without the information. */
export const RecordParentRegisterInformationNotProvidedBody = z.strictObject({
  requestId: IdSchema,
  recordedOn: isoDateSchema,
  notes: FreeTextSchema.optional(),
});
/** s.436E: a request to an education provider, no sooner than the policy's interval after the last. */
export const RequestProviderRegisterInformationBody = z.strictObject({
  requestId: IdSchema,
  providerId: IdSchema,
  providerName: ShortTextSchema,
  requestedOn: isoDateSchema,
});
export const RecordProviderRegisterInformationBody = z.strictObject({
  requestId: IdSchema,
  receivedOn: isoDateSchema,
  hoursPerWeek: z.number().min(0).max(168).optional(),
  hoursWithoutParentPerWeek: z.number().min(0).max(168).optional(),
  summary: FreeTextSchema,
});
/** s.436G: the family asked for support; what the council offered. */
export const RecordRegisterSupportOfferBody = z.strictObject({
  askedOn: isoDateSchema,
  offeredOn: isoDateSchema,
  support: FreeTextSchema,
});
/** s.436F: a disclosure of register information to another body, with its purpose. */
export const RecordRegisterDisclosureBody = z.strictObject({
  disclosedOn: isoDateSchema,
  recipient: DisclosureRecipientSchema,
  purpose: FreeTextSchema,
  information: FreeTextSchema,
});

/**
 * The clock worker, on the register's commencement: a child already on the register (kept voluntarily) is
 * registered under the duty from that day, so the s.436B consideration runs from it.
 */
export const StartRegisterDutiesBody = z.strictObject({ commencedOn: isoDateSchema });

export const registerCommandBodies = {
  StartRegisterDuties: StartRegisterDutiesBody,
  DecideRegisterHomeVisit: DecideRegisterHomeVisitBody,
  RecordRegisterHomeVisitAnswer: RecordRegisterHomeVisitAnswerBody,
  RequestParentRegisterInformation: RequestParentRegisterInformationBody,
  RecordParentRegisterInformation: RecordParentRegisterInformationBody,
  RecordParentRegisterInformationNotProvided: RecordParentRegisterInformationNotProvidedBody,
  RequestProviderRegisterInformation: RequestProviderRegisterInformationBody,
  RecordProviderRegisterInformation: RecordProviderRegisterInformationBody,
  RecordRegisterSupportOffer: RecordRegisterSupportOfferBody,
  RecordRegisterDisclosure: RecordRegisterDisclosureBody,
} as const;
