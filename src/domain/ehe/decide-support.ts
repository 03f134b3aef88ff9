import type { IsoDate } from '../calendar/index.js';
import { londonDate } from '../calendar/index.js';
import type { ClockName, StartedClock } from '../clocks.js';
import { computeDueDate } from '../clocks.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import type { EheCommandOf, EheCommandType, School } from './commands.js';
import type { EheEvent } from './events.js';
import type { EheState } from './state.js';

export type Handler<T extends EheCommandType> = (
  data: EheCommandOf<T>['data'],
  state: EheState,
  ctx: DecideContext,
) => EheEvent[];
export type Handlers<K extends EheCommandType> = { [T in K]: Handler<T> };

/** Today in Europe/London: what "in the future" and "missed" are measured against. */
export const today = (ctx: DecideContext): IsoDate => londonDate(ctx.now);

/** A business date must have happened, and cannot precede the referral that opened the case. */
export function checkDate(ctx: DecideContext, state: EheState, date: IsoDate, field: string): void {
  if (date > today(ctx)) fail.invalid('date_in_future', `${field} ${date} is after today`, field);
  if (state.referredOn !== null && date < state.referredOn) {
    fail.invalid(
      'date_before_referral',
      `${field} ${date} is before the referral on ${state.referredOn}`,
      field,
    );
  }
}

/** A step cannot be dated before the step it follows. */
export function checkNotBefore(date: IsoDate, earlier: IsoDate, field: string, what: string): void {
  if (date < earlier)
    fail.invalid('date_before_previous_step', `${field} ${date} is before ${what} on ${earlier}`, field);
}

export function startClock(
  ctx: DecideContext,
  clock: ClockName,
  startedOn: IsoDate,
  options: { priority?: boolean; periodDays?: number; schoolId?: string } = {},
): StartedClock {
  return computeDueDate(clock, startedOn, {
    policy: ctx.policy,
    calendar: ctx.calendar,
    priority: options.priority ?? false,
    ...(options.periodDays === undefined ? {} : { periodDays: options.periodDays }),
    ...(options.schoolId === undefined ? {} : { schoolId: options.schoolId }),
  });
}

/** Two records of a school are the same school when their URNs (or, without URNs, their names) match. */
export function sameSchool(a: School, b: School): boolean {
  if (a.urn !== undefined && b.urn !== undefined) return a.urn === b.urn;
  return a.name.trim().toLowerCase() === b.name.trim().toLowerCase();
}
