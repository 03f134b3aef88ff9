import { fail } from '../decider.js';
import type { Handlers } from './decide-support.js';
import { eheEvent } from './events.js';
import { checkDate, checkNotBefore } from './guards.js';
import { openConsent } from './parents.js';
import { parentOnCase } from './service.js';

export type ParentCommandType =
  | 'RecordParentCarer'
  | 'RecordElectronicServiceConsent'
  | 'WithdrawElectronicServiceConsent';

/**
 * The parents and carers notices are served on: one not known at referral (a parent who does not live with
 * the child), and a parent's consent to receive notices by email, which `service.ts` requires for email.
 */
export const parentHandlers: Handlers<ParentCommandType> = {
  RecordParentCarer(data, state, ctx) {
    checkDate(ctx, state, data.recordedOn, 'recordedOn');
    if (state.parents[data.parentId])
      fail.conflict(
        'parent_already_on_case',
        `${data.parentId} is already a parent or carer of this case`,
        'parentId',
      );
    return [eheEvent('ParentCarerRecorded', { ...data, recordedBy: ctx.actor.id })];
  },

  RecordElectronicServiceConsent(data, state, ctx) {
    checkDate(ctx, state, data.givenOn, 'givenOn');
    const parent = parentOnCase(state, data.parentId);
    const open = openConsent(parent);
    if (open)
      fail.conflict(
        'electronic_service_consent_in_force',
        `${data.parentId} agreed on ${open.givenOn} to receive notices by email at ${open.email}: withdraw it first`,
        'parentId',
      );
    const last = parent.electronicServiceConsents.at(-1);
    if (last?.withdrawnOn) checkNotBefore(data.givenOn, last.withdrawnOn, 'givenOn', 'the last withdrawal');
    return [eheEvent('ElectronicServiceConsentRecorded', { ...data, recordedBy: ctx.actor.id })];
  },

  WithdrawElectronicServiceConsent(data, state, ctx) {
    checkDate(ctx, state, data.withdrawnOn, 'withdrawnOn');
    const open = openConsent(parentOnCase(state, data.parentId));
    if (!open)
      fail.conflict(
        'no_electronic_service_consent',
        `${data.parentId} has no consent to service by email in force`,
        'parentId',
      );
    checkNotBefore(data.withdrawnOn, open.givenOn, 'withdrawnOn', 'the consent');
    return [eheEvent('ElectronicServiceConsentWithdrawn', { ...data, recordedBy: ctx.actor.id })];
  },
};
