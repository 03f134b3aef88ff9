import { randomUUID } from 'node:crypto';

/** A valid UPN (check letter computed per the DfE algorithm). */
export const VALID_UPN = 'Q801200212345';
export const BAD_CHECK_LETTER_UPN = 'A801200212345';

export const address = { lines: ['1 High Street'], town: 'Southampton', postcode: 'SO14 7LY' };

/** A Year 8 child in November 2025. */
export const child = {
  givenName: 'Amelia',
  familyName: "O'Brien",
  dateOfBirth: '2012-10-03',
  sex: 'F',
  address,
};

/** A different child each call (the duplicate check would otherwise refuse the second referral). */
export const uniqueFamilyName = () => `Walker-${randomUUID().slice(0, 8)}`;

export const eheReferral = (overrides: Record<string, unknown> = {}) => ({
  caseId: randomUUID(),
  receivedOn: '2025-11-17',
  source: 'parent',
  child: { ...child, familyName: uniqueFamilyName() },
  previousSchoolType: 'academy',
  eheStartDate: '2025-11-10',
  primaryReason: { code: 'mental_health' },
  ...overrides,
});

export const cmeReferral = (overrides: Record<string, unknown> = {}) => ({
  caseId: randomUUID(),
  receivedOn: '2025-11-17',
  source: 'public',
  child: { givenName: 'Noah', familyName: uniqueFamilyName(), dateOfBirth: '2014-05-01', sex: 'M' },
  whatIsKnown: 'Not seen at school since half term; neighbours say the family moved.',
  primaryReason: { code: 'whereabouts_unknown' },
  missingSince: null,
  ...overrides,
});
