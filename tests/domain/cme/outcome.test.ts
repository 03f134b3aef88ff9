import { describe, expect, it } from 'vitest';
import { cmeEvent } from '../../../src/domain/cme/index.js';
import {
  allocated,
  closed,
  command,
  eheCaseId,
  everyCommandButTheReferral,
  found,
  given,
  history,
  inArea,
  referral,
  referralData,
  startedClock,
} from './fixtures.js';

const onRoll = {
  kind: 'on_roll' as const,
  school: { name: "Oasis Academy Lord's Hill", urn: '135961' },
  onRollFrom: '2026-11-16',
};
const otherCouncil = { kind: 'other_council_area' as const, council: 'Portsmouth City Council' };
const abroad = { kind: 'abroad' as const, country: 'Poland', confirmedBy: 'Home Office travel record' };
const fairAccess = command('ReferToFairAccess', { referredOn: '2026-11-11' });
const handOver = command('HandToAnotherCouncil', {
  handedOn: '2026-11-12',
  council: 'Portsmouth City Council',
});
const becameEhe = command('RecordBecameEhe', { eheCaseId, establishedOn: '2026-11-12' });

describe('whereabouts established', () => {
  it('records where the child is and stops the tracing review clock', () => {
    given(history(referral(), allocated()))
      .when(found())
      .then([
        cmeEvent('WhereaboutsEstablished', {
          establishedOn: '2026-11-10',
          whereabouts: inArea,
          clocksStopped: [],
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
    const state = given(history(referral(), allocated(), found())).state;
    expect(state.status === 'open' && state.clocks.cmeTracingReview).toBeUndefined();
  });

  it.each([inArea, otherCouncil, abroad, onRoll])('may be $kind', (whereabouts) => {
    given(history(referral(), allocated())).when(found(whereabouts)).thenAccepted();
  });

  it('on roll from a future date is not on roll yet', () => {
    given(history(referral(), allocated()))
      .when(found({ ...onRoll, onRollFrom: '2026-12-01' }))
      .then('date_in_future', 'whereabouts.onRollFrom');
  });

  it('cannot be dated before the referral', () => {
    given(history(referral(), allocated()))
      .when(command('EstablishWhereabouts', { establishedOn: '2026-10-01', whereabouts: inArea }))
      .then('date_before_referral', 'establishedOn');
  });

  it('on roll ends the wait for a Fair Access place', () => {
    const agreed = command('AgreeFairAccessConsideration', { agreedOn: '2026-11-12' });
    const [event] = given(history(referral(), allocated(), found(), fairAccess, agreed))
      .when(found(onRoll))
      .thenAccepted();
    expect(event?.type === 'WhereaboutsEstablished' && event.data.clocksStopped).toEqual([
      'fairAccessPlacement',
    ]);
  });
});

describe('a child found in the area', () => {
  it('may have a school place applied for', () => {
    given(history(referral(), allocated(), found()))
      .when(command('ApplyForSchoolPlace', { appliedOn: '2026-11-11' }))
      .then([
        cmeEvent('CmeSchoolPlaceAppliedFor', {
          appliedOn: '2026-11-11',
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
  });

  it('may be referred to Fair Access (the placement clock waits for the agreement: fair-access.test.ts)', () => {
    given(history(referral(), allocated(), found()))
      .when(fairAccess)
      .then([
        cmeEvent('CmeFairAccessReferralMade', {
          referredOn: '2026-11-11',
          clocksStarted: [],
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
  });

  it('is not referred to Fair Access twice while a place is awaited', () => {
    given(history(referral(), allocated(), found(), fairAccess))
      .when(fairAccess)
      .then('fair_access_pending');
  });

  it('school place and Fair Access need the child found here', () => {
    const apply = command('ApplyForSchoolPlace', { appliedOn: '2026-11-11' });
    given(history(referral(), allocated())).when(apply).then('whereabouts_unknown');
    given(history(referral(), allocated())).when(fairAccess).then('whereabouts_unknown');
    given(history(referral(), allocated(), found(abroad)))
      .when(apply)
      .then('whereabouts_not_in_area');
  });

  it('becoming home educated records the new EHE case id, under s7', () => {
    given(history(referral(), allocated(), found()))
      .when(becameEhe)
      .then([
        cmeEvent('CmeChildBecameEhe', {
          eheCaseId,
          establishedOn: '2026-11-12',
          legalBasis: 'EA1996_s7',
          decidedBy: 'officer-asha',
        }),
      ]);
    given(history(referral(), allocated(), found(), becameEhe))
      .when(becameEhe)
      .then('already_ehe');
    given(history(referral(), allocated())).when(becameEhe).then('whereabouts_unknown');
  });
});

describe('a child found in another council area', () => {
  it('is handed over to that council', () => {
    given(history(referral(), allocated(), found(otherCouncil)))
      .when(handOver)
      .then([
        cmeEvent('CmeCaseHandedToAnotherCouncil', {
          handedOn: '2026-11-12',
          council: 'Portsmouth City Council',
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
  });

  it('is handed over once, and only when found there', () => {
    given(history(referral(), allocated(), found(otherCouncil), handOver))
      .when(handOver)
      .then('already_handed_over');
    given(history(referral(), allocated(), found()))
      .when(handOver)
      .then('whereabouts_not_other_council_area');
    given(history(referral(), allocated())).when(handOver).then('whereabouts_unknown');
  });
});

describe('closure', () => {
  it('with a destination records it under s436A and stops every clock', () => {
    given(history(referral(), allocated(), found(onRoll)))
      .when(closed())
      .then([
        cmeEvent('CmeCaseClosed', {
          closedOn: '2026-11-20',
          destination: 'on_roll',
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
    const state = given(history(referral(), allocated(), found(onRoll), closed())).state;
    expect(state.status).toBe('closed');
    expect(state.status === 'closed' && state.clocks).toEqual({});
  });

  it.each([
    ['on_roll', [found(onRoll)]],
    ['ehe_case_opened', [found(), becameEhe]],
    ['handed_to_another_council', [found(otherCouncil), handOver]],
    ['abroad_confirmed', [found(abroad)]],
    ['died', [found()]],
  ] as const)('to %s is accepted once that is established', (destination, steps) => {
    given(history(referral(), allocated(), ...steps))
      .when(closed({ destination }))
      .thenAccepted();
  });

  it('is refused while the whereabouts are unknown, however long the child has been missing', () => {
    const longMissing = history(
      referral(),
      allocated(),
      command('RecordUntracedReview', { reviewedOn: '2026-11-16', notes: 'No trace.' }),
    );
    given(longMissing)
      .when(closed({ destination: 'on_roll' }))
      .then('whereabouts_unknown', 'destination');
    given(longMissing)
      .when(closed({ destination: 'other', reasonText: 'Old case' }))
      .then('whereabouts_unknown');
    given(longMissing)
      .when(closed({ destination: 'abroad_confirmed' }))
      .then('whereabouts_unknown');
  });

  it('is refused without a destination the case has established', () => {
    given(history(referral(), allocated(), found()))
      .when(closed({ destination: 'on_roll' }))
      .then('destination_not_established', 'destination');
    given(history(referral(), allocated(), found()))
      .when(closed({ destination: 'ehe_case_opened' }))
      .then('destination_not_established');
    given(history(referral(), allocated(), found(otherCouncil)))
      .when(closed({ destination: 'handed_to_another_council' }))
      .then('destination_not_established');
    given(history(referral(), allocated(), found()))
      .when(closed({ destination: 'abroad_confirmed' }))
      .then('destination_not_established');
  });

  it("of a child who has died needs no whereabouts: the duty ends with the child's death", () => {
    given(history(referral(), allocated()))
      .when(closed({ destination: 'died' }))
      .thenAccepted();
  });

  it('to "other" says why', () => {
    given(history(referral(), allocated(), found()))
      .when(closed({ destination: 'other' }))
      .then('reason_text_required', 'reasonText');
    given(history(referral(), allocated(), found()))
      .when(closed({ destination: 'other', reasonText: 'Duplicate of case 1234.' }))
      .thenAccepted();
  });

  it('at the end of compulsory school age closes even an untraced case, but not before', () => {
    const child = { givenName: 'Sam', familyName: 'Lee', dateOfBirth: '2010-07-01', sex: 'M' as const };
    const untraced = history([
      referral({ child, receivedOn: '2026-06-01' }),
      { now: new Date('2026-06-01T09:00:00Z') },
    ]);
    given(untraced)
      .when(closed({ destination: 'end_of_compulsory_school_age', closedOn: '2026-06-29' }))
      .thenAccepted();
    given(untraced)
      .when(closed({ destination: 'end_of_compulsory_school_age', closedOn: '2026-06-26' }))
      .then('still_of_compulsory_school_age', 'closedOn');
  });

  it('at the end of compulsory school age needs the date of birth', () => {
    const { dateOfBirth: _, ...child } = referralData.child;
    given(history(referral({ child })))
      .when(closed({ destination: 'end_of_compulsory_school_age' }))
      .then('field_required', 'destination');
  });

  it('cannot be dated in the future or before the referral', () => {
    given(history(referral(), allocated(), found(onRoll)))
      .when(closed({ closedOn: '2026-11-24' }))
      .then('date_in_future', 'closedOn');
    given(history(referral(), allocated(), found(onRoll)))
      .when(closed({ closedOn: '2026-11-01' }))
      .then('date_before_referral', 'closedOn');
  });
});

describe('a closed case', () => {
  const closedCase = history(referral(), allocated(), found(onRoll), closed());

  it.each(
    everyCommandButTheReferral.filter(
      (cmd) => !['ReopenCase', 'RecordDeadlineMissed', 'EscalateCase'].includes(cmd.type),
    ),
  )('refuses $type', (cmd) => {
    given(closedCase).when(cmd).then('case_closed');
  });

  it('refuses a second referral', () => {
    given(closedCase).when(referral()).then('case_already_exists');
  });

  it('decides nothing for the clock workers: it has no open clocks', () => {
    given(closedCase)
      .when(command('RecordDeadlineMissed', { clock: 'cmeTracingReview', dueOn: '2026-11-16' }))
      .then([]);
    given(closedCase)
      .when(command('EscalateCase', { clock: 'cmeTracingReview', level: 'manager' }))
      .then([]);
  });

  it('can be reopened: the child is missing again, so tracing starts afresh', () => {
    const reopen = command('ReopenCase', {
      reopenedOn: '2026-11-23',
      reason: 'School reports the child has not attended.',
    });
    given(closedCase)
      .when(reopen)
      .then([
        cmeEvent('CmeCaseReopened', {
          reopenedOn: '2026-11-23',
          reason: 'School reports the child has not attended.',
          clocksStarted: [startedClock('cmeTracingReview', '2026-11-23', '2026-12-07', 'school')],
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
    const state = given([...closedCase, ...given(closedCase).when(reopen).thenAccepted()]).state;
    expect(state.status === 'open' && state.whereabouts).toBeNull();
  });

  it('is reopened only when closed, and not before it closed', () => {
    const reopen = (reopenedOn: string) => command('ReopenCase', { reopenedOn, reason: 'Missing again.' });
    given(history(referral(), allocated())).when(reopen('2026-11-20')).then('case_not_closed');
    given(closedCase).when(reopen('2026-11-19')).then('date_before_previous_step', 'reopenedOn');
    given(closedCase).when(reopen('2026-11-24')).then('date_in_future', 'reopenedOn');
  });

  it('once reopened takes no step dated before the reopening', () => {
    const reopened = history(
      ...[
        ...[referral(), allocated(), found(onRoll), closed()],
        command('ReopenCase', { reopenedOn: '2026-11-21', reason: 'Missing again.' }),
      ],
    );
    given(reopened)
      .when(command('MakeCmeEnquiry', { enquiryId: 'e3', agency: 'school', madeOn: '2026-11-20' }))
      .then('date_before_referral', 'madeOn');
  });
});
