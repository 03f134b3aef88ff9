import { fail } from '../decider.js';
import { type Handlers, startClock } from './decide-support.js';
import { eheEvent } from './events.js';
import { checkDate } from './guards.js';
import { orderInForce, statutory } from './sao-guards.js';

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
    return [eheEvent('ProsecutionStarted', { ...data, ...statutory(ctx, 'prosecution') })];
  },

  RecordProsecutionOutcome(data, state, ctx) {
    checkDate(ctx, state, data.decidedOn, 'decidedOn');
    if (state.sao.prosecution !== 'started')
      fail.conflict('sao_step_out_of_order', 'no prosecution awaits an outcome');
    if (data.orderCeases && data.outcome !== 'acquitted') {
      fail.invalid('contradictory_fields', 'only an acquittal can end the order', 'orderCeases');
    }
    return [eheEvent('ProsecutionOutcomeRecorded', { ...data, ...statutory(ctx, 'prosecution') })];
  },

  RecordEsoDirection(data, state, ctx) {
    checkDate(ctx, state, data.directedOn, 'directedOn');
    if (state.sao.prosecution === 'none')
      fail.conflict('sao_step_out_of_order', 'a court directs an ESO application in proceedings');
    if (state.sao.esoDirection === 'awaiting_answer')
      fail.conflict('sao_step_out_of_order', 'a direction already awaits an answer');
    const clock = startClock(ctx, 'esoReasons', data.directedOn);
    return [
      eheEvent('EsoDirectionReceived', {
        ...data,
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
    return [eheEvent('EsoDirectionAnswered', { ...data, ...statutory(ctx, 'esoDirection') })];
  },
};
