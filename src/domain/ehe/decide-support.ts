import type { IsoDate } from '../calendar/index.js';
import type { ClockName, StartedClock } from '../clocks.js';
import { computeDueDate } from '../clocks.js';
import type { DecideContext } from '../context.js';
import type { EheCommandOf, EheCommandType, School } from './commands.js';
import type { EheEvent } from './events.js';
import type { EheState } from './state.js';

export type Handler<T extends EheCommandType> = (
  data: EheCommandOf<T>['data'],
  state: EheState,
  ctx: DecideContext,
) => EheEvent[];
export type Handlers<K extends EheCommandType> = { [T in K]: Handler<T> };

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
