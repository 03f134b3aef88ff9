import { describe, expect, it } from 'vitest';
import { cmeEvent } from '../../../src/domain/cme/index.js';
import { allocated, command, found, given, history, referral, startedClock } from './fixtures.js';

const enquiry = (
  data: Partial<{ enquiryId: string; agency: 'school' | 'other' | 'home_office'; madeOn: string }> = {},
) => command('MakeCmeEnquiry', { enquiryId: 'enq-1', agency: 'home_office', madeOn: '2026-11-03', ...data });

describe('enquiries', () => {
  it('records each enquiry with its agency, under s436A', () => {
    given(history(referral(), allocated()))
      .when(enquiry())
      .then([
        cmeEvent('CmeEnquiryMade', {
          enquiryId: 'enq-1',
          agency: 'home_office',
          madeOn: '2026-11-03',
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
  });

  it.each([
    'school',
    'other_council',
    'lost_pupils_database',
    'health',
    'home_office',
    'police',
    'housing',
    'benefits',
  ] as const)('may be made of %s', (agency) => {
    given(history(referral(), allocated()))
      .when(command('MakeCmeEnquiry', { enquiryId: 'e', agency, madeOn: '2026-11-03' }))
      .thenAccepted();
  });

  it('to an "other" agency says which', () => {
    given(history(referral(), allocated()))
      .when(enquiry({ agency: 'other' }))
      .then('reason_text_required', 'agencyDetail');
    given(history(referral(), allocated()))
      .when(
        command('MakeCmeEnquiry', {
          enquiryId: 'e',
          agency: 'other',
          agencyDetail: 'DWP',
          madeOn: '2026-11-03',
        }),
      )
      .thenAccepted();
  });

  it('cannot be dated before the referral', () => {
    given(history(referral(), allocated()))
      .when(enquiry({ madeOn: '2026-10-30' }))
      .then('date_before_referral', 'madeOn');
  });

  it('cannot be dated in the future', () => {
    given(history(referral(), allocated()))
      .when(enquiry({ madeOn: '2026-11-24' }))
      .then('date_in_future', 'madeOn');
  });

  it('keeps its id: the same enquiry is not recorded twice', () => {
    given(history(referral(), allocated(), enquiry()))
      .when(enquiry())
      .then('enquiry_already_exists', 'enquiryId');
  });

  it('records the outcome when the agency answers', () => {
    const outcome = command('RecordCmeEnquiryOutcome', {
      enquiryId: 'enq-1',
      outcome: 'no_trace',
      receivedOn: '2026-11-12',
    });
    given(history(referral(), allocated(), enquiry()))
      .when(outcome)
      .then([
        cmeEvent('CmeEnquiryOutcomeRecorded', {
          enquiryId: 'enq-1',
          outcome: 'no_trace',
          receivedOn: '2026-11-12',
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
    given(history(referral(), allocated(), enquiry(), outcome))
      .when(outcome)
      .then('enquiry_outcome_recorded', 'enquiryId');
  });

  it('has an outcome only for an enquiry made, and not before it was made', () => {
    const answer = (enquiryId: string, receivedOn: string) =>
      command('RecordCmeEnquiryOutcome', { enquiryId, outcome: 'information_received', receivedOn });
    given(history(referral(), allocated()))
      .when(answer('enq-9', '2026-11-05'))
      .then('enquiry_not_found', 'enquiryId');
    given(history(referral(), allocated(), enquiry({ madeOn: '2026-11-05' })))
      .when(answer('enq-1', '2026-11-04'))
      .then('date_before_previous_step', 'receivedOn');
  });
});

const assessed = (level: 'low' | 'medium' | 'high', assessedOn = '2026-11-05') =>
  command('AssessCmeRisk', { assessedOn, level, rationale: 'Known to social care; siblings also missing.' });
const toSocialCare = (reportedAt = '2026-11-05T15:00:00Z') => command('ReportToSocialCare', { reportedAt });
const toPolice = (reportedAt = '2026-11-05T16:00:00Z') => command('ReportToPolice', { reportedAt });

describe('risk assessment', () => {
  it('at low or medium risk starts no clock', () => {
    given(history(referral(), allocated()))
      .when(assessed('medium'))
      .then([
        cmeEvent('CmeRiskAssessed', {
          assessedOn: '2026-11-05',
          level: 'medium',
          rationale: 'Known to social care; siblings also missing.',
          clocksStarted: [],
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
  });

  it('at high risk starts the one-working-day report clock', () => {
    const [event] = given(history(referral(), allocated())).when(assessed('high')).thenAccepted();
    expect(event?.type === 'CmeRiskAssessed' && event.data.clocksStarted).toEqual([
      startedClock('cmeHighRiskReport', '2026-11-05', '2026-11-06', 'working'),
    ]);
  });

  it('judged high again while still high does not restart the clock', () => {
    const [event] = given(history(referral(), allocated(), assessed('high')))
      .when(assessed('high', '2026-11-06'))
      .thenAccepted();
    expect(event?.type === 'CmeRiskAssessed' && event.data.clocksStarted).toEqual([]);
  });

  it('cannot be dated before the referral', () => {
    given(history(referral(), allocated()))
      .when(assessed('low', '2026-11-01'))
      .then('date_before_referral', 'assessedOn');
  });
});

describe('the high-risk report', () => {
  const stoppedBy = (events: ReturnType<typeof history>) => {
    const [event] = events;
    return event?.type === 'ReportedToSocialCare' || event?.type === 'ReportedToPolice'
      ? event.data.clocksStopped
      : null;
  };

  it('records the report to social care with its time, London date and safeguarding basis', () => {
    given(history(referral(), allocated(), assessed('high')))
      .when(toSocialCare())
      .then([
        cmeEvent('ReportedToSocialCare', {
          reportedAt: '2026-11-05T15:00:00Z',
          reportedOn: '2026-11-05',
          clocksStopped: [],
          legalBasis: 'CA2004_s11',
          decidedBy: 'officer-asha',
        }),
      ]);
  });

  it('is not done when only social care has been told', () => {
    const state = given(history(referral(), allocated(), assessed('high'), toSocialCare())).state;
    expect(state.status === 'open' && state.clocks.cmeHighRiskReport?.dueOn).toBe('2026-11-06');
  });

  it('is not done when only the police have been told', () => {
    const state = given(history(referral(), allocated(), assessed('high'), toPolice())).state;
    expect(state.status === 'open' && state.clocks.cmeHighRiskReport?.dueOn).toBe('2026-11-06');
  });

  it('is done, and its clock stops, once both social care and the police have been told', () => {
    expect(
      stoppedBy(
        given(history(referral(), allocated(), assessed('high'), toSocialCare()))
          .when(toPolice())
          .thenAccepted(),
      ),
    ).toEqual(['cmeHighRiskReport']);
    expect(
      stoppedBy(
        given(history(referral(), allocated(), assessed('high'), toPolice()))
          .when(toSocialCare())
          .thenAccepted(),
      ),
    ).toEqual(['cmeHighRiskReport']);
    const state = given(history(referral(), allocated(), assessed('high'), toPolice(), toSocialCare())).state;
    expect(state.status === 'open' && state.clocks.cmeHighRiskReport).toBeUndefined();
  });

  it('telling the same agency twice does not complete it', () => {
    const events = given(history(referral(), allocated(), assessed('high'), toPolice()))
      .when(toPolice('2026-11-05T17:00:00Z'))
      .thenAccepted();
    expect(stoppedBy(events)).toEqual([]);
  });

  it('counts only reports made since the child was judged at high risk', () => {
    const earlier = history(
      referral(),
      allocated(),
      toSocialCare('2026-11-04T09:00:00Z'),
      assessed('high', '2026-11-05'),
    );
    expect(stoppedBy(given(earlier).when(toPolice()).thenAccepted())).toEqual([]);
  });

  it('reports are dated by the London day of the instant they were made', () => {
    const [event] = given(history(referral(), allocated()))
      .when(toPolice('2026-11-05T23:30:00Z'))
      .thenAccepted();
    expect(event?.type === 'ReportedToPolice' && event.data.reportedOn).toBe('2026-11-05');
  });

  it('a report cannot be in the future or before the referral', () => {
    given(history(referral(), allocated()))
      .when(toPolice('2026-11-23T11:00:00Z'))
      .then('date_in_future', 'reportedAt');
    given(history(referral(), allocated()))
      .when(toSocialCare('2026-11-01T12:00:00Z'))
      .then('date_before_referral', 'reportedAt');
  });
});

describe('untraced reviews', () => {
  const review = (reviewedOn = '2026-11-16') =>
    command('RecordUntracedReview', { reviewedOn, notes: 'All agencies checked again; no trace.' });

  it('restart the tracing review clock: every 20 school days while untraced', () => {
    given(history(referral(), allocated()))
      .when(review())
      .then([
        cmeEvent('CmeUntracedReviewRecorded', {
          reviewedOn: '2026-11-16',
          notes: 'All agencies checked again; no trace.',
          clocksStarted: [startedClock('cmeTracingReview', '2026-11-16', '2026-12-14', 'school')],
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
  });

  it('are only for a child still untraced', () => {
    given(history(referral(), allocated(), found()))
      .when(review())
      .then('whereabouts_known');
  });

  it('cannot be dated in the future', () => {
    given(history(referral(), allocated())).when(review('2026-11-30')).then('date_in_future', 'reviewedOn');
  });

  it('stop once the child is past compulsory school age: the case closes for that instead', () => {
    const child = { givenName: 'Sam', familyName: 'Lee', dateOfBirth: '2010-07-01', sex: 'M' as const };
    const atReferral = history(
      [referral({ child, receivedOn: '2026-06-01' }), { now: new Date('2026-06-01T09:00:00Z') }],
      allocated('2026-06-01'),
    );
    given(atReferral).when(review('2026-07-01')).then('not_of_compulsory_school_age', 'reviewedOn');
  });
});

describe('allocated work', () => {
  const enquire = command('MakeCmeEnquiry', { enquiryId: 'e1', agency: 'school', madeOn: '2026-11-03' });

  it('waits for the case to be allocated', () => {
    given(history(referral())).when(enquire).then('not_allocated');
    given(history(referral())).when(found()).then('not_allocated');
  });

  it("is the allocated officer's: another officer may not do it, a senior or manager may step in", () => {
    const withAsha = history(referral(), allocated());
    given(withAsha)
      .when(enquire, { actor: { id: 'officer-chen', role: 'officer' } })
      .then('not_allocated');
    given(withAsha)
      .when(enquire, { actor: { id: 'senior-dev', role: 'senior' } })
      .thenAccepted();
  });

  it('does not include safeguarding: risk is judged and reported before anyone is allocated', () => {
    given(history(referral())).when(assessed('high')).thenAccepted();
    given(history(referral())).when(toSocialCare()).thenAccepted();
    given(history(referral())).when(toPolice()).thenAccepted();
  });
});

describe('a command body the decider is handed', () => {
  it('is read through its schema: the decider trusts no caller', () => {
    const missing = { type: 'MakeCmeEnquiry', data: { enquiryId: 'e1', madeOn: '2026-11-03' } } as never;
    given(history(referral(), allocated())).when(missing).then('field_required', 'agency');
    const malformed = command('MakeCmeEnquiry', { enquiryId: 'e1', agency: 'school', madeOn: '3 Nov 2026' });
    given(history(referral(), allocated())).when(malformed).then('invalid_command', 'madeOn');
  });
});
