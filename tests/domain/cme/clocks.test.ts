import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../src/domain/calendar/index.js';
import { cmeEvent } from '../../../src/domain/cme/index.js';
import { allocated, command, context, found, given, history, referral } from './fixtures.js';

const at = (instant: string) => ({ now: new Date(instant) });
const missed = (clock: 'cmeTracingReview' | 'cmeHighRiskReport' | 'allocation', dueOn: string) =>
  command('RecordDeadlineMissed', { clock, dueOn });
const escalate = (level: 'manager' | 'head_of_service') =>
  command('EscalateCase', { clock: 'cmeTracingReview', level });
const highRisk = command('AssessCmeRisk', {
  assessedOn: '2026-11-05',
  level: 'high',
  rationale: 'Siblings on CP plans.',
});

/** Term dates with the October half term, the Christmas holiday and the February half term. */
const withTerms = createCalendar({
  termDates: {
    council: [
      { start: '2026-09-03', end: '2026-10-23' },
      { start: '2026-11-02', end: '2026-12-18' },
      { start: '2027-01-05', end: '2027-02-12' },
      { start: '2027-02-22', end: '2027-03-26' },
    ],
  },
});

function dueOn(events: ReturnType<typeof history>, clock: string): string | undefined {
  for (const event of events) {
    if ('clocksStarted' in event.data) {
      const started = event.data.clocksStarted.find((c) => c.clock === clock);
      if (started) return started.dueOn;
    }
  }
  return undefined;
}

describe('the tracing review clock: 10 school days after the referral, then every 20', () => {
  const later = at('2027-03-01T12:00:00Z');

  it.each([
    ['2026-11-02', '2026-11-16', '2026-12-14'],
    ['2026-11-07', '2026-11-23', '2026-12-21'], // a Saturday referral counts from Monday
    ['2026-12-17', '2027-01-05', '2027-02-02'], // over Christmas and New Year bank holidays
    ['2026-10-27', '2026-11-10', '2026-12-08'],
  ])(
    'without term dates (working days): referred %s, review due %s, next review due %s',
    (receivedOn, first, next) => {
      const events = history([referral({ receivedOn }), later], [allocated(receivedOn), later]);
      expect(dueOn(events, 'cmeTracingReview')).toBe(first);
      const reviewed = given(events)
        .when(command('RecordUntracedReview', { reviewedOn: first, notes: 'No trace.' }), later)
        .thenAccepted();
      expect(dueOn(reviewed, 'cmeTracingReview')).toBe(next);
    },
  );

  it.each([
    ['2026-10-20', '2026-11-10', '2026-12-08'], // over the October half term
    ['2026-10-27', '2026-11-16', '2026-12-14'], // referred in half term: counts from the first day back
    ['2026-12-14', '2027-01-12', '2027-02-09'], // over the Christmas holiday
    ['2026-12-24', '2027-01-19', '2027-02-23'], // referred in the holiday; the next review crosses half term
  ])('with term dates: referred %s, review due %s, next review due %s', (receivedOn, first, next) => {
    const terms = { ...later, calendar: withTerms };
    const events = history([referral({ receivedOn }), terms], [allocated(receivedOn), terms]);
    expect(dueOn(events, 'cmeTracingReview')).toBe(first);
    const reviewed = given(events)
      .when(command('RecordUntracedReview', { reviewedOn: first, notes: 'No trace.' }), terms)
      .thenAccepted();
    expect(dueOn(reviewed, 'cmeTracingReview')).toBe(next);
  });
});

describe('the high-risk report clock: one working day', () => {
  it.each([
    ['2026-11-05', '2026-11-06', 'a Thursday: the Friday'],
    ['2026-11-06', '2026-11-09', 'a Friday: the Monday'],
    ['2026-11-07', '2026-11-10', 'a Saturday counts as Monday: the Tuesday'],
    ['2026-05-22', '2026-05-26', 'the Friday before the spring bank holiday: the Tuesday'],
    ['2026-12-24', '2026-12-29', 'Christmas Eve: after Christmas Day and the substitute Boxing Day'],
    ['2027-03-25', '2027-03-30', 'the Thursday before Easter: after Good Friday and Easter Monday'],
    ['2026-12-31', '2027-01-04', "New Year's Eve: the Monday after New Year's Day"],
  ])('judged high on %s is due %s (%s)', (assessedOn, due) => {
    const events = history(
      [referral({ receivedOn: '2026-05-01' }), at('2026-05-01T09:00:00Z')],
      [
        command('AssessCmeRisk', { assessedOn, level: 'high', rationale: 'Concern.' }),
        at('2027-04-01T09:00:00Z'),
      ],
    );
    expect(dueOn(events, 'cmeHighRiskReport')).toBe(due);
  });
});

describe('a missed deadline', () => {
  it('is recorded once the London date is after the due date and the clock is still open', () => {
    given(history(referral(), allocated()))
      .when(missed('cmeTracingReview', '2026-11-16'))
      .then([
        cmeEvent('DeadlineMissed', {
          clock: 'cmeTracingReview',
          dueOn: '2026-11-16',
          recordedOn: '2026-11-23',
        }),
      ]);
  });

  it('is not recorded on the due date itself', () => {
    given(history(referral(), allocated()))
      .when(missed('cmeTracingReview', '2026-11-16'), at('2026-11-16T23:30:00Z'))
      .then([]);
  });

  it('is recorded once: a second run of the worker decides nothing', () => {
    given(history(referral(), allocated(), missed('cmeTracingReview', '2026-11-16')))
      .when(missed('cmeTracingReview', '2026-11-16'))
      .then([]);
  });

  it('is not recorded for a clock since stopped or moved', () => {
    given(history(referral(), allocated(), found()))
      .when(missed('cmeTracingReview', '2026-11-16'))
      .then([]);
    const reviewed = history(
      referral(),
      allocated(),
      command('RecordUntracedReview', { reviewedOn: '2026-11-12', notes: 'No trace.' }),
    );
    given(reviewed).when(missed('cmeTracingReview', '2026-11-16')).then([]);
  });

  it('of the high-risk report escalates to the manager at once', () => {
    given(history(referral(), allocated(), highRisk))
      .when(missed('cmeHighRiskReport', '2026-11-06'))
      .then([
        cmeEvent('DeadlineMissed', {
          clock: 'cmeHighRiskReport',
          dueOn: '2026-11-06',
          recordedOn: '2026-11-23',
        }),
        cmeEvent('CaseEscalated', {
          clock: 'cmeHighRiskReport',
          dueOn: '2026-11-06',
          level: 'manager',
          escalatedOn: '2026-11-23',
        }),
      ]);
  });
});

describe('escalation', () => {
  const overdue = history(referral(), allocated(), missed('cmeTracingReview', '2026-11-16'));

  it('goes to the manager after the grace of 2 working days', () => {
    given(overdue).when(escalate('manager'), at('2026-11-18T12:00:00Z')).then([]);
    given(overdue)
      .when(escalate('manager'), at('2026-11-19T09:00:00Z'))
      .then([
        cmeEvent('CaseEscalated', {
          clock: 'cmeTracingReview',
          dueOn: '2026-11-16',
          level: 'manager',
          escalatedOn: '2026-11-19',
        }),
      ]);
  });

  it('goes to the head of service 5 working days after the manager', () => {
    const withManager = [...overdue, ...given(overdue).when(escalate('manager')).thenAccepted()];
    given(withManager).when(escalate('head_of_service'), at('2026-11-25T12:00:00Z')).then([]);
    const [event] = given(withManager)
      .when(escalate('head_of_service'), at('2026-11-26T09:00:00Z'))
      .thenAccepted();
    expect(event?.type === 'CaseEscalated' && event.data.level).toBe('head_of_service');
  });

  it('is idempotent: a level reached is not escalated again, nor a lower one', () => {
    const withManager = [...overdue, ...given(overdue).when(escalate('manager')).thenAccepted()];
    given(withManager).when(escalate('manager')).then([]);
    const withHead = [
      ...withManager,
      ...given(withManager).when(escalate('head_of_service'), at('2026-11-26T09:00:00Z')).thenAccepted(),
    ];
    given(withHead).when(escalate('manager'), at('2026-11-26T09:00:00Z')).then([]);
    given(withHead).when(escalate('head_of_service'), at('2026-11-26T09:00:00Z')).then([]);
  });

  it('makes good a lost missed-deadline job: the miss is recorded with the escalation', () => {
    given(history(referral(), allocated()))
      .when(escalate('manager'))
      .then([
        cmeEvent('DeadlineMissed', {
          clock: 'cmeTracingReview',
          dueOn: '2026-11-16',
          recordedOn: '2026-11-23',
        }),
        cmeEvent('CaseEscalated', {
          clock: 'cmeTracingReview',
          dueOn: '2026-11-16',
          level: 'manager',
          escalatedOn: '2026-11-23',
        }),
      ]);
  });

  it('straight to the head of service when the manager step was lost and both thresholds have passed', () => {
    const events = given(overdue)
      .when(escalate('head_of_service'), at('2026-12-31T09:00:00Z'))
      .thenAccepted();
    expect(events.map((e) => e.type === 'CaseEscalated' && e.data.level)).toEqual(['head_of_service']);
  });

  it('not of a clock that is stopped or not yet past its threshold', () => {
    given(history(referral(), allocated(), found()))
      .when(escalate('manager'))
      .then([]);
    given(history(referral(), allocated())).when(escalate('manager'), at('2026-11-18T09:00:00Z')).then([]);
  });

  it('uses the policy the context carries', () => {
    const policy = { ...context.policy, escalation: { ...context.policy.escalation, graceWorkingDays: 0 } };
    const [event] = given(overdue)
      .when(escalate('manager'), { ...at('2026-11-17T09:00:00Z'), policy })
      .thenAccepted();
    expect(event?.type).toBe('CaseEscalated');
  });
});
