import { describe, expect, it } from 'vitest';
import { registerBasisOn, statutorySince } from '../../../src/domain/register/commencement.js';

describe('the register before and after its commencement (CWSA 2026 s.78(5)-(6))', () => {
  it.each([
    [null, '2026-06-01', 'voluntary', 'not commenced'],
    ['2027-09-01', '2027-08-31', 'voluntary', 'the day before commencement'],
    ['2027-09-01', '2027-09-01', 'statutory', 'the commencement day'],
    ['2026-01-01', '2026-06-01', 'statutory', 'commenced in the past'],
  ] as const)('commencement %s, on %s: %s (%s)', (commencement, on, basis, _why) => {
    expect(registerBasisOn(commencement, on)).toBe(basis);
  });

  it('a stretch begun before commencement is statutory from commencement, one begun after from its start', () => {
    expect(statutorySince('2027-09-01', '2027-06-01', '2027-10-01')).toBe('2027-09-01');
    expect(statutorySince('2027-09-01', '2027-09-20', '2027-10-01')).toBe('2027-09-20');
    expect(statutorySince('2027-09-01', '2027-06-01', '2027-08-31')).toBeUndefined();
    expect(statutorySince(null, '2027-06-01', '2027-10-01')).toBeUndefined();
  });
});
