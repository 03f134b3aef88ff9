import { exampleChildren, exampleDates, exampleIds } from './index.js';

/** Amelia's case as the register names it. */
const amelia = {
  caseId: exampleIds.eheCase,
  caseType: 'ehe' as const,
  standing: 'entry' as const,
  givenName: exampleChildren.amelia.givenName,
  familyName: exampleChildren.amelia.familyName,
};

/** The register on 1 December 2025: Amelia, home educated, under A, B and C(a); not yet commenced. */
export const registerPageExample = {
  on: '2025-12-01',
  basis: 'voluntary' as const,
  commencement: null,
  items: [
    {
      ...amelia,
      dateOfBirth: exampleChildren.amelia.dateOfBirth,
      yearGroup: 8,
      grounds: ['A' as const, 'B' as const, 'C(a)' as const],
      onRegisterSince: exampleDates.referred,
      basis: 'voluntary' as const,
      missing: [
        'previousAddress',
        'parentsProvidingEducation',
        'hoursEducatedByParents',
        'hoursEducatedByOthers',
      ],
    },
  ],
};

/** Leavers in the spring term of 2026: Amelia back at school from 20 April. */
export const registerLeaversExample = {
  from: '2026-01-01',
  to: '2026-04-30',
  items: [{ ...amelia, lastDay: '2026-04-19', reason: 'on_roll' as const, basis: 'voluntary' as const }],
};
