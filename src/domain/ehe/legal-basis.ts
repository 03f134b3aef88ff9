import { z } from 'zod';
import type { IsoDate } from '../calendar/index.js';
import type { Policy } from '../policy.js';

/**
 * The law each statutory step is taken under. The CWSA 2026 sections replace the current ones from the
 * policy's commencement date; history keeps the basis it was decided under.
 */
export const LegalBasisSchema = z.enum([
  'EA1996_s437_1',
  'EA1996_s437_3',
  'EA1996_s438',
  'EA1996_s439',
  'EA1996_s440',
  'EA1996_s442',
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
]);
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

type StatutoryStep =
  | 'specialSchoolConsent'
  | 'section437Notice'
  | 'expediency'
  | 'schoolConsultation'
  | 'noticeOfIntention'
  | 'parentChoice'
  | 'orderServed'
  | 'orderAmended'
  | 'revocation'
  | 'revocationReferral'
  | 'orderComplied'
  | 'esoConsidered'
  | 'prosecution'
  | 'esoDirection';

// The CWSA 2026 column is our best reading of the Act (verify against the commenced text); the current
// column is EA 1996 and the 2024 Pupil Registration Regulations.
const bases: Record<StatutoryStep, { current: LegalBasis; cwsa2026: LegalBasis }> = {
  specialSchoolConsent: { current: 'SAPRR2024_reg9', cwsa2026: 'CWSA2026_s434A' },
  section437Notice: { current: 'EA1996_s437_1', cwsa2026: 'CWSA2026_s436H' },
  expediency: { current: 'EA1996_s437_3', cwsa2026: 'CWSA2026_s436H' },
  schoolConsultation: { current: 'EA1996_s439', cwsa2026: 'CWSA2026_s436J' },
  noticeOfIntention: { current: 'EA1996_s438', cwsa2026: 'CWSA2026_s436J' },
  parentChoice: { current: 'EA1996_s438', cwsa2026: 'CWSA2026_s436J' },
  orderServed: { current: 'EA1996_s437_3', cwsa2026: 'CWSA2026_s436K' },
  orderAmended: { current: 'EA1996_s440', cwsa2026: 'CWSA2026_s436L' },
  revocation: { current: 'EA1996_s442', cwsa2026: 'CWSA2026_s436M' },
  revocationReferral: { current: 'EA1996_s442_4', cwsa2026: 'CWSA2026_s436N' },
  orderComplied: { current: 'EA1996_s437_3', cwsa2026: 'CWSA2026_s436K' },
  esoConsidered: { current: 'EA1996_s447', cwsa2026: 'EA1996_s447' },
  prosecution: { current: 'EA1996_s443', cwsa2026: 'EA1996_s443' },
  esoDirection: { current: 'EA1996_s447', cwsa2026: 'EA1996_s447' },
};

export function isCwsa2026InForce(policy: Policy, on: IsoDate): boolean {
  return policy.cwsa2026CommencementDate !== null && on >= policy.cwsa2026CommencementDate;
}

export function legalBasisFor(step: StatutoryStep, policy: Policy, on: IsoDate): LegalBasis {
  const basis = bases[step];
  return isCwsa2026InForce(policy, on) ? basis.cwsa2026 : basis.current;
}
