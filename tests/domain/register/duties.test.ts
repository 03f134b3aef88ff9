import { describe, expect, it } from 'vitest';
import { nextProviderRequestOn, saoGroundUsableOn } from '../../../src/domain/register/duties.js';

describe('s.436E: the next provider request', () => {
  it('is the interval after the latest earlier request, and unlimited before any', () => {
    expect(nextProviderRequestOn([], 3)).toBeUndefined();
    expect(nextProviderRequestOn(['2026-06-03', '2026-01-31'], 3)).toBe('2026-09-03');
    // 3 months after 30 November is 28 February (DOMAIN.md "Months").
    expect(nextProviderRequestOn(['2026-11-30'], 3)).toBe('2027-02-28');
  });
});

describe('a register ground and the new School Attendance Order regime (ss.436H–436N, CWSA 2026 s.39)', () => {
  const ground = { aroseOn: '2027-10-16' };
  it('can start the route only once that regime has commenced', () => {
    expect(saoGroundUsableOn(ground, null, '2028-01-10')).toBe(false);
    expect(saoGroundUsableOn(ground, '2028-09-01', '2028-01-10')).toBe(false);
    expect(saoGroundUsableOn(ground, '2027-09-01', '2028-01-10')).toBe(true);
    expect(saoGroundUsableOn(ground, '2027-09-01', '2027-10-15')).toBe(false);
  });
});
