import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../src/domain/policy.js';
import { given, referral } from './fixtures.js';

/**
 * The first-contact standard is local, and councils anchor it differently: Southampton from the referral,
 * Kent (standard 1.1) from the day the family opted to home educate. Referral received Monday 1 June 2026 for
 * home education from Friday 29 May; five working days after each.
 */
const firstContactOf = (anchor: 'referral_received' | 'home_education_began') => {
  const policy = { ...defaultPolicy, firstContactAnchor: anchor, version: `anchor-${anchor}` };
  const [event] = given([]).when(referral(), { policy }).thenAccepted();
  if (!event) throw new Error('the referral was refused');
  const clocks = (event.data as { clocksStarted: { clock: string }[] }).clocksStarted;
  return clocks.find((clock) => clock.clock === 'firstContact');
};

describe('the first-contact standard runs from the anchor the policy chooses, recorded on the clock', () => {
  it('from the referral received (the default): Monday 1 June → Monday 8 June', () => {
    expect(defaultPolicy.firstContactAnchor).toBe('referral_received');
    expect(firstContactOf('referral_received')).toMatchObject({
      startedOn: '2026-06-01',
      dueOn: '2026-06-08',
      policyVersion: 'anchor-referral_received',
    });
  });

  it('from the day the family opted to home educate: Friday 29 May → Friday 5 June', () => {
    expect(firstContactOf('home_education_began')).toMatchObject({
      startedOn: '2026-05-29',
      dueOn: '2026-06-05',
      policyVersion: 'anchor-home_education_began',
    });
  });
});
