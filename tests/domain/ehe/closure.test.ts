import { describe, expect, it } from 'vitest';
import type { EheCommand } from '../../../src/domain/ehe/index.js';
import { allocate, CME_CASE_ID, command, given, history, referral } from './fixtures.js';

const returned = command({
  type: 'RecordReturnToSchool',
  data: { school: { name: 'Woodlands Community College', urn: '116448' }, startDate: '2026-06-08' },
});
const close = (reason: string, extra: Record<string, string> = {}) =>
  command({ type: 'CloseCase', data: { closedOn: '2026-06-12', reason, ...extra } });
const reopen = command({
  type: 'ReopenCase',
  data: { reopenedOn: '2026-06-15', reason: 'family moved back' },
});

describe('return to school', () => {
  it('records the school and start date, the headline outcome', () => {
    given(history(referral(), allocate()).events)
      .when(returned)
      .then([
        {
          type: 'ReturnedToSchool',
          data: {
            school: { name: 'Woodlands Community College', urn: '116448' },
            startDate: '2026-06-08',
            recordedBy: 'manager-1',
          },
        },
      ]);
  });

  it('needs a school', () => {
    given(history(referral(), allocate()).events)
      .when(command({ type: 'RecordReturnToSchool', data: { startDate: '2026-06-08' } as never }))
      .then('field_required', 'school');
  });

  it('may start on a day ahead, but not before the referral', () => {
    const ahead = command({
      type: 'RecordReturnToSchool',
      data: { school: { name: 'W' }, startDate: '2026-06-22' },
    });
    given(history(referral()).events).when(ahead).thenAccepted();
    const before = command({
      type: 'RecordReturnToSchool',
      data: { school: { name: 'W' }, startDate: '2026-05-20' },
    });
    given(history(referral()).events).when(before).then('date_before_referral', 'startDate');
  });
});

describe('closure', () => {
  it('as returned to school stops every clock', () => {
    const { events, state } = history(referral(), returned, close('returned_to_school'));
    expect(events.at(-1)).toEqual({
      type: 'EheCaseClosed',
      data: { closedOn: '2026-06-12', reason: 'returned_to_school', closedBy: 'manager-1' },
    });
    expect(state.status).toBe('closed');
    expect(state.clocks).toEqual({});
  });

  it('as returned to school needs the return recorded', () => {
    given(history(referral()).events)
      .when(close('returned_to_school'))
      .then('return_to_school_not_recorded', 'reason');
  });

  it('with a reason not in the policy list is refused', () => {
    given(history(referral()).events).when(close('bored')).then('invalid_reason_code', 'reason');
  });

  it('as "other" needs the reason in words', () => {
    given(history(referral()).events).when(close('other')).then('reason_text_required', 'reasonText');
    given(history(referral()).events)
      .when(close('other', { reasonText: 'duplicate referral' }))
      .thenAccepted();
  });

  it('as moved out of the area names the council told', () => {
    given(history(referral()).events)
      .when(close('moved_out_of_area'))
      .then('field_required', 'receivingCouncil');
    given(history(referral()).events)
      .when(close('moved_out_of_area', { receivingCouncil: 'Hampshire County Council' }))
      .thenAccepted();
  });

  it('at the end of compulsory school age only once the child has reached it', () => {
    given(history(referral()).events)
      .when(close('end_of_compulsory_school_age'))
      .then('still_of_compulsory_school_age', 'closedOn');
  });

  it('as reclassified as CME goes through reclassification, which opens the CME case and leaves this one open', () => {
    given(history(referral()).events)
      .when(close('reclassified_as_cme'))
      .then('invalid_reason_code', 'reason');
    given(history(referral()).events)
      .when(
        command({
          type: 'ReclassifyAsCme',
          data: {
            reclassifiedOn: '2026-06-12',
            cmeCaseId: CME_CASE_ID,
            reason: 'education unsuitable, no school',
          },
        }),
      )
      .then([
        {
          type: 'ReclassifiedAsCme',
          data: {
            reclassifiedOn: '2026-06-12',
            cmeCaseId: CME_CASE_ID,
            reason: 'education unsuitable, no school',
            decidedBy: 'manager-1',
          },
        },
      ]);
  });
});

describe('a closed case', () => {
  const closed = () => history(referral(), allocate(), close('other', { reasonText: 'duplicate' })).events;

  it('can be reopened, and returns to work', () => {
    given(closed())
      .when(reopen)
      .then([
        {
          type: 'EheCaseReopened',
          data: { reopenedOn: '2026-06-15', reason: 'family moved back', reopenedBy: 'manager-1' },
        },
      ]);
    expect(history(referral(), allocate(), close('other', { reasonText: 'x' }), reopen).state.status).toBe(
      'open',
    );
  });

  it('reopened after a return to school, can record a new return', () => {
    const { events } = history(referral(), allocate(), returned, close('returned_to_school'), reopen);
    given(events).when(returned).thenAccepted();
  });

  it('an open case cannot be reopened', () => {
    given(history(referral()).events).when(reopen).then('case_not_closed');
  });

  it('cannot be reopened before it closed', () => {
    given(closed())
      .when(command({ type: 'ReopenCase', data: { reopenedOn: '2026-06-11', reason: 'r' } }))
      .then('date_before_previous_step', 'reopenedOn');
  });

  const anyBody: Record<string, unknown> = {
    RecordContactAttempt: { attemptedOn: '2026-06-12', method: 'phone', outcome: 'contact_made' },
    AllocateCase: { officerId: 'o', allocatedOn: '2026-06-12' },
    CloseCase: { closedOn: '2026-06-12', reason: 'died' },
    RecordReturnToSchool: { school: { name: 'W' }, startDate: '2026-06-12' },
    ChangePriorityFlags: { changedOn: '2026-06-12', flags: ['ehcp'], toldBy: 'school' },
  };

  for (const [type, data] of Object.entries(anyBody)) {
    it(`refuses ${type}`, () => {
      given(closed())
        .when({ type, data } as EheCommand)
        .then('case_closed');
    });
  }

  it('answers the deadline worker with nothing: no clock is open', () => {
    for (const cmd of [
      command({ type: 'RecordDeadlineMissed', data: { clock: 'firstContact', dueOn: '2026-06-08' } }),
      command({ type: 'EscalateCase', data: { clock: 'firstContact', level: 'manager' } }),
      command({ type: 'RecordAnnualContactDue', data: { dueOn: '2027-06-12' } }),
    ]) {
      given(closed()).when(cmd).then([]);
    }
  });
});
