import { escalationThresholds, isExpiryClock } from '../clocks.js';
import { schoolAgeClosureOn } from '../school-leaving.js';
import type { Handlers } from './decide-support.js';
import type { EheEvent } from './events.js';
import { eheEvent } from './events.js';
import { today } from './guards.js';
import { legalBasisFor } from './legal-basis.js';

const rank = { none: 0, manager: 1, head_of_service: 2 } as const;

/**
 * What the deadline worker asks for. Each is idempotent and silent: when there is nothing (more) to record
 * (the clock stopped, moved to another due date, is not yet due, or was already recorded) it returns [].
 */
export const clockHandlers: Handlers<
  | 'RecordDeadlineMissed'
  | 'EscalateCase'
  | 'RecordAnnualContactDue'
  | 'RecordClockExpiry'
  | 'CloseAtEndOfSchoolAge'
> = {
  RecordDeadlineMissed({ clock, dueOn }, state, ctx) {
    const open = state.clocks[clock];
    // An expiry clock's date passing is not a deadline missed (clocks.ts `expiryClocks`).
    if (isExpiryClock(clock) || !open || open.dueOn !== dueOn || open.missed || today(ctx) <= dueOn)
      return [];
    return [eheEvent('DeadlineMissed', { clock, dueOn, recordedOn: today(ctx) })];
  },

  EscalateCase({ clock, level }, state, ctx) {
    const open = state.clocks[clock];
    if (isExpiryClock(clock) || !open || rank[open.escalation] >= rank[level]) return [];
    const threshold = escalationThresholds(clock, open.dueOn, ctx)[
      level === 'manager' ? 'manager' : 'headOfService'
    ];
    const on = today(ctx);
    if (on <= threshold) return [];
    const events: EheEvent[] = [];
    if (!open.missed) events.push(eheEvent('DeadlineMissed', { clock, dueOn: open.dueOn, recordedOn: on }));
    events.push(eheEvent('CaseEscalated', { clock, dueOn: open.dueOn, level, escalatedOn: on }));
    return events;
  },

  RecordAnnualContactDue({ dueOn }, state, ctx) {
    const open = state.clocks.annualContact;
    if (!open || open.dueOn !== dueOn || open.reminded) return [];
    const remindOn = open.remindOn ?? dueOn;
    if (today(ctx) < remindOn) return [];
    return [eheEvent('AnnualContactDue', { dueOn, remindOn, recordedOn: today(ctx) })];
  },

  /** What ends by itself once an expiry clock's date has passed: the day after, never on it. */
  RecordClockExpiry({ clock, dueOn }, state, ctx) {
    const open = state.clocks[clock];
    const on = today(ctx);
    if (!isExpiryClock(clock) || !open || open.dueOn !== dueOn || on <= dueOn) return [];
    switch (clock) {
      case 'saoInForce':
        // s.437(4) "for so long as the child is of compulsory school age"; s.8(3) "at the end of the day
        // which is the school leaving date": in force through dueOn, recorded the day after.
        if (state.sao.stage !== 'order_in_force') return [];
        return [
          eheEvent('SchoolAttendanceOrderLapsed', {
            inForceUntil: dueOn,
            recordedOn: on,
            legalBasis: legalBasisFor('orderLapsed'),
          }),
        ];
      case 'esoInForce':
        if (state.sao.enforcement.eso !== 'in_force') return [];
        return [
          eheEvent('EsoExpired', {
            inForceUntil: dueOn,
            recordedOn: on,
            legalBasis: legalBasisFor('esoOrder'),
          }),
        ];
      case 'governingBodyDirection':
        return [eheEvent('GoverningBodyDirectionPeriodEnded', { endedOn: dueOn, recordedOn: on })];
      default:
        return [];
    }
  },

  /**
   * The home education duty ends with compulsory school age (EA 1996 s.7, s.8(3)), so the case stops being
   * counted and worked. Not while a s.443 prosecution is pending: the offence was committed while the child
   * was of school age and the court still needs the case, so it stays open and the dashboard lists it under
   * `pastSchoolAge` for a manager to close once the court has decided.
   */
  CloseAtEndOfSchoolAge({ leavingDate }, state, ctx) {
    if (state.referredOn === null || state.sao.prosecution === 'started') return [];
    const closedOn = schoolAgeClosureOn(state.dateOfBirth, leavingDate, state.referredOn, today(ctx));
    if (closedOn === undefined) return [];
    const events: EheEvent[] = [];
    // The order ends with school age (s.437(4)) whichever of the sweep's two jobs runs first.
    if (state.sao.stage === 'order_in_force') {
      events.push(
        eheEvent('SchoolAttendanceOrderLapsed', {
          inForceUntil: leavingDate,
          recordedOn: today(ctx),
          legalBasis: legalBasisFor('orderLapsed'),
        }),
      );
    }
    events.push(
      eheEvent('EheCaseClosed', {
        closedOn,
        reason: 'end_of_compulsory_school_age',
        reasonText: `The school leaving date was ${leavingDate} (EA 1996 s.8(3)); closed by the daily sweep.`,
        closedBy: ctx.actor.id,
      }),
    );
    return events;
  },
};
