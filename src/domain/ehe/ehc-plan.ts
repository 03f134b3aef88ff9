import type { IsoDate } from '../calendar/index.js';
import type { PriorityFlag } from '../policy.js';
import type { School } from './values.js';

/**
 * The child's EHC plan as a fact with a history, because the School Attendance Order route branches on it as
 * at the day of each step: ss.438 and 440 apply only to a child "other than a child for whom the [local
 * authority] maintain an EHC plan" (s.440(1); s.438's heading "Choice of school: child without EHC plan"),
 * and for a child with a plan the order names the school the plan names (EA 1996 s.441; the English text was
 * not retrieved, this follows its Welsh twin s.441A(1): "that school must be named in the order").
 *
 * When a plan is maintained comes from the `ehcp` priority flag (the referral's flags, then each change), so
 * streams written before the plan was modelled need no upcaster; the school it names comes from
 * `EhcPlanSchoolRecorded`.
 */
export interface EhcPlanHistory {
  /** The periods a plan was maintained: from the day the flag was set, until (not including) `to`. */
  periods: { from: IsoDate; to: IsoDate | null }[];
  /** Each school the plan was recorded as naming (null: it names none), from the day recorded. */
  namedSchools: { from: IsoDate; school: School | null }[];
  /** A request that the plan be amended to name a school, not yet answered by a recorded plan school. */
  amendmentRequestedOn: IsoDate | null;
}

export interface EhcPlanOn {
  /** The day the period the plan belongs to began. */
  maintainedFrom: IsoDate;
  /** The school the plan names on that day, or null when it names none (or none is recorded). */
  namedSchool: School | null;
}

export const initialEhcPlan = (): EhcPlanHistory => ({
  periods: [],
  namedSchools: [],
  amendmentRequestedOn: null,
});

/** A flag set opens a period, a flag removed closes the open one: the plan's history from the flags. */
export function planFromFlags(
  plan: EhcPlanHistory,
  flags: readonly PriorityFlag[],
  on: IsoDate,
): EhcPlanHistory {
  const open = plan.periods.at(-1)?.to === null;
  const has = flags.includes('ehcp');
  if (has && !open) return { ...plan, periods: [...plan.periods, { from: on, to: null }] };
  if (!has && open) {
    const periods = plan.periods.map((p, i) => (i === plan.periods.length - 1 ? { ...p, to: on } : p));
    return { ...plan, periods, amendmentRequestedOn: null };
  }
  return plan;
}

export function withPlanSchool(plan: EhcPlanHistory, school: School | null, on: IsoDate): EhcPlanHistory {
  return {
    ...plan,
    namedSchools: [...plan.namedSchools, { from: on, school }],
    amendmentRequestedOn: school === null ? plan.amendmentRequestedOn : null,
  };
}

/**
 * The plan as at `date`: null when no plan is maintained that day. A school recorded in an earlier period
 * does not carry over to a later plan: a new plan names its own school.
 */
export function planOn(plan: EhcPlanHistory, date: IsoDate): EhcPlanOn | null {
  const period = plan.periods.findLast((p) => p.from <= date && (p.to === null || date < p.to));
  if (!period) return null;
  const named = plan.namedSchools.findLast((n) => n.from >= period.from && n.from <= date);
  return { maintainedFrom: period.from, namedSchool: named?.school ?? null };
}
