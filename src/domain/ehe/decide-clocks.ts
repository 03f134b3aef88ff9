import { escalationThresholds } from '../clocks.js';
import type { Handlers } from './decide-support.js';
import type { EheEvent } from './events.js';
import { eheEvent } from './events.js';
import { today } from './guards.js';

const rank = { none: 0, manager: 1, head_of_service: 2 } as const;

/**
 * What the deadline worker asks for. Each is idempotent and silent: when there is nothing (more) to record
 * (the clock stopped, moved to another due date, is not yet due, or was already recorded) it returns [].
 */
export const clockHandlers: Handlers<'RecordDeadlineMissed' | 'EscalateCase' | 'RecordAnnualContactDue'> = {
  RecordDeadlineMissed({ clock, dueOn }, state, ctx) {
    const open = state.clocks[clock];
    if (!open || open.dueOn !== dueOn || open.missed || today(ctx) <= dueOn) return [];
    return [eheEvent('DeadlineMissed', { clock, dueOn, recordedOn: today(ctx) })];
  },

  EscalateCase({ clock, level }, state, ctx) {
    const open = state.clocks[clock];
    if (!open || rank[open.escalation] >= rank[level]) return [];
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
};
