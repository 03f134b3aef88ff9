import { describe, expect, it } from 'vitest';
import { missingInformation, RegisterContentSchema } from '../../../src/domain/register/content.js';

const address = { lines: ['12 Cobden Avenue'], town: 'Southampton', postcode: 'SO18 1FZ' };
const from = (source: 'parent' | 'provider' | 'council_record', value: unknown) => ({
  value,
  recordedOn: '2026-09-10',
  source,
});

const complete = RegisterContentSchema.parse({
  childName: from('council_record', 'Amelia Walker'),
  dateOfBirth: from('council_record', '2013-04-12'),
  homeAddress: from('parent', { address, livingThereSince: '2020-01-01' }),
  parents: [{ name: from('parent', 'Jo Walker'), homeAddress: from('parent', address) }],
  parentsProvidingEducation: from('parent', ['Jo Walker']),
  hoursEducatedByParents: from('parent', 18),
  hoursEducatedByOthers: from('parent', 4),
});

describe('register content (EA 1996 s.436C as the Bill was amended): what is missing', () => {
  it('nothing is missing when every mandatory value is recorded', () => {
    expect(missingInformation(complete, '2026-09-15', null)).toEqual([]);
  });

  it('a new referral knows the child and the home but not the education', () => {
    const referral = RegisterContentSchema.parse({
      childName: complete.childName,
      dateOfBirth: complete.dateOfBirth,
      homeAddress: from('council_record', { address }),
      parents: [{ name: from('council_record', 'Jo Walker') }],
    });
    expect(missingInformation(referral, '2026-09-15', null)).toEqual([
      'previousAddress',
      'parents[0].homeAddress',
      'parentsProvidingEducation',
      'hoursEducatedByParents',
      'hoursEducatedByOthers',
    ]);
  });

  it('the previous address is needed while the child has lived at home under 12 months', () => {
    const moved = RegisterContentSchema.parse({
      ...complete,
      homeAddress: from('parent', { address, livingThereSince: '2025-09-16' }),
    });
    expect(missingInformation(moved, '2026-09-15', null)).toEqual(['previousAddress']);
    expect(missingInformation(moved, '2026-09-16', null)).toEqual([]);
  });

  it('a provider above the prescribed amount of time must be reported in full; below it, not at all', () => {
    const withTutor = RegisterContentSchema.parse({
      ...complete,
      providers: [{ name: from('provider', 'Maths tutor'), hoursPerWeek: from('parent', 2) }],
    });
    const fields = ['address', 'type', 'place', 'hoursWithoutParentPerWeek'].map(
      (field) => `providers[0].${field}`,
    );
    expect(missingInformation(withTutor, '2026-09-15', null)).toEqual(fields);
    expect(missingInformation(withTutor, '2026-09-15', 1)).toEqual(fields);
    expect(missingInformation(withTutor, '2026-09-15', 2)).toEqual([]);
  });

  it('refuses a value without its date and source', () => {
    expect(RegisterContentSchema.safeParse({ childName: { value: 'Amelia' } }).success).toBe(false);
  });
});
