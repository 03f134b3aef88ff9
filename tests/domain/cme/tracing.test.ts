import { describe, expect, it } from 'vitest';
import { cmeEvent } from '../../../src/domain/cme/index.js';
import { command, found, given, history, referral, startedClock } from './fixtures.js';

const enquiry = (
  data: Partial<{ enquiryId: string; agency: 'school' | 'other' | 'home_office'; madeOn: string }> = {},
) => command('MakeCmeEnquiry', { enquiryId: 'enq-1', agency: 'home_office', madeOn: '2026-11-03', ...data });

describe('enquiries', () => {
  it('records each enquiry with its agency, under s436A', () => {
    given(history(referral()))
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
    given(history(referral()))
      .when(command('MakeCmeEnquiry', { enquiryId: 'e', agency, madeOn: '2026-11-03' }))
      .thenAccepted();
  });

  it('to an "other" agency says which', () => {
    given(history(referral()))
      .when(enquiry({ agency: 'other' }))
      .then('reason_text_required', 'agencyDetail');
    given(history(referral()))
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
    given(history(referral()))
      .when(enquiry({ madeOn: '2026-10-30' }))
      .then('date_before_referral', 'madeOn');
  });

  it('cannot be dated in the future', () => {
    given(history(referral()))
      .when(enquiry({ madeOn: '2026-11-24' }))
      .then('date_in_future', 'madeOn');
  });

  it('keeps its id: the same enquiry is not recorded twice', () => {
    given(history(referral(), enquiry())).when(enquiry()).then('enquiry_already_exists', 'enquiryId');
  });

  it('records the outcome when the agency answers', () => {
    const outcome = command('RecordCmeEnquiryOutcome', {
      enquiryId: 'enq-1',
      outcome: 'no_trace',
      receivedOn: '2026-11-12',
    });
    given(history(referral(), enquiry()))
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
    given(history(referral(), enquiry(), outcome))
      .when(outcome)
      .then('enquiry_outcome_recorded', 'enquiryId');
  });

  it('has an outcome only for an enquiry made, and not before it was made', () => {
    const answer = (enquiryId: string, receivedOn: string) =>
      command('RecordCmeEnquiryOutcome', { enquiryId, outcome: 'information_received', receivedOn });
    given(history(referral())).when(answer('enq-9', '2026-11-05')).then('enquiry_not_found', 'enquiryId');
    given(history(referral(), enquiry({ madeOn: '2026-11-05' })))
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
    given(history(referral()))
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
    const [event] = given(history(referral())).when(assessed('high')).thenAccepted();
    expect(event?.type === 'CmeRiskAssessed' && event.data.clocksStarted).toEqual([
      startedClock('cmeHighRiskReport', '2026-11-05', '2026-11-06', 'working'),
    ]);
  });

  it('judged high again while still high does not restart the clock', () => {
    const [event] = given(history(referral(), assessed('high')))
      .when(assessed('high', '2026-11-06'))
      .thenAccepted();
    expect(event?.type === 'CmeRiskAssessed' && event.data.clocksStarted).toEqual([]);
  });

  it('cannot be dated before the referral', () => {
    given(history(referral())).when(assessed('low', '2026-11-01')).then('date_before_referral', 'assessedOn');
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
    given(history(referral(), assessed('high')))
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
    const state = given(history(referral(), assessed('high'), toSocialCare())).state;
    expect(state.status === 'open' && state.clocks.cmeHighRiskReport?.dueOn).toBe('2026-11-06');
  });

  it('is not done when only the police have been told', () => {
    const state = given(history(referral(), assessed('high'), toPolice())).state;
    expect(state.status === 'open' && state.clocks.cmeHighRiskReport?.dueOn).toBe('2026-11-06');
  });

  it('is done, and its clock stops, once both social care and the police have been told', () => {
    expect(
      stoppedBy(
        given(history(referral(), assessed('high'), toSocialCare()))
          .when(toPolice())
          .thenAccepted(),
      ),
    ).toEqual(['cmeHighRiskReport']);
    expect(
      stoppedBy(
        given(history(referral(), assessed('high'), toPolice()))
          .when(toSocialCare())
          .thenAccepted(),
      ),
    ).toEqual(['cmeHighRiskReport']);
    const state = given(history(referral(), assessed('high'), toPolice(), toSocialCare())).state;
    expect(state.status === 'open' && state.clocks.cmeHighRiskReport).toBeUndefined();
  });

  it('telling the same agency twice does not complete it', () => {
    const events = given(history(referral(), assessed('high'), toPolice()))
      .when(toPolice('2026-11-05T17:00:00Z'))
      .thenAccepted();
    expect(stoppedBy(events)).toEqual([]);
  });

  it('counts only reports made since the child was judged at high risk', () => {
    const earlier = history(referral(), toSocialCare('2026-11-04T09:00:00Z'), assessed('high', '2026-11-05'));
    expect(stoppedBy(given(earlier).when(toPolice()).thenAccepted())).toEqual([]);
  });

  it('reports are dated by the London day of the instant they were made', () => {
    const [event] = given(history(referral())).when(toPolice('2026-11-05T23:30:00Z')).thenAccepted();
    expect(event?.type === 'ReportedToPolice' && event.data.reportedOn).toBe('2026-11-05');
  });

  it('a report cannot be in the future or before the referral', () => {
    given(history(referral())).when(toPolice('2026-11-23T11:00:00Z')).then('date_in_future', 'reportedAt');
    given(history(referral()))
      .when(toSocialCare('2026-11-01T12:00:00Z'))
      .then('date_before_referral', 'reportedAt');
  });
});

describe('untraced reviews', () => {
  const review = (reviewedOn = '2026-11-16') =>
    command('RecordUntracedReview', { reviewedOn, notes: 'All agencies checked again; no trace.' });

  it('restart the tracing review clock: every 20 school days while untraced', () => {
    given(history(referral()))
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
    given(history(referral(), found())).when(review()).then('whereabouts_known');
  });

  it('cannot be dated in the future', () => {
    given(history(referral())).when(review('2026-11-30')).then('date_in_future', 'reviewedOn');
  });

  it('stop once the child is past compulsory school age: the case closes for that instead', () => {
    const child = { givenName: 'Sam', familyName: 'Lee', dateOfBirth: '2010-07-01', sex: 'M' as const };
    const atReferral = history([
      referral({ child, receivedOn: '2026-06-01' }),
      { now: new Date('2026-06-01T09:00:00Z') },
    ]);
    given(atReferral).when(review('2026-07-01')).then('not_of_compulsory_school_age', 'reviewedOn');
  });
});
