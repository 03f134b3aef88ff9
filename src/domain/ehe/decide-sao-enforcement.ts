import type { StartedClock } from '../clocks.js';
import { fail } from '../decider.js';
import { type Handlers, startClock } from './decide-support.js';
import type { EheEvent } from './events.js';
import { eheEvent } from './events.js';
import { checkDate, checkNotBefore } from './guards.js';
import { checkOffencePeriod } from './offence-period.js';
import { orderInForce, requireCompulsorySchoolAge, statutory } from './sao-guards.js';

export type SaoEnforcementCommandType =
  | 'ConsiderEso'
  | 'StartProsecution'
  | 'RecordProsecutionOutcome'
  | 'RecordEsoDirection'
  | 'AnswerEsoDirection';

/** When an order is not complied with: an education supervision order considered (s.447), prosecution (s.443), a court's direction. */
export const saoEnforcementHandlers: Handlers<SaoEnforcementCommandType> = {
  ConsiderEso(data, state, ctx) {
    checkDate(ctx, state, data.consideredOn, 'consideredOn');
    const order = orderInForce(state);
    if (order.complied) fail.conflict('sao_step_out_of_order', 'the order has been complied with');
    // s.437(4): past the school leaving date the order has lapsed, whether or not the worker has yet said so.
    requireCompulsorySchoolAge(state, data.consideredOn, 'consideredOn');
    return [eheEvent('EsoConsidered', { ...data, ...statutory(ctx, 'esoConsidered') })];
  },

  StartProsecution(data, state, ctx) {
    checkDate(ctx, state, data.startedOn, 'startedOn');
    const order = orderInForce(state);
    if (order.complied) fail.conflict('sao_step_out_of_order', 'the order has been complied with');
    if (state.sao.prosecution === 'started')
      fail.conflict('sao_step_out_of_order', 'a prosecution is under way');
    // s447(1): before prosecuting, the council must consider an education supervision order.
    if (!state.sao.esoConsidered)
      fail.conflict('eso_not_considered', 'consider an education supervision order first');
    requireCompulsorySchoolAge(state, data.startedOn, 'startedOn');
    checkOffencePeriod(ctx, state, order, data.offencePeriod, data.startedOn);
    return [eheEvent('ProsecutionStarted', { ...data, ...statutory(ctx, 'prosecution') })];
  },

  RecordProsecutionOutcome(data, state, ctx) {
    checkDate(ctx, state, data.decidedOn, 'decidedOn');
    if (state.sao.prosecution !== 'started')
      fail.conflict('sao_step_out_of_order', 'no prosecution awaits an outcome');
    if (data.orderCeases && data.outcome !== 'acquitted') {
      fail.invalid('contradictory_fields', 'only an acquittal can end the order', 'orderCeases');
    }
    const events: EheEvent[] = [
      eheEvent('ProsecutionOutcomeRecorded', { ...data, ...statutory(ctx, 'prosecution') }),
    ];
    // s.443(2): on an acquittal "the court may direct that the school attendance order shall cease to be in
    // force"; the event of its own stops the order's clocks.
    if (data.orderCeases && state.sao.stage === 'order_in_force') {
      events.push(
        eheEvent('SchoolAttendanceOrderEndedByCourt', {
          endedOn: data.decidedOn,
          ground: 's443_2',
          ...statutory(ctx, 'orderEndedOnAcquittal'),
        }),
      );
    }
    return events;
  },

  RecordEsoDirection(data, state, ctx) {
    checkDate(ctx, state, data.directedOn, 'directedOn');
    // s.447(2)(a): "The court by which a person is convicted of an offence under section 443" may direct.
    const { convictedOn } = state.sao.enforcement;
    if (state.sao.prosecution !== 'convicted' || convictedOn === undefined)
      fail.conflict(
        'no_conviction',
        'a court directs an ESO application on convicting under s.443 (s.447(2)(a))',
      );
    checkNotBefore(data.directedOn, convictedOn, 'directedOn', 'the conviction');
    if (state.sao.esoDirection === 'awaiting_answer')
      fail.conflict('sao_step_out_of_order', 'a direction already awaits an answer');
    const { reasonsDueBy, ...direction } = data;
    // s.447(4): eight weeks beginning with the direction "Unless the court has directed otherwise".
    let clock: StartedClock = startClock(ctx, 'esoReasons', data.directedOn);
    if (reasonsDueBy !== undefined) {
      checkNotBefore(reasonsDueBy, data.directedOn, 'reasonsDueBy', "the court's direction");
      clock = { ...clock, dueOn: reasonsDueBy, dayType: 'calendar' };
    }
    return [
      eheEvent('EsoDirectionReceived', {
        ...direction,
        convictedOn,
        reasonsPeriod: reasonsDueBy === undefined ? 'statute' : 'court',
        ...statutory(ctx, 'esoDirection'),
        clocksStarted: [clock],
      }),
    ];
  },

  AnswerEsoDirection(data, state, ctx) {
    checkDate(ctx, state, data.answeredOn, 'answeredOn');
    if (state.sao.esoDirection !== 'awaiting_answer')
      fail.conflict('sao_step_out_of_order', 'no court direction awaits an answer');
    if (data.answer === 'reasons_given' && !data.reasons)
      fail.invalid('field_required', 'give the reasons', 'reasons');
    // s.447(2): the council may decline only "having consulted the appropriate local authority".
    if (data.answer === 'reasons_given' && !state.sao.enforcement.childrensServicesConsulted) {
      fail.conflict(
        'childrens_services_not_consulted',
        "consult children's services before deciding not to apply (s.447(2))",
      );
    }
    return [eheEvent('EsoDirectionAnswered', { ...data, ...statutory(ctx, 'esoDirection') })];
  },
};
