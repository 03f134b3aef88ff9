import { type IsoDate, isOfCompulsorySchoolAge } from '../calendar/index.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import type { School } from './commands.js';
import { sameSchool } from './decide-support.js';
import { type EhcPlanOn, planOn } from './ehc-plan.js';
import { today } from './guards.js';
import { legalBasisFor, type StatutoryStep } from './legal-basis.js';
import type { EheState, SaoStage, SaoState } from './state.js';

/** The checks the School Attendance Order steps share (decide-sao*.ts). */

export const statutory = (ctx: DecideContext, step: StatutoryStep) => ({
  legalBasis: legalBasisFor(step),
  decidedBy: ctx.actor.id,
});

export function requireStage(sao: SaoState, allowed: readonly SaoStage[], step: string): void {
  if (!allowed.includes(sao.stage)) {
    fail.conflict('sao_step_out_of_order', `${step} cannot follow ${sao.stage.replaceAll('_', ' ')}`);
  }
}

/**
 * EA 1996 s.437(1) is a duty towards "a child of compulsory school age", and an order continues in force only
 * "for so long as the child is of compulsory school age" (s.437(4)), which ends "at the end of the day which
 * is the school leaving date" (s.8(3)): no notice, order or amendment takes effect outside that age.
 */
export function requireCompulsorySchoolAge(state: EheState, on: IsoDate, field: string): void {
  if (state.dateOfBirth !== null && !isOfCompulsorySchoolAge(state.dateOfBirth, on)) {
    fail.invalid('not_of_compulsory_school_age', `the child is not of compulsory school age on ${on}`, field);
  }
}

/** A period "beginning with" service has expired only once the London date is after its last day. */
export function checkExpired(
  ctx: DecideContext,
  endsOn: IsoDate,
  on: IsoDate,
  field: string,
  what: string,
): void {
  if (on <= endsOn || today(ctx) <= endsOn) {
    fail.conflict('notice_period_not_expired', `${what} runs until the end of ${endsOn}`, field);
  }
}

export function orderInForce(state: EheState): NonNullable<SaoState['order']> {
  const { order } = state.sao;
  if (state.sao.stage !== 'order_in_force' || !order)
    fail.conflict('sao_step_out_of_order', 'no School Attendance Order is in force');
  return order;
}

/** The stages of a route in which no order has yet been served. */
export const beforeAnOrder: readonly SaoStage[] = [
  'notice_served',
  'not_satisfied',
  'expedient',
  'notice_of_intention_served',
  'school_chosen',
];

export const isNamed = (schools: readonly School[], school: School) =>
  schools.some((s) => sameSchool(s, school));

/**
 * ss.438 and 440 are for a "child without EHC plan" (s.438's heading; s.440(1) "other than a child for whom
 * the [local authority] maintain an EHC plan"): refused for a child with a plan on the day of the step.
 */
export function refuseForChildWithPlan(state: EheState, on: IsoDate, step: string, field: string): void {
  if (planOn(state.ehcPlan, on)) {
    fail.conflict(
      'not_for_child_with_ehc_plan',
      `${step} is for a child without an EHC plan; on ${on} the council maintains one: the order names the plan's school (s.441)`,
      field,
    );
  }
}

/**
 * For a child with an EHC plan the order names the plan's school (EA 1996 s.441, cited without a subsection:
 * modelled on s.441A(1) "that school must be named in the order"); a plan naming none blocks the step.
 */
export function checkPlanSchool(state: EheState, plan: EhcPlanOn, school: School, on: IsoDate): void {
  const { namedSchool } = plan;
  if (namedSchool === null) {
    const requested = state.ehcPlan.amendmentRequestedOn;
    fail.conflict(
      'ehc_plan_names_no_school',
      `the child's EHC plan names no school on ${on}: ` +
        (requested
          ? `the amendment requested on ${requested} must name one; record it (RecordEhcPlanSchool) first`
          : 'request that the plan be amended to name one (RequestEhcPlanAmendment), then record the school'),
      'school',
    );
  }
  if (!sameSchool(namedSchool, school)) {
    fail.conflict(
      'school_not_named_in_plan',
      `the order names the school the EHC plan names: ${namedSchool.name}`,
      'school',
    );
  }
}
