import { escalationThresholds } from '../clocks.js';
import { fail } from '../decider.js';
import { schoolAgeClosureOn } from '../school-leaving.js';
import type { Handler } from './decide-support.js';
import { s436A } from './decide-support.js';
import { cmeEvent } from './events.js';
import { today } from './guards.js';
import { ageDateOfBirth, type CmeState } from './state.js';

/*
 * What the deadline worker asks for. Both commands are idempotent triggers: when the clock has since
 * stopped, moved, or already been recorded, or the case has closed, they decide nothing rather than fail,
 * because at-least-once delivery will ask twice.
 */

const rank = { none: 0, manager: 1, head_of_service: 2 } as const;

export const clockHandlers: {
  RecordDeadlineMissed: Handler<'RecordDeadlineMissed', CmeState>;
  EscalateCase: Handler<'EscalateCase', CmeState>;
  CloseAtEndOfSchoolAge: Handler<'CloseAtEndOfSchoolAge', CmeState>;
} = {
  RecordDeadlineMissed(data, state, ctx) {
    if (state.status === 'none') fail.notFound('case_not_found', 'there is no CME case');
    const clock = state.clocks[data.clock];
    const on = today(ctx);
    if (!clock || clock.dueOn !== data.dueOn || clock.missed || on <= clock.dueOn) return [];
    const missed = cmeEvent('DeadlineMissed', { clock: data.clock, dueOn: clock.dueOn, recordedOn: on });
    // Clocks the policy escalates at once (a high-risk child not yet reported) go to the manager now.
    if (!ctx.policy.escalation.immediate.includes(data.clock)) return [missed];
    return [
      missed,
      cmeEvent('CaseEscalated', { clock: data.clock, dueOn: clock.dueOn, level: 'manager', escalatedOn: on }),
    ];
  },

  EscalateCase(data, state, ctx) {
    if (state.status === 'none') fail.notFound('case_not_found', 'there is no CME case');
    const clock = state.clocks[data.clock];
    if (!clock || rank[clock.escalation] >= rank[data.level]) return [];
    const on = today(ctx);
    const thresholds = escalationThresholds(data.clock, clock.dueOn, ctx);
    if (on <= (data.level === 'manager' ? thresholds.manager : thresholds.headOfService)) return [];
    // Escalation implies the miss: a lost RecordDeadlineMissed job is made good here, as in an EHE case.
    const missed = clock.missed
      ? []
      : [cmeEvent('DeadlineMissed', { clock: data.clock, dueOn: clock.dueOn, recordedOn: on })];
    return [
      ...missed,
      cmeEvent('CaseEscalated', {
        clock: data.clock,
        dueOn: clock.dueOn,
        level: data.level,
        escalatedOn: on,
      }),
    ];
  },

  /**
   * The s.436A duty is to children of compulsory school age: it ends at the end of the school leaving date
   * (EA 1996 s.8(3)), traced or not (an untraced case never closes for being old, but does for age: CME
   * statutory guidance 2025, and decide-outcome.ts `closableWhileUntraced`).
   */
  CloseAtEndOfSchoolAge({ leavingDate }, state, ctx) {
    if (state.status === 'none') fail.notFound('case_not_found', 'there is no CME case');
    const closedOn = schoolAgeClosureOn(
      ageDateOfBirth(state)?.dateOfBirth,
      leavingDate,
      state.openedOn,
      today(ctx),
    );
    if (closedOn === undefined) return [];
    return [
      cmeEvent('CmeCaseClosed', {
        closedOn,
        destination: 'end_of_compulsory_school_age',
        reasonText: `The school leaving date was ${leavingDate} (EA 1996 s.8(3)); closed by the daily sweep.`,
        ...s436A(ctx),
      }),
    ];
  },
};
