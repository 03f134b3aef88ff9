import type { Calendar } from './calendar/index.js';
import type { Policy } from './policy.js';
import type { Role } from './roles.js';

/** What `decide` may know besides the case: the time, the council's policy and calendar, and who acts. */
export interface DecideContext {
  now: Date;
  policy: Policy;
  calendar: Calendar;
  actor: { id: string; role: Role };
}
