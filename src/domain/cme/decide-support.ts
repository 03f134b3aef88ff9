import type { IsoDate } from '../calendar/index.js';
import type { ClockName, StartedClock } from '../clocks.js';
import { computeDueDate } from '../clocks.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import type { CmeCommandOf, CmeCommandType } from './commands.js';
import type { CmeEvent } from './events.js';
import type { CmeCase, CmeState } from './state.js';
import type { Whereabouts } from './values.js';

export type Handler<T extends CmeCommandType, S> = (
  data: CmeCommandOf<T>['data'],
  state: S,
  ctx: DecideContext,
) => CmeEvent[];
/** Handlers of commands on an open case (the dispatcher has checked it is open). */
export type CaseHandlers<K extends CmeCommandType> = { [T in K]: Handler<T, CmeCase> };

/** The officer deciding a step, and the s436A duty most CME steps are taken under. */
export const s436A = (ctx: DecideContext) => ({
  legalBasis: 'EA1996_s436A' as const,
  decidedBy: ctx.actor.id,
});

export function startClock(
  ctx: DecideContext,
  clock: ClockName,
  startedOn: IsoDate,
  repeat = false,
): StartedClock {
  return computeDueDate(clock, startedOn, {
    policy: ctx.policy,
    calendar: ctx.calendar,
    priority: false,
    repeat,
  });
}

export function requireOpen(state: CmeState): CmeCase {
  if (state.status === 'none') fail.notFound('case_not_found', 'there is no CME case: refer the child first');
  if (state.status === 'closed') fail.conflict('case_closed', 'the case is closed: reopen it first');
  return state;
}

/** The code that refuses a step needing the child found somewhere else than they are. */
const wrongWhereabouts = {
  in_area: 'whereabouts_not_in_area',
  other_council_area: 'whereabouts_not_other_council_area',
} as const satisfies Partial<Record<Whereabouts['kind'], string>>;

export function requireWhereabouts(state: CmeCase, kind: keyof typeof wrongWhereabouts, what: string): void {
  if (state.whereabouts === null) {
    fail.conflict('whereabouts_unknown', `the child's whereabouts are unknown: ${what} needs them`);
  }
  if (state.whereabouts.kind !== kind) {
    fail.conflict(wrongWhereabouts[kind], `${what} needs the child found ${kind.replaceAll('_', ' ')}`);
  }
}
