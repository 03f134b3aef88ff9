import { type IsoDate, isOfCompulsorySchoolAge } from '../calendar/index.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import type { School } from './commands.js';
import { sameSchool } from './decide-support.js';
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
