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

/**
 * Leavers of the 2028-29 school year, asked ahead: Amelia's compulsory school age ends on the last Friday in
 * June 2029 (EA 1996 s.8(3)), so her stretch on the register is foreseen to end then.
 */
export const registerLeaversExample = {
  from: '2028-09-01',
  to: '2029-08-31',
  items: [
    {
      ...amelia,
      lastDay: '2029-06-29',
      reason: 'past_compulsory_school_age' as const,
      basis: 'voluntary' as const,
    },
  ],
};

/** The register of 1 December 2025 as one record per child: Amelia, with no UPN recorded. */
export const registerExportExample = {
  header: {
    collection: 'children-not-in-school-register' as const,
    specification: 'sightline-register-export-1' as const,
    referenceDate: '2025-12-01',
    basis: 'voluntary' as const,
    commencement: null,
    policyVersion: 'default-2026.1',
    generatedAt: '2025-12-01T09:30:00.000Z',
    recordCount: 1,
  },
  children: [
    {
      LAchildID: exampleIds.eheCase,
      UPN: null,
      PersonBirthDate: exampleChildren.amelia.dateOfBirth,
      Sex: exampleChildren.amelia.sex,
      NCyearActual: '8',
      eligibility: {
        conditions: ['A' as const, 'B' as const, 'C(a)' as const],
        standing: 'entry' as const,
        onRegisterSince: exampleDates.referred,
        basis: 'voluntary' as const,
      },
      senProvision: 'N' as const,
      missingInformation: registerPageExample.items[0]?.missing ?? [],
      caseIds: [exampleIds.eheCase],
    },
  ],
};
