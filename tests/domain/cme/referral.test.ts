import { describe, expect, it } from 'vitest';
import { cmeEvent } from '../../../src/domain/cme/index.js';
import {
  caseId,
  command,
  everyCommandButTheReferral,
  given,
  history,
  manager,
  referral,
  referralData,
  startedClock,
} from './fixtures.js';

describe('a CME referral', () => {
  it('opens the case and starts the allocation and tracing review clocks, recording s436A and the officer', () => {
    given([])
      .when(referral())
      .then([
        cmeEvent('CmeReferralReceived', {
          ...referralData,
          rollStatus: 'off_roll',
          clocksStarted: [
            startedClock('allocation', '2026-11-02', '2026-11-04', 'working'),
            startedClock('cmeTracingReview', '2026-11-02', '2026-11-16', 'school'),
          ],
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
  });

  it.each([
    'deletion_return_no_destination',
    'continuous_absence_ten_school_days',
    'joint_reasonable_enquiry_before_deletion',
    'census_cross_check',
    'fair_access_place_not_taken_up',
    'public',
  ] as const)('is accepted from the source %s', (source) => {
    const [event] = given([]).when(referral({ source })).thenAccepted();
    expect(event?.type).toBe('CmeReferralReceived');
  });

  it('from another agency names the agency', () => {
    given([])
      .when(referral({ source: 'other_agency' }))
      .then('field_required', 'referrer');
    given([])
      .when(referral({ source: 'other_agency', referrer: 'Solent NHS Trust' }))
      .thenAccepted();
  });

  it('from an EHE case judged unsuitable names that case', () => {
    given([])
      .when(referral({ source: 'ehe_judged_unsuitable' }))
      .then('field_required', 'eheCaseId');
  });

  it('may come with no date of birth: we trace first and learn the age later', () => {
    const { dateOfBirth: _, ...child } = referralData.child;
    given([]).when(referral({ child })).thenAccepted();
  });

  it('cannot be dated in the future', () => {
    given([])
      .when(referral({ receivedOn: '2026-11-24' }))
      .then('date_in_future', 'receivedOn');
  });

  it('rejects a date of birth in the future', () => {
    const child = { ...referralData.child, dateOfBirth: '2027-01-01' };
    given([]).when(referral({ child })).then('date_in_future', 'child.dateOfBirth');
  });

  it('is only for a child of compulsory school age on the day of referral', () => {
    const fourYearOld = { ...referralData.child, dateOfBirth: '2022-06-01' };
    given([])
      .when(referral({ child: fourYearOld }))
      .then('not_of_compulsory_school_age', 'child.dateOfBirth');
  });

  it('cannot be received twice for the same case', () => {
    given(history(referral())).when(referral()).then('case_already_exists');
  });

  it("takes the DfE primary reason only from the council policy's codes", () => {
    given([])
      .when(referral({ primaryReason: { code: 'lifestyle' } }))
      .then('invalid_reason_code', 'primaryReason.code');
    given([])
      .when(referral({ primaryReason: { code: 'not_recorded' } }))
      .then('invalid_reason_code', 'primaryReason.code');
  });

  it('needs the reason in words when it is "other"', () => {
    given([])
      .when(referral({ primaryReason: { code: 'other' } }))
      .then('reason_text_required', 'primaryReason.text');
  });

  it('records the day the child has been missing education since, never after the referral', () => {
    const [event] = given([])
      .when(referral({ missingSince: '2026-09-04' }))
      .thenAccepted();
    expect(event?.data).toMatchObject({ missingSince: '2026-09-04' });
    given([])
      .when(referral({ missingSince: '2026-11-03' }))
      .then('contradictory_fields', 'missingSince');
  });

  // s.436A(1)(a): a child the school still has on roll is at risk, not yet missing education.
  it.each([
    ['continuous_absence_ten_school_days', 'on_roll'],
    ['joint_reasonable_enquiry_before_deletion', 'on_roll'],
    ['deletion_return_no_destination', 'off_roll'],
    ['public', 'off_roll'],
  ] as const)('from the source %s records the child as %s', (source, rollStatus) => {
    const [event] = given([]).when(referral({ source })).thenAccepted();
    expect(event?.data).toMatchObject({ rollStatus });
  });
});

describe('on an empty stream', () => {
  it.each(everyCommandButTheReferral)('$type is refused: there is no case until the referral', (cmd) => {
    given([]).when(cmd).then('case_not_found');
  });
});

describe('allocation', () => {
  const allocate = command('AllocateCase', { officerId: 'officer-asha', allocatedOn: '2026-11-03' });

  it('allocates the case to an officer and stops the allocation clock', () => {
    given(history(referral()))
      .when(allocate, { actor: manager })
      .then([
        cmeEvent('CaseAllocated', {
          officerId: 'officer-asha',
          allocatedOn: '2026-11-03',
          allocatedBy: 'manager-ben',
        }),
      ]);
    const state = given(history(referral(), allocate)).state;
    expect(state.status === 'open' && state.clocks.allocation).toBeUndefined();
  });

  it('is refused when the case is already allocated', () => {
    given(history(referral(), allocate)).when(allocate).then('already_allocated');
  });

  it('is not dated before the referral', () => {
    given(history(referral()))
      .when(command('AllocateCase', { officerId: 'officer-asha', allocatedOn: '2026-11-01' }))
      .then('date_before_referral', 'allocatedOn');
  });

  it('reallocation says who had the case and why it moved', () => {
    const reallocate = command('ReallocateCase', {
      officerId: 'officer-chen',
      reallocatedOn: '2026-11-09',
      reason: 'Asha on leave.',
    });
    given(history(referral(), allocate))
      .when(reallocate, { actor: manager })
      .then([
        cmeEvent('CaseReallocated', {
          officerId: 'officer-chen',
          reallocatedOn: '2026-11-09',
          reason: 'Asha on leave.',
          previousOfficerId: 'officer-asha',
          reallocatedBy: 'manager-ben',
        }),
      ]);
  });

  it('reallocation needs an allocated case and another officer', () => {
    const to = (officerId: string) =>
      command('ReallocateCase', { officerId, reallocatedOn: '2026-11-09', reason: 'Caseload.' });
    given(history(referral())).when(to('officer-chen')).then('not_allocated');
    given(history(referral(), allocate)).when(to('officer-asha')).then('already_allocated', 'officerId');
  });
});

it('the case id in the referral is the stream id', () => {
  const [event] = history(referral());
  expect(event?.type === 'CmeReferralReceived' && event.data.caseId).toBe(caseId);
});
