import { escalationThresholds } from '../clocks.js';
import type { DecideContext } from '../context.js';
import { DomainError } from '../decider.js';
import type { CmeCommandOf } from './commands.js';
import { type CmeEvent, cmeEvent } from './events.js';
import { today } from './guards.js';
import type { CmeState } from './state.js';

/*
 * What the deadline worker asks for. Both commands are idempotent triggers: when the clock has since
 * stopped, moved, or already been recorded, or the case has closed, they decide nothing rather than fail,
 * because at-least-once delivery will ask twice.
 */

function recordDeadlineMissed(
  command: CmeCommandOf<'RecordDeadlineMissed'>,
  state: CmeState,
  context: DecideContext,
) {
  if (state.status === 'none') throw new DomainError('case_not_found', 'there is no CME case');
  const clock = state.openClocks[command.clock];
  const on = today(context);
  if (!clock || clock.dueOn !== command.dueOn || clock.missedOn !== undefined || on <= clock.dueOn) return [];
  const missed = cmeEvent('DeadlineMissed', { clock: command.clock, dueOn: clock.dueOn, missedOn: on });
  // Clocks the policy escalates at once (a high-risk child not yet reported) go to the manager now.
  if (!context.policy.escalation.immediate.includes(command.clock)) return [missed];
  return [
    missed,
    cmeEvent('CaseEscalated', {
      clock: command.clock,
      dueOn: clock.dueOn,
      level: 'manager',
      escalatedOn: on,
    }),
  ];
}

function escalate(command: CmeCommandOf<'EscalateCase'>, state: CmeState, context: DecideContext) {
  if (state.status === 'none') throw new DomainError('case_not_found', 'there is no CME case');
  const clock = state.openClocks[command.clock];
  if (!clock || clock.missedOn === undefined || clock.escalated[command.level] !== undefined) return [];
  if (command.level === 'head_of_service' && clock.escalated.manager === undefined) return [];
  const on = today(context);
  const threshold = escalationThresholds(command.clock, clock.dueOn, context)[
    command.level === 'manager' ? 'manager' : 'headOfService'
  ];
  if (on <= threshold) return [];
  return [
    cmeEvent('CaseEscalated', {
      clock: command.clock,
      dueOn: clock.dueOn,
      level: command.level,
      escalatedOn: on,
    }),
  ];
}

export function decideClockCommand(
  command: CmeCommandOf<'RecordDeadlineMissed' | 'EscalateCase'>,
  state: CmeState,
  context: DecideContext,
): CmeEvent[] {
  return command.type === 'RecordDeadlineMissed'
    ? recordDeadlineMissed(command, state, context)
    : escalate(command, state, context);
}
