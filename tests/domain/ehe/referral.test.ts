import { describe, expect, it } from 'vitest';
import { allocate, CME_CASE_ID, command, given, history, on, referral } from './fixtures.js';

describe('an EHE referral', () => {
  it('from a deletion return opens the case and starts the allocation and first-contact clocks', () => {
    given([])
      .when(referral())
      .then([
        {
          type: 'EheReferralReceived',
          data: expect.objectContaining({
            caseId: expect.any(String),
            source: 'deletion_return',
            primaryReason: { code: 'school_dissatisfaction_bullying' },
            otherReasons: [],
            priorityFlags: [],
            priority: false,
            flaggedForSupportToReturn: false,
            consentNeeded: false,
            placedAtSpecialSchoolByCouncil: false,
            recordedBy: 'manager-1',
            clocksStarted: [
              {
                clock: 'allocation',
                startedOn: '2026-06-01',
                dueOn: '2026-06-03',
                policyVersion: 'default-2026.1',
                dayType: 'working',
              },
              {
                clock: 'firstContact',
                startedOn: '2026-06-01',
                dueOn: '2026-06-08',
                policyVersion: 'default-2026.1',
                dayType: 'working',
              },
            ],
          }),
        },
      ]);
  });

  it('sets the tighter first-contact standard for a child on a child protection plan', () => {
    const [event] = given([])
      .when(referral({ priorityFlags: ['child_protection_plan'] }))
      .thenAccepted();
    expect(event?.type === 'EheReferralReceived' && event.data.clocksStarted[1]?.dueOn).toBe('2026-06-03');
    expect(event?.type === 'EheReferralReceived' && event.data.priority).toBe(true);
  });

  it('flags an EHCP from SEN status E and starts the annual review clock from the EHE start date', () => {
    const base = referral();
    const withPlan = referral({
      child: { ...(base.data as { child: object }).child, senStatus: 'E' } as never,
    });
    const [event] = given([]).when(withPlan).thenAccepted();
    if (event?.type !== 'EheReferralReceived') throw new Error('expected a referral');
    expect(event.data.priorityFlags).toContain('ehcp');
    expect(event.data.clocksStarted.map((c) => [c.clock, c.dueOn])).toContainEqual([
      'ehcpAnnualReview',
      '2027-05-28',
    ]);
  });

  it('records no reason as "no reason given": parents need not give one', () => {
    const [event] = given([])
      .when(referral({ primaryReason: undefined }))
      .thenAccepted();
    expect(event?.type === 'EheReferralReceived' && event.data.primaryReason).toEqual({
      code: 'no_reason_given',
    });
  });

  it('flags a family who may feel advised into home education for support to return', () => {
    const [event] = given([])
      .when(referral({ otherReasons: [{ code: 'school_suggestion' }] }))
      .thenAccepted();
    expect(event?.type === 'EheReferralReceived' && event.data.flaggedForSupportToReturn).toBe(true);
  });

  it('from a CME case found to be home educated names the CME case', () => {
    given([])
      .when(referral({ source: 'cme_case', deletionReturn: undefined, cmeCaseId: CME_CASE_ID }))
      .thenAccepted();
    given([])
      .when(referral({ source: 'cme_case', deletionReturn: undefined }))
      .then('field_required', 'cmeCaseId');
  });

  it('from a deletion return must carry the return', () => {
    given([])
      .when(referral({ deletionReturn: undefined }))
      .then('field_required', 'deletionReturn');
  });

  it('from a parent needs no deletion return', () => {
    given([])
      .when(referral({ source: 'parent', deletionReturn: undefined }))
      .thenAccepted();
  });

  it('rejects a reason code not in the policy list', () => {
    given([])
      .when(referral({ primaryReason: { code: 'boredom' } }))
      .then('invalid_reason_code', 'primaryReason.code');
    given([])
      .when(referral({ otherReasons: [{ code: 'lifestyle' }, { code: 'boredom' }] }))
      .then('invalid_reason_code', 'otherReasons.1.code');
  });

  it('rejects "other" without the reason in words', () => {
    given([])
      .when(referral({ primaryReason: { code: 'other' } }))
      .then('reason_text_required', 'primaryReason.text');
    given([])
      .when(referral({ primaryReason: { code: 'other', text: 'travelling family' } }))
      .thenAccepted();
  });

  it('rejects a previous school type not in the policy list', () => {
    given([])
      .when(referral({ previousSchoolType: 'grammar' }))
      .then('invalid_school_type', 'previousSchoolType');
  });

  it('rejects a referral received in the future', () => {
    given([])
      .when(referral({ receivedOn: '2026-06-16' }))
      .then('date_in_future', 'receivedOn');
  });

  it('rejects a child born in the future', () => {
    const base = referral().data as { child: object };
    given([])
      .when(referral({ child: { ...base.child, dateOfBirth: '2026-07-01' } as never }))
      .then('date_in_future', 'child.dateOfBirth');
  });

  it('rejects malformed fields with their path', () => {
    const base = referral().data as { child: object };
    given([])
      .when(referral({ child: { ...base.child, sex: 'X' } as never }))
      .then('invalid_command', 'child.sex');
    given([])
      .when(referral({ eheStartDate: '2026-02-30' }))
      .then('invalid_command', 'eheStartDate');
  });

  it('cannot open a case twice', () => {
    given(history(referral()).events).when(referral()).then('case_already_exists');
  });

  it('is the only command an empty stream accepts', () => {
    given([]).when(allocate()).then('case_not_found');
  });

  it('measures "the future" by the London date: 23:30 UTC on 12 June is already 13 June in summer', () => {
    given([])
      .when(referral({ receivedOn: '2026-06-13' }), on('2026-06-12T23:30:00Z'))
      .thenAccepted();
    given([])
      .when(referral({ receivedOn: '2026-06-14' }), on('2026-06-12T23:30:00Z'))
      .then('date_in_future', 'receivedOn');
  });
});

describe('special school consent', () => {
  const placed = () => referral({ placedAtSpecialSchoolByCouncil: true, previousSchoolType: 'special' });
  const request = command({
    type: 'RequestSpecialSchoolConsent',
    data: { requestedOn: '2026-06-02', requestedBy: 'parent' },
  });

  it('is needed first when the council placed the child at a special school', () => {
    const { state } = history(placed());
    expect(state.status).toBe('awaiting_consent');
    expect(state.priorityFlags).toContain('council_placed_special_school');
  });

  it('a request starts the 10-working-day decision clock', () => {
    given(history(placed()).events)
      .when(request)
      .then([
        {
          type: 'SpecialSchoolConsentRequested',
          data: {
            requestedOn: '2026-06-02',
            requestedBy: 'parent',
            legalBasis: 'SAPRR2024_reg9',
            recordedBy: 'manager-1',
            clocksStarted: [
              {
                clock: 'specialSchoolConsent',
                startedOn: '2026-06-02',
                dueOn: '2026-06-16',
                policyVersion: 'default-2026.1',
                dayType: 'working',
              },
            ],
          },
        },
      ]);
  });

  it('given, records who decided and lets casework proceed', () => {
    const { events } = history(placed(), request, allocate());
    given(events)
      .when(command({ type: 'GiveSpecialSchoolConsent', data: { decidedOn: '2026-06-03' } }))
      .then([
        {
          type: 'SpecialSchoolConsentGiven',
          data: { decidedOn: '2026-06-03', legalBasis: 'SAPRR2024_reg9', decidedBy: 'manager-1' },
        },
      ]);
  });

  it('refused, needs reasons, since consent may not unreasonably be withheld', () => {
    const { events } = history(placed(), request);
    given(events)
      .when(command({ type: 'RefuseSpecialSchoolConsent', data: { decidedOn: '2026-06-03' } as never }))
      .then('field_required', 'rationale');
    given(events)
      .when(
        command({
          type: 'RefuseSpecialSchoolConsent',
          data: { decidedOn: '2026-06-03', rationale: 'the placement meets needs no home programme can' },
        }),
      )
      .thenAccepted();
  });

  it('blocks judging education until decided', () => {
    given(history(placed(), allocate()).events)
      .when(
        command({
          type: 'JudgeSuitability',
          data: { judgedOn: '2026-06-05', outcome: 'suitable', rationale: 'x' },
        }),
      )
      .then('consent_required');
  });

  it('is not asked for a child who was not placed by the council', () => {
    given(history(referral()).events).when(request).then('consent_not_pending');
  });

  it('cannot be decided twice', () => {
    const { events } = history(
      placed(),
      command({ type: 'GiveSpecialSchoolConsent', data: { decidedOn: '2026-06-03' } }),
    );
    given(events)
      .when(command({ type: 'GiveSpecialSchoolConsent', data: { decidedOn: '2026-06-04' } }))
      .then('consent_not_pending');
  });
});
