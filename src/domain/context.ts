import type { Calendar } from './calendar/index.js';
import { createCalendar } from './calendar/index.js';
import type { Policy } from './policy.js';
import type { Role } from './roles.js';

/** What `decide` may know besides the case: the time, the council's policy and calendar, and who acts. */
export interface DecideContext {
  now: Date;
  policy: Policy;
  calendar: Calendar;
  actor: { id: string; role: Role };
}

/** A context whose calendar is the policy's own (closure days, term dates), so the two cannot disagree. */
export function decideContext(now: Date, policy: Policy, actor: DecideContext['actor']): DecideContext {
  return { now, policy, calendar: createCalendar(policy.calendar), actor };
}
