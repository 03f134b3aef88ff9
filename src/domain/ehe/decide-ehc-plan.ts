import { fail } from '../decider.js';
import { type Handlers, sameSchool, startClock } from './decide-support.js';
import { planOn } from './ehc-plan.js';
import { eheEvent } from './events.js';
import { checkDate } from './guards.js';
import { statutory } from './sao-guards.js';
import type { EheState } from './state.js';

export type EhcPlanCommandType = 'RecordEhcPlanSchool' | 'RequestEhcPlanAmendment';

function requirePlan(state: EheState, on: string, field: string) {
  const plan = planOn(state.ehcPlan, on);
  if (!plan) fail.conflict('no_ehcp', `the child has no EHC plan on ${on}`, field);
  return plan;
}

/**
 * The EHC plan's school and the request that the plan name one. When a plan is maintained is the `ehcp`
 * priority flag (ChangePriorityFlags); these record what the School Attendance Order route needs from it.
 */
export const ehcPlanHandlers: Handlers<EhcPlanCommandType> = {
  RecordEhcPlanSchool(data, state, ctx) {
    checkDate(ctx, state, data.recordedOn, 'recordedOn');
    const plan = requirePlan(state, data.recordedOn, 'recordedOn');
    const previous = plan.namedSchool;
    const unchanged =
      previous === null || data.namedSchool === null
        ? previous === data.namedSchool
        : sameSchool(previous, data.namedSchool);
    if (unchanged)
      fail.conflict('ehc_plan_school_unchanged', 'the plan already names this school', 'namedSchool');
    const recorded = eheEvent('EhcPlanSchoolRecorded', {
      ...data,
      previousSchool: previous,
      recordedBy: ctx.actor.id,
    });
    // s.441 on the model of s.441A(2)-(3): when the school the plan names changes (or a plan naming a school
    // begins) while an order is in force, "the local authority must amend the order accordingly". A duty,
    // not a choice: the same decision amends the order.
    const { order } = state.sao;
    const amends =
      state.sao.stage === 'order_in_force' &&
      order !== undefined &&
      data.namedSchool !== null &&
      data.recordedOn >= order.servedOn &&
      !sameSchool(order.school, data.namedSchool);
    if (!amends || data.namedSchool === null) return [recorded];
    const school = data.namedSchool;
    const clock = startClock(ctx, 'saoCompliance', data.recordedOn, { schoolId: school.schoolId });
    return [
      recorded,
      eheEvent('SchoolAttendanceOrderAmended', {
        initiatedBy: 'ehc_plan',
        amendedOn: data.recordedOn,
        school,
        parentRequest: null,
        ...statutory(ctx, 'orderAmendedForPlan'),
        clocksStarted: [clock],
      }),
    ];
  },

  RequestEhcPlanAmendment(data, state, ctx) {
    checkDate(ctx, state, data.requestedOn, 'requestedOn');
    requirePlan(state, data.requestedOn, 'requestedOn');
    if (state.ehcPlan.amendmentRequestedOn !== null) {
      fail.conflict(
        'ehc_plan_amendment_pending',
        `an amendment of the plan was requested on ${state.ehcPlan.amendmentRequestedOn}: record the school it names`,
      );
    }
    // The plan itself is amended under the Children and Families Act 2014, not here; the request is recorded
    // because an order for a child with a plan names the plan's school (s.441), so it waits for one.
    return [eheEvent('EhcPlanAmendmentRequested', { ...data, ...statutory(ctx, 'ehcPlanAmendmentRequest') })];
  },
};
