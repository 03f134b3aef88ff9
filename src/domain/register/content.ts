import { z } from 'zod';
import { addMonths, type IsoDate, isoDateSchema } from '../calendar/index.js';
import { ukAddressSchema } from '../child.js';

/*
 * What a register entry holds: EA 1996 s.436C (inserted by CWSA 2026 s.38). The enacted s.436C was not in the
 * store (docs/law/cnis-register.md): the list below is the issue's, which follows the Bill as amended at Lords
 * Report (January 2026) as a secondary source quotes it. Each value is dated and sourced, so an entry shows
 * who said what and when, and `missingInformation` shows what the council still has to obtain.
 */

/** Who gave a value: s.436D (parents), s.436E (providers), or what the council already holds. */
export const InformationSourceSchema = z.enum(['parent', 'provider', 'council_record']);

const dated = <T extends z.ZodType>(value: T) =>
  z.strictObject({ value, recordedOn: isoDateSchema, source: InformationSourceSchema });

const name = z.string().trim().min(1).max(200);
/** An estimate of hours a week: the amendments ask for "an estimate of the overall total amount of time". */
const hoursPerWeek = z.number().min(0).max(168);

const ParentEntrySchema = z.strictObject({
  name: dated(name),
  homeAddress: dated(ukAddressSchema).optional(),
});

/** Another person educating the child, reported when above the prescribed amount of time (s.436C, s.436E). */
const ProviderEntrySchema = z.strictObject({
  /** The council's id for the provider (its s.436E requests name it), when it has asked the provider. */
  providerId: z.string().min(1).max(200).optional(),
  name: dated(name).optional(),
  address: dated(ukAddressSchema).optional(),
  type: dated(z.enum(['individual', 'organisation'])).optional(),
  /** Where the education happens, or the online address for remote provision. */
  place: dated(z.union([ukAddressSchema, z.url()])).optional(),
  hoursPerWeek: dated(hoursPerWeek).optional(),
  /** Of which without a parent present. */
  hoursWithoutParentPerWeek: dated(hoursPerWeek).optional(),
});

export const RegisterContentSchema = z
  .strictObject({
    // Mandatory information (s.436C(1), as the Bill was amended).
    childName: dated(name).optional(),
    dateOfBirth: dated(isoDateSchema).optional(),
    homeAddress: dated(
      z.strictObject({ address: ukAddressSchema, livingThereSince: isoDateSchema.optional() }),
    ).optional(),
    /** Needed only when the child has lived at the home address for under 12 months. */
    previousAddress: dated(ukAddressSchema).optional(),
    additionalAddresses: z.array(dated(ukAddressSchema)).max(10).default([]),
    parents: z.array(ParentEntrySchema).max(10).default([]),
    parentsProvidingEducation: dated(z.array(name).max(10)).optional(),
    hoursEducatedByParents: dated(hoursPerWeek).optional(),
    hoursEducatedByOthers: dated(hoursPerWeek).optional(),
    providers: z.array(ProviderEntrySchema).max(20).default([]),
    // Optional information the council holds or can reasonably obtain.
    senStatus: dated(z.enum(['N', 'K', 'E'])).optional(),
    protectedCharacteristics: dated(z.record(z.string(), z.string())).optional(),
    childProtectionEnquiries: dated(z.boolean()).optional(),
    childInNeed: dated(z.boolean()).optional(),
    lookedAfter: dated(z.boolean()).optional(),
    reasonForEligibility: dated(z.string().max(2000)).optional(),
  })
  .meta({ id: 'RegisterContent' });
export type RegisterContent = z.infer<typeof RegisterContentSchema>;

/**
 * The s.436C information a parent gives under s.436D (when the child becomes eligible, or of a change), as
 * the officer records it from the parent's answer. A value object of the stored answer
 * (`RegisterInformationReceivedFromParent.information`): change it only with an upcaster.
 */
export const ParentRegisterInformationSchema = z.strictObject({
  /** Since when the child has lived at the home address: under 12 months, the previous address is needed. */
  livingAtHomeAddressSince: isoDateSchema.optional(),
  previousAddress: ukAddressSchema.optional(),
  additionalAddresses: z.array(ukAddressSchema).min(1).max(10).optional(),
  parentsProvidingEducation: z.array(name).min(1).max(10).optional(),
  hoursEducatedByParents: hoursPerWeek.optional(),
  hoursEducatedByOthers: hoursPerWeek.optional(),
});
export type ParentRegisterInformation = z.infer<typeof ParentRegisterInformationSchema>;

/**
 * The register content once the council asks a provider (s.436E): the provider is listed under its name, as
 * the council recorded it, so what is missing of it shows.
 */
export function withProviderAsked(
  content: RegisterContent,
  provider: { providerId: string; providerName: string },
  requestedOn: IsoDate,
): RegisterContent {
  if (content.providers.some((entry) => entry.providerId === provider.providerId)) return content;
  const entry = {
    providerId: provider.providerId,
    name: { value: provider.providerName, recordedOn: requestedOn, source: 'council_record' as const },
  };
  return { ...content, providers: [...content.providers, entry] };
}

/** The register content once a provider has answered (s.436E): its hours, as the provider gave them. */
export function withProviderAnswer(
  content: RegisterContent,
  answer: {
    providerId: string;
    hoursPerWeek?: number | undefined;
    hoursWithoutParentPerWeek?: number | undefined;
  },
  receivedOn: IsoDate,
): RegisterContent {
  const fromProvider = (value: number) => ({ value, recordedOn: receivedOn, source: 'provider' as const });
  const providers = content.providers.map((entry) => {
    if (entry.providerId !== answer.providerId) return entry;
    const { hoursPerWeek, hoursWithoutParentPerWeek } = answer;
    return {
      ...entry,
      ...(hoursPerWeek === undefined ? {} : { hoursPerWeek: fromProvider(hoursPerWeek) }),
      ...(hoursWithoutParentPerWeek === undefined
        ? {}
        : { hoursWithoutParentPerWeek: fromProvider(hoursWithoutParentPerWeek) }),
    };
  });
  return { ...content, providers };
}

/** The register content once a parent's information is taken in: each value the parent's, dated the day given. */
export function withParentInformation(
  content: RegisterContent,
  information: ParentRegisterInformation,
  receivedOn: IsoDate,
): RegisterContent {
  const fromParent = <T>(value: T) => ({ value, recordedOn: receivedOn, source: 'parent' as const });
  const next: RegisterContent = { ...content };
  const { livingAtHomeAddressSince, previousAddress, additionalAddresses } = information;
  if (livingAtHomeAddressSince !== undefined && content.homeAddress) {
    const { address } = content.homeAddress.value;
    next.homeAddress = fromParent({ address, livingThereSince: livingAtHomeAddressSince });
  }
  if (previousAddress) next.previousAddress = fromParent(previousAddress);
  if (additionalAddresses) next.additionalAddresses = additionalAddresses.map(fromParent);
  for (const field of [
    'parentsProvidingEducation',
    'hoursEducatedByParents',
    'hoursEducatedByOthers',
  ] as const) {
    const value = information[field];
    // Each field on its own: the types of the three differ.
    if (value !== undefined) (next as Record<string, unknown>)[field] = fromParent(value);
  }
  return next;
}

/** The mandatory information still missing on `on`, by field path. */
export function missingInformation(
  content: RegisterContent,
  on: IsoDate,
  /**
   * The "prescribed amount of time" above which a provider must be reported, in hours a week: left to
   * regulations, none made, so null (every provider recorded is reported in full).
   */
  prescribedProviderHours: number | null,
): string[] {
  const missing: string[] = [];
  for (const field of ['childName', 'dateOfBirth', 'homeAddress'] as const) {
    if (content[field] === undefined) missing.push(field);
  }
  const since = content.homeAddress?.value.livingThereSince;
  if (content.previousAddress === undefined && (since === undefined || addMonths(since, 12) > on)) {
    // Unknown how long the child has lived there: the previous address may be needed, so it is asked for.
    missing.push('previousAddress');
  }
  if (content.parents.length === 0) missing.push('parents');
  content.parents.forEach((parent, index) => {
    if (parent.homeAddress === undefined) missing.push(`parents[${index}].homeAddress`);
  });
  for (const field of [
    'parentsProvidingEducation',
    'hoursEducatedByParents',
    'hoursEducatedByOthers',
  ] as const) {
    if (content[field] === undefined) missing.push(field);
  }
  content.providers.forEach((provider, index) => {
    const hours = provider.hoursPerWeek?.value;
    if (prescribedProviderHours !== null && hours !== undefined && hours <= prescribedProviderHours) return;
    for (const field of [
      'name',
      'address',
      'type',
      'place',
      'hoursPerWeek',
      'hoursWithoutParentPerWeek',
    ] as const) {
      if (provider[field] === undefined) missing.push(`providers[${index}].${field}`);
    }
  });
  return missing;
}
