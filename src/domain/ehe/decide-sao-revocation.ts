import { fail } from '../decider.js';
import type { Handlers } from './decide-support.js';
import { eheEvent } from './events.js';
import { checkDate, checkNotBefore } from './guards.js';
import { orderInForce, statutory } from './sao-guards.js';

export type SaoRevocationCommandType =
  | 'RecordSaoRevocationRequest'
  | 'RevokeSchoolAttendanceOrder'
  | 'RefuseSaoRevocation'
  | 'ReferSaoRefusalToSecretaryOfState'
  | 'RecordSaoSecretaryOfStateDirection';

/**
 * Revocation: at the parent's request (s.442, whose text was not retrieved: cited without a subsection), a
 * refusal referred to the Secretary of State and the direction given, or by the council on its own
 * initiative (s.437(4)(a) "it is revoked by the authority").
 */
export const saoRevocationHandlers: Handlers<SaoRevocationCommandType> = {
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
    const order = orderInForce(state);
    checkNotBefore(data.revokedOn, order.servedOn, 'revokedOn', 'service of the order');
    const onRequest = data.ground === 'parent_request_granted';
    // The council may revoke of its own motion with a ground; granting a request needs one pending.
    if (onRequest && state.sao.revocation !== 'requested')
      fail.conflict('sao_step_out_of_order', 'no revocation request is pending');
    return [
      eheEvent('SchoolAttendanceOrderRevoked', {
        ...data,
        ...statutory(ctx, onRequest ? 'revocation' : 'revocationByCouncil'),
      }),
    ];
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

  /** The Secretary of State "shall give such direction … as he thinks fit" (EA 1981 s.16(3), the forerunner
   * found; s.442's own words were not retrieved): to revoke, which revokes, or to uphold the refusal. */
  RecordSaoSecretaryOfStateDirection(data, state, ctx) {
    checkDate(ctx, state, data.directedOn, 'directedOn');
    orderInForce(state);
    if (state.sao.revocation !== 'referred_to_secretary_of_state')
      fail.conflict(
        'sao_step_out_of_order',
        'no refusal to revoke has been referred to the Secretary of State',
      );
    const direction = eheEvent('SaoSecretaryOfStateDirectionRecorded', {
      ...data,
      ...statutory(ctx, 'secretaryOfStateDirection'),
    });
    if (data.direction === 'uphold') return [direction];
    return [
      direction,
      eheEvent('SchoolAttendanceOrderRevoked', {
        revokedOn: data.directedOn,
        ground: 'secretary_of_state_direction',
        rationale: data.notes ?? 'Revoked as the Secretary of State directed.',
        ...statutory(ctx, 'secretaryOfStateDirection'),
      }),
    ];
  },
};
