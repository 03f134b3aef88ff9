import { describe, expect, it } from 'vitest';
import { type ChildIdentifiers, registerRecords } from '../../src/projections/register-export.js';
import type { RegisterEntry } from '../../src/projections/register-types.js';

const entry = (caseId: string, overrides: Partial<RegisterEntry> = {}): RegisterEntry => ({
  caseId,
  caseType: 'ehe',
  standing: 'entry',
  givenName: 'Amelia',
  familyName: 'Walker',
  dateOfBirth: '2013-04-12',
  yearGroup: 7,
  grounds: ['A', 'B', 'C(a)'],
  onRegisterSince: '2025-09-01',
  basis: 'voluntary',
  missing: [],
  ...overrides,
});
const child = (overrides: Partial<ChildIdentifiers> = {}): ChildIdentifiers => ({
  sex: 'F',
  senStatus: 'unknown',
  ...overrides,
});

describe('registerRecords: one record per child', () => {
  it('joins a child’s cases by UPN, the EHE entry before the CME candidate', () => {
    const records = registerRecords(
      [
        entry('cme-1', { caseType: 'cme', standing: 'candidate', onRegisterSince: '2025-01-01' }),
        entry('ehe-1', { familyName: 'Walker-Smith' }),
      ],
      () => child({ upn: 'A123456789012' }),
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      LAchildID: 'ehe-1',
      UPN: 'A123456789012',
      caseIds: ['ehe-1', 'cme-1'],
    });
    expect(records[0]?.eligibility.standing).toBe('entry');
  });

  it('without a UPN joins by names as duplicates compare them (confusables alike) and date of birth', () => {
    const records = registerRecords(
      [
        entry('a', { onRegisterSince: '2025-10-01' }),
        // Cyrillic "а" in place of the Latin "a": the same name to a reader.
        entry('b', { givenName: 'Аmelia', onRegisterSince: '2025-09-01' }),
        entry('c', { dateOfBirth: '2013-04-13' }),
      ],
      () => child(),
    );
    expect(records.map((record) => record.caseIds)).toEqual([['b', 'a'], ['c']]);
    expect(records[0]?.UPN).toBeNull();
  });

  it('gives the year as the census labels it and the SEN provision when known', () => {
    const [reception, year9] = registerRecords(
      [entry('r', { yearGroup: 0, givenName: 'Ann' }), entry('n', { yearGroup: 9, givenName: 'Bea' })],
      (caseId) => child(caseId === 'n' ? { senStatus: 'K' } : {}),
    );
    expect(reception).toMatchObject({ NCyearActual: 'R', senProvision: null });
    expect(year9).toMatchObject({ NCyearActual: '9', senProvision: 'K' });
  });

  it('leaves out an entry whose case record is not known', () => {
    expect(registerRecords([entry('x')], () => undefined)).toEqual([]);
  });
});
