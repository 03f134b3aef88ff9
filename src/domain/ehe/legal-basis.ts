import { z } from 'zod';

/**
 * The law each statutory step is taken under, recorded on its event. Only the Education Act 1996 procedure is
 * modelled: a policy cannot commence the CWSA 2026 regime (policy.ts refuses the date), so new events carry
 * EA 1996 bases. The `CWSA2026_*` values stay decodable: an earlier version wrote them as labels only, on
 * steps that followed the EA 1996 procedure, and with a shifted mapping (it called the order s.436K; the Act
 * makes the order s.436I (Sch. 2 para 1(2)) and s.436K the school nomination notice).
 */
export const LegalBasisSchema = z.enum([
  'EA1996_s437_1',
  'EA1996_s437_3',
  /** s.437(4): an order continues "subject to any amendment made by" the authority, unless "revoked by" it. */
  'EA1996_s437_4',
  'EA1996_s438',
  'EA1996_s439',
  'EA1996_s440',
  /**
   * s.441 (order for a child with an EHC plan). The English text was not retrieved: cited without a
   * subsection, modelled on the Welsh twin s.441A(1)-(3).
   */
  'EA1996_s441',
  /** s.442 (revocation at the parent's request). Its text was not retrieved: cited without a subsection. */
  'EA1996_s442',
  /** Written by an earlier version on referrals to the Secretary of State; unverified, no longer written. */
  'EA1996_s442_4',
  'EA1996_s443',
  'EA1996_s447',
  'SAPRR2024_reg9',
  'CWSA2026_s434A',
  'CWSA2026_s436H',
  'CWSA2026_s436J',
  'CWSA2026_s436K',
  'CWSA2026_s436L',
  'CWSA2026_s436M',
  'CWSA2026_s436N',
  // Issue 14 items 3, 5 and 7.
  'EA1996_s437_4',
  'EA1996_s437_5',
  'EA1996_s443_2',
  'EA1996_s447_2',
  'EA1996_s447_5',
  /**
   * The Children Not In School register's duties: EA 1996 ss.436B, 436D–436G as inserted by CWSA 2026 s.38
   * (issue 18). Written on register steps whatever their basis; each event also says whether the register was
   * kept under the duty (`statutory`) or voluntarily on its date.
   */
  'CWSA2026_s436B',
  'CWSA2026_s436D',
  'CWSA2026_s436E',
  'CWSA2026_s436F',
  'CWSA2026_s436G',
  /** The education supervision order itself (Children Act 1989 s.36; CWSA 2026 Sch. 2 para 1(2) names it). */
  'CA1989_s36',
]);
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

export type StatutoryStep = keyof typeof bases;

const bases = {
  specialSchoolConsent: 'SAPRR2024_reg9',
  section437Notice: 'EA1996_s437_1',
  expediency: 'EA1996_s437_3',
  schoolConsultation: 'EA1996_s439',
  noticeOfIntention: 'EA1996_s438',
  parentChoice: 'EA1996_s438',
  orderServed: 'EA1996_s437_3',
  orderServedForPlanChild: 'EA1996_s441',
  orderAmended: 'EA1996_s440',
  orderAmendedByCouncil: 'EA1996_s437_4',
  orderAmendedForPlan: 'EA1996_s441',
  ehcPlanAmendmentRequest: 'EA1996_s441',
  revocation: 'EA1996_s442',
  revocationByCouncil: 'EA1996_s437_4',
  revocationReferral: 'EA1996_s442',
  secretaryOfStateDirection: 'EA1996_s442',
  orderComplied: 'EA1996_s437_3',
  esoConsidered: 'EA1996_s447',
  prosecution: 'EA1996_s443',
  esoDirection: 'EA1996_s447',
  orderLapsed: 'EA1996_s437_4',
  namedSchoolInformed: 'EA1996_s437_5',
  // s.438 and s.439 were not in the stored statute text: cited by section only, subsections unverified.
  schoolApplication: 'EA1996_s438',
  governingBodyNotified: 'EA1996_s439',
  governingBodyDirection: 'EA1996_s439',
  orderEndedOnAcquittal: 'EA1996_s443_2',
  esoChildrensServicesConsulted: 'EA1996_s447_2',
  orderEndedNoEso: 'EA1996_s447_5',
  esoOrder: 'CA1989_s36',
  registerHomeVisit: 'CWSA2026_s436B',
  registerParentInformation: 'CWSA2026_s436D',
  registerProviderInformation: 'CWSA2026_s436E',
  registerDisclosure: 'CWSA2026_s436F',
  registerSupport: 'CWSA2026_s436G',
} as const satisfies Record<string, LegalBasis>;

export function legalBasisFor(step: StatutoryStep): LegalBasis {
  return bases[step];
}
