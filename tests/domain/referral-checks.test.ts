import { describe, expect, it } from 'vitest';
import {
  overrideReasons,
  possibleDuplicatesAmong,
  schoolAgeAccepted,
} from '../../src/domain/referral-checks.js';

const own = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';

describe('a possible duplicate', () => {
  it('is an open case the child index found', () => {
    expect(possibleDuplicatesAmong([{ caseId: other, open: true }], own, undefined)).toEqual([other]);
  });

  it('is never a closed case: that only says the child was known before', () => {
    expect(possibleDuplicatesAmong([{ caseId: other, open: false }], own, undefined)).toBeUndefined();
  });

  it('is never the case the referral opens itself (a retried request finds its own case)', () => {
    expect(possibleDuplicatesAmong([{ caseId: own, open: true }], own, undefined)).toBeUndefined();
  });

  it('is not flagged when staff say the new case is deliberate', () => {
    const found = [{ caseId: other, open: true }];
    expect(possibleDuplicatesAmong(found, own, { reason: 'A sibling with the same name' })).toBeUndefined();
  });

  it('names at most 20 cases, as the flag holds', () => {
    const found = Array.from({ length: 25 }, (_, i) => ({ caseId: `case-${i}`, open: true }));
    expect(possibleDuplicatesAmong(found, own, undefined)).toHaveLength(20);
  });
});

describe('the school-age check of an EHE referral', () => {
  it('accepts a child of compulsory school age on the referral date', () => {
    expect(schoolAgeAccepted('2013-10-04', '2026-06-01', undefined)).toBe(true);
  });

  it('refuses a child below compulsory school age', () => {
    expect(schoolAgeAccepted('2022-01-10', '2026-06-01', undefined)).toBe(false);
  });

  it('refuses a young person past the end of compulsory school age', () => {
    expect(schoolAgeAccepted('2008-01-10', '2026-06-01', undefined)).toBe(false);
  });

  it('accepts anyone when staff override it with a reason', () => {
    expect(schoolAgeAccepted('2022-01-10', '2026-06-01', { reason: 'Early entry agreed' })).toBe(true);
  });
});

describe('the reasons a referral keeps beside its events', () => {
  it('name each check it went past on purpose', () => {
    expect(
      overrideReasons({ schoolAgeOverride: { reason: 'r1' }, deliberateNewCase: { reason: 'r2' } }),
    ).toEqual({ schoolAgeOverride: 'r1', duplicateOverride: 'r2' });
  });

  it('are none when no check was overridden', () => {
    expect(overrideReasons({})).toEqual({});
  });
});
