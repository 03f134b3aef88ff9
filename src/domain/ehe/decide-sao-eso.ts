import { compulsorySchoolAge, type IsoDate } from '../calendar/index.js';
import type { StartedClock } from '../clocks.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import { type Handlers, startClock } from './decide-support.js';
import type { EheEvent } from './events.js';
import { eheEvent } from './events.js';
import { checkDate, checkNotBefore } from './guards.js';
import { requireCompulsorySchoolAge, statutory } from './sao-guards.js';
import type { EheState } from './state.js';

export type SaoEsoCommandType =
  | 'RecordChildrensServicesConsultation'
  | 'RecordEsoApplication'
  | 'RecordEsoDecision'
  | 'RecordEsoExtension'
  | 'RecordEsoDischarge';

/**
 * When the education supervision order ends. Children Act 1989 Sch. 3 para 15 was not in the stored statute
 * text: its length is the policy's `esoInForce` (12 months by default), counted as a period beginning with
 * the day it is made (so the day before the anniversary), and, as an ESO concerns a child of compulsory
 * school age, never past the school leaving date. Both readings are unverified: check para 15 before release.
 */
function esoInForce(ctx: DecideContext, state: EheState, from: IsoDate, courtSetEnd?: IsoDate) {
  const full = courtSetEnd ?? ctx.calendar.addCalendarDays(startClock(ctx, 'esoInForce', from).dueOn, -1);
  const leavingDate = state.dateOfBirth === null ? undefined : compulsorySchoolAge(state.dateOfBirth).end;
  const endsWithSchoolAge = leavingDate !== undefined && leavingDate < full;
  const expiresOn = endsWithSchoolAge ? leavingDate : full;
  const clock: StartedClock = {
    clock: 'esoInForce',
    startedOn: from,
    dueOn: expiresOn,
    policyVersion: ctx.policy.version,
    dayType: 'calendar',
  };
  return { expiresOn, endsWithSchoolAge, clocksStarted: [clock] };
}

function requireEso(state: EheState, status: EheState['sao']['enforcement']['eso'], what: string): void {
  if (state.sao.enforcement.eso !== status) fail.conflict('sao_step_out_of_order', what);
}

/** The education supervision order (s.447, Children Act 1989 s.36): consultation, application, its life. */
export const saoEsoHandlers: Handlers<SaoEsoCommandType> = {
  RecordChildrensServicesConsultation(data, state, ctx) {
    checkDate(ctx, state, data.consultedOn, 'consultedOn');
    const { enforcement } = state.sao;
    if (state.sao.esoDirection !== 'awaiting_answer' || enforcement.directedOn === undefined)
      fail.conflict('sao_step_out_of_order', "children's services are consulted on a court's direction");
    checkNotBefore(data.consultedOn, enforcement.directedOn, 'consultedOn', "the court's direction");
    return [
      eheEvent('ChildrensServicesConsultedOnEso', {
        ...data,
        ...statutory(ctx, 'esoChildrensServicesConsulted'),
      }),
    ];
  },

  RecordEsoApplication(data, state, ctx) {
    checkDate(ctx, state, data.appliedOn, 'appliedOn');
    const { sao } = state;
    // s.447(1) an ESO instead of or as well as prosecuting an order's breach; s.447(2) on a court's direction.
    if (sao.stage !== 'order_in_force' && sao.esoDirection !== 'awaiting_answer')
      fail.conflict(
        'sao_step_out_of_order',
        'an ESO is applied for on a School Attendance Order or a direction',
      );
    if (sao.enforcement.eso === 'applied' || sao.enforcement.eso === 'in_force')
      fail.conflict('sao_step_out_of_order', 'an ESO application or order is already under way');
    if (sao.order) checkNotBefore(data.appliedOn, sao.order.servedOn, 'appliedOn', 'service of the order');
    requireCompulsorySchoolAge(state, data.appliedOn, 'appliedOn');
    return [eheEvent('EsoApplied', { ...data, ...statutory(ctx, 'esoOrder') })];
  },

  RecordEsoDecision(data, state, ctx) {
    checkDate(ctx, state, data.decidedOn, 'decidedOn');
    requireEso(state, 'applied', 'no ESO application awaits a decision');
    const { schoolAttendanceOrderCeases: ceases, decidedOn } = data;
    if (data.outcome === 'made') {
      if (ceases)
        fail.invalid(
          'contradictory_fields',
          'only a court refusing an ESO may end the order (s.447(5))',
          'schoolAttendanceOrderCeases',
        );
      requireCompulsorySchoolAge(state, decidedOn, 'decidedOn');
      const ends = esoInForce(ctx, state, decidedOn);
      const supervisor = data.supervisor === undefined ? {} : { supervisor: data.supervisor };
      return [
        eheEvent('EsoMade', { madeOn: decidedOn, ...supervisor, ...ends, ...statutory(ctx, 'esoOrder') }),
      ];
    }
    const events: EheEvent[] = [
      eheEvent('EsoRefused', {
        decidedOn,
        schoolAttendanceOrderCeases: ceases,
        ...statutory(ctx, 'esoOrder'),
      }),
    ];
    if (ceases) {
      // s.447(5): the court finding s.36(3) CA 1989 prevents the ESO "may direct that the school attendance
      // order shall cease to be in force".
      if (state.sao.stage !== 'order_in_force')
        fail.conflict(
          'sao_step_out_of_order',
          'no School Attendance Order is in force to cease',
          'schoolAttendanceOrderCeases',
        );
      events.push(
        eheEvent('SchoolAttendanceOrderEndedByCourt', {
          endedOn: decidedOn,
          ground: 's447_5',
          ...statutory(ctx, 'orderEndedNoEso'),
        }),
      );
    }
    return events;
  },

  RecordEsoExtension(data, state, ctx) {
    checkDate(ctx, state, data.extendedOn, 'extendedOn');
    requireEso(state, 'in_force', 'no ESO is in force to extend');
    const current = state.sao.enforcement.esoExpiresOn!;
    if (data.expiresOn <= current)
      fail.invalid('eso_extension_not_later', `the order already runs to ${current}`, 'expiresOn');
    requireCompulsorySchoolAge(state, data.extendedOn, 'extendedOn');
    const ends = esoInForce(ctx, state, data.extendedOn, data.expiresOn);
    return [eheEvent('EsoExtended', { extendedOn: data.extendedOn, ...ends, ...statutory(ctx, 'esoOrder') })];
  },

  RecordEsoDischarge(data, state, ctx) {
    checkDate(ctx, state, data.dischargedOn, 'dischargedOn');
    requireEso(state, 'in_force', 'no ESO is in force to discharge');
    return [eheEvent('EsoDischarged', { ...data, ...statutory(ctx, 'esoOrder') })];
  },
};
