import { describe, expect, it } from 'vitest';
import { allocate, command, given, history, judge, on, referral } from './fixtures.js';

/** 09:00 in London on a given date (BST in summer). */
const at = (date: string) => on(`${date}T08:00:00Z`);
const missed = (clock: 'firstContact' | 'allocation' = 'firstContact', dueOn = '2026-06-08') =>
  command({ type: 'RecordDeadlineMissed', data: { clock, dueOn } });
const escalate = (level: 'manager' | 'head_of_service', clock: 'firstContact' = 'firstContact') =>
  command({ type: 'EscalateCase', data: { clock, level } });
const referred = () => history([referral(), at('2026-06-01')]).events;

describe('a missed deadline', () => {
  it('is not missed on its due date: dueOn is inclusive', () => {
    given(referred()).when(missed(), at('2026-06-08')).then([]);
  });

  it('is recorded the day after its due date', () => {
    given(referred())
      .when(missed(), at('2026-06-09'))
      .then([
        {
          type: 'DeadlineMissed',
          data: { clock: 'firstContact', dueOn: '2026-06-08', recordedOn: '2026-06-09' },
        },
      ]);
  });

  it('is recorded once', () => {
    const { events, state } = history([referral(), at('2026-06-01')], [missed(), at('2026-06-09')]);
    expect(state.clocks.firstContact?.missed).toBe(true);
    given(events).when(missed(), at('2026-06-10')).then([]);
  });

  it('is not recorded for a clock stopped in time, or moved to another due date', () => {
    const contact = command({
      type: 'RecordContactAttempt',
      data: { attemptedOn: '2026-06-05', method: 'phone', outcome: 'contact_made' },
    });
    const { events } = history(
      [referral(), at('2026-06-01')],
      [allocate(), at('2026-06-02')],
      [contact, at('2026-06-05')],
    );
    given(events).when(missed(), at('2026-06-09')).then([]);
    given(referred()).when(missed('firstContact', '2026-06-05'), at('2026-06-09')).then([]);
  });

  it('is measured by the London date: 23:30 UTC on 8 June is already 9 June in summer', () => {
    given(referred()).when(missed(), on('2026-06-08T22:30:00Z')).then([]);
    given(referred()).when(missed(), on('2026-06-08T23:30:00Z')).thenAccepted();
  });
});

describe('escalation', () => {
  it('reaches the manager after 2 working days of grace', () => {
    given(referred()).when(escalate('manager'), at('2026-06-10')).then([]);
    given(referred())
      .when(escalate('manager'), at('2026-06-11'))
      .then([
        {
          type: 'DeadlineMissed',
          data: { clock: 'firstContact', dueOn: '2026-06-08', recordedOn: '2026-06-11' },
        },
        {
          type: 'CaseEscalated',
          data: { clock: 'firstContact', dueOn: '2026-06-08', level: 'manager', escalatedOn: '2026-06-11' },
        },
      ]);
  });

  it('reaches the head of service 5 working days after the manager', () => {
    const { events } = history([referral(), at('2026-06-01')], [escalate('manager'), at('2026-06-11')]);
    given(events).when(escalate('head_of_service'), at('2026-06-17')).then([]);
    given(events)
      .when(escalate('head_of_service'), at('2026-06-18'))
      .then([
        {
          type: 'CaseEscalated',
          data: {
            clock: 'firstContact',
            dueOn: '2026-06-08',
            level: 'head_of_service',
            escalatedOn: '2026-06-18',
          },
        },
      ]);
  });

  it('is idempotent: a level reached is not reached again, nor a lower one', () => {
    const { events, state } = history(
      [referral(), at('2026-06-01')],
      [escalate('manager'), at('2026-06-11')],
      [escalate('head_of_service'), at('2026-06-18')],
    );
    expect(state.clocks.firstContact?.escalation).toBe('head_of_service');
    given(events).when(escalate('manager'), at('2026-06-19')).then([]);
    given(events).when(escalate('head_of_service'), at('2026-06-19')).then([]);
  });

  it('stops when the clock does', () => {
    const { events } = history([referral(), at('2026-06-01')], [allocate(), at('2026-06-02')]);
    given(events)
      .when(
        command({ type: 'EscalateCase', data: { clock: 'allocation', level: 'manager' } }),
        at('2026-06-20'),
      )
      .then([]);
  });
});

describe('annual contact due', () => {
  const monitored = () =>
    history(
      [referral(), at('2026-06-01')],
      [allocate(), at('2026-06-02')],
      [judge('suitable', '2026-06-05'), at('2026-06-05')],
    ).events;
  const due = command({ type: 'RecordAnnualContactDue', data: { dueOn: '2027-06-05' } });

  it('is recorded from the reminder date, 30 days before the anniversary', () => {
    given(monitored()).when(due, at('2027-05-05')).then([]);
    given(monitored())
      .when(due, at('2027-05-06'))
      .then([
        {
          type: 'AnnualContactDue',
          data: { dueOn: '2027-06-05', remindOn: '2027-05-06', recordedOn: '2027-05-06' },
        },
      ]);
  });

  it('is recorded once per due date', () => {
    const events = [...monitored(), ...given(monitored()).when(due, at('2027-05-06')).thenAccepted()];
    given(events).when(due, at('2027-05-07')).then([]);
  });

  it('is not recorded for a due date the clock no longer has', () => {
    given(monitored())
      .when(command({ type: 'RecordAnnualContactDue', data: { dueOn: '2027-06-04' } }), at('2027-05-06'))
      .then([]);
  });
});
