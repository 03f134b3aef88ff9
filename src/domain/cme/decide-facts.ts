import type { ClockName } from '../clocks.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import type { CaseHandlers } from './decide-support.js';
import { s436A } from './decide-support.js';
import { cmeEvent } from './events.js';
import { checkCode, checkDate, checkNotBefore, checkOtherText, notInFuture } from './guards.js';
import type { CmeCase } from './state.js';
import type { CmePrimaryReason } from './values.js';

/**
 * The DfE's CME primary reason is one of the policy's codes (the collection's list), in words when "other".
 * Shared by the referral and by a change of reason.
 */
export function checkPrimaryReason(ctx: DecideContext, reason: CmePrimaryReason, field: string): void {
  checkCode(ctx.policy.codes.cmePrimaryReasons, reason.code, `${field}.code`);
  checkOtherText(reason.code, reason.text, `${field}.text`);
}

/** A child cannot have been missing education since a day after the one it is recorded on. */
export function checkMissingSince(
  ctx: DecideContext,
  missingSince: string | null,
  recordedOn: string,
  field: string,
): void {
  if (missingSince === null) return;
  notInFuture(missingSince, field, ctx);
  if (missingSince > recordedOn) {
    fail.invalid('contradictory_fields', `${field} ${missingSince} is after ${recordedOn}`, field);
  }
}

/** The facts of a CME case the DfE return reads, as the council learns them (issue 15 items 2 and 4). */
export const factHandlers: CaseHandlers<
  | 'ChangeCmePrimaryReason'
  | 'RecordMissingSince'
  | 'RecordLeftRoll'
  | 'RecordFoundOnRollByReturn'
  | 'EstimateDateOfBirth'
> = {
  /**
   * A school's new pupil return (reg 13(1), 2024 Regulations) names the child: found on roll there, which
   * ends the tracing (as whereabouts established on roll) and proposes closing the case to its officer, who
   * decides it. A child already found is left as found: the return changes nothing the officer recorded.
   */
  RecordFoundOnRollByReturn(data, state, ctx) {
    checkDate(ctx, state, data.receivedOn, 'receivedOn');
    notInFuture(data.onRollFrom, 'onRollFrom', ctx);
    if (state.whereabouts !== null)
      fail.conflict('whereabouts_known', 'the child has been found: the return changes nothing');
    const clocksStopped: ClockName[] =
      state.clocks.fairAccessPlacement === undefined ? [] : ['fairAccessPlacement'];
    return [
      cmeEvent('CmeFoundOnRollByNewPupilReturn', {
        ...data,
        closureProposed: true,
        clocksStopped,
        ...s436A(ctx),
      }),
    ];
  },

  ChangeCmePrimaryReason(data, state, ctx) {
    checkDate(ctx, state, data.changedOn, 'changedOn');
    checkPrimaryReason(ctx, data.primaryReason, 'primaryReason');
    const previous = state.primaryReason;
    if (previous.code === data.primaryReason.code && previous.text === data.primaryReason.text) {
      fail.conflict('no_change', `the primary reason is already ${previous.code}`, 'primaryReason');
    }
    return [cmeEvent('CmePrimaryReasonChanged', { ...data, previous, ...s436A(ctx) })];
  },

  RecordMissingSince(data, state, ctx) {
    checkDate(ctx, state, data.recordedOn, 'recordedOn');
    checkMissingSince(ctx, data.missingSince, data.recordedOn, 'missingSince');
    if (data.missingSince === state.missingSince) {
      fail.conflict('no_change', `missingSince is already ${data.missingSince ?? 'unknown'}`, 'missingSince');
    }
    return [cmeEvent('CmeMissingSinceRecorded', { ...data, previous: state.missingSince, ...s436A(ctx) })];
  },

  /** Only while the date of birth is not known: a known one is never replaced by a guess. */
  EstimateDateOfBirth(data, state, ctx) {
    checkDate(ctx, state, data.estimatedOn, 'estimatedOn');
    if (state.child.dateOfBirth)
      fail.conflict('date_of_birth_known', `the date of birth is known: ${state.child.dateOfBirth}`);
    notInFuture(data.dateOfBirth, 'dateOfBirth', ctx);
    return [cmeEvent('CmeDateOfBirthEstimated', { ...data, ...s436A(ctx) })];
  },

  RecordLeftRoll(data, state, ctx) {
    requireOnRoll(state);
    checkDate(ctx, state, data.deletedOn, 'deletedOn');
    checkNotBefore(data.deletedOn, state.referredOn, 'deletedOn', 'the referral');
    return [cmeEvent('CmeChildLeftRoll', { ...data, ...s436A(ctx) })];
  },
};

/** Only a child the school still had on roll can leave it; a child off roll already is CME. */
function requireOnRoll(state: CmeCase): void {
  if (state.rollStatus !== 'on_roll') {
    fail.conflict('not_on_roll', 'the child is not recorded as still on a school roll', 'deletedOn');
  }
}
