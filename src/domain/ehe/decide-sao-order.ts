import { fail } from '../decider.js';
import { type Handlers, startClock } from './decide-support.js';
import { eheEvent } from './events.js';
import { checkDate, checkNotBefore } from './guards.js';
import { orderInForce, requireCompulsorySchoolAge, statutory } from './sao-guards.js';

export type SaoOrderCommandType =
  | 'AmendSchoolAttendanceOrder'
  | 'RecordSaoRevocationRequest'
  | 'RevokeSchoolAttendanceOrder'
  | 'RefuseSaoRevocation'
  | 'ReferSaoRefusalToSecretaryOfState'
  | 'RecordSaoCompliance';

/** An order in force: amendment (s.440), revocation (s.442), compliance. */
export const saoOrderHandlers: Handlers<SaoOrderCommandType> = {
  AmendSchoolAttendanceOrder(data, state, ctx) {
    checkDate(ctx, state, data.requestedOn, 'requestedOn');
    checkDate(ctx, state, data.amendedOn, 'amendedOn');
    const order = orderInForce(state);
    checkNotBefore(data.requestedOn, order.servedOn, 'requestedOn', 'service of the order');
    checkNotBefore(data.amendedOn, data.requestedOn, 'amendedOn', "the parent's request");
    requireCompulsorySchoolAge(state, data.amendedOn, 'amendedOn');
    const clock = startClock(ctx, 'saoCompliance', data.amendedOn, { schoolId: data.school.schoolId });
    return [
      eheEvent('SchoolAttendanceOrderAmended', {
        ...data,
        ...statutory(ctx, 'orderAmended'),
        clocksStarted: [clock],
      }),
    ];
  },

  RecordSaoRevocationRequest(data, state, ctx) {
    checkDate(ctx, state, data.requestedOn, 'requestedOn');
    const order = orderInForce(state);
    checkNotBefore(data.requestedOn, order.servedOn, 'requestedOn', 'service of the order');
    if (state.sao.revocation === 'requested')
      fail.conflict('sao_step_out_of_order', 'a revocation request is already pending');
    return [eheEvent('SaoRevocationRequested', { ...data, ...statutory(ctx, 'revocation') })];
  },

  RevokeSchoolAttendanceOrder(data, state, ctx) {
    checkDate(ctx, state, data.revokedOn, 'revokedOn');
    orderInForce(state);
    if (state.sao.revocation !== 'requested')
      fail.conflict('sao_step_out_of_order', 'no revocation request is pending');
    return [eheEvent('SchoolAttendanceOrderRevoked', { ...data, ...statutory(ctx, 'revocation') })];
  },

  RefuseSaoRevocation(data, state, ctx) {
    checkDate(ctx, state, data.refusedOn, 'refusedOn');
    orderInForce(state);
    if (state.sao.revocation !== 'requested')
      fail.conflict('sao_step_out_of_order', 'no revocation request is pending');
    return [eheEvent('SaoRevocationRefused', { ...data, ...statutory(ctx, 'revocation') })];
  },

  ReferSaoRefusalToSecretaryOfState(data, state, ctx) {
    checkDate(ctx, state, data.referredOn, 'referredOn');
    orderInForce(state);
    if (state.sao.revocation !== 'refused')
      fail.conflict('sao_step_out_of_order', 'only a refused revocation can be referred');
    return [
      eheEvent('SaoRefusalReferredToSecretaryOfState', {
        ...data,
        ...statutory(ctx, 'revocationReferral'),
      }),
    ];
  },

  RecordSaoCompliance(data, state, ctx) {
    checkDate(ctx, state, data.registeredOn, 'registeredOn');
    const order = orderInForce(state);
    if (order.complied) fail.conflict('sao_step_out_of_order', 'compliance is already recorded');
    checkNotBefore(data.registeredOn, order.servedOn, 'registeredOn', 'service of the order');
    return [
      eheEvent('SchoolAttendanceOrderComplied', {
        ...data,
        ...statutory(ctx, 'orderComplied'),
      }),
    ];
  },
};
