import { type IsoDate, londonDate } from '../calendar/index.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import type { CodedLabel } from '../policy.js';
import { hasCode } from '../policy.js';
import type { EheState } from './state.js';

/** Checks on the dates and codes in an EHE command, with the same codes as a CME case's. */

/** Today in Europe/London: what "in the future" and "missed" are measured against. */
export const today = (ctx: DecideContext): IsoDate => londonDate(ctx.now);

/** A business date must have happened, and cannot precede the referral that opened the case. */
export function checkDate(ctx: DecideContext, state: EheState, date: IsoDate, field: string): void {
  if (date > today(ctx)) fail.invalid('date_in_future', `${field} ${date} is after today`, field);
  if (state.referredOn !== null && date < state.referredOn) {
    fail.invalid(
      'date_before_referral',
      `${field} ${date} is before the referral on ${state.referredOn}`,
      field,
    );
  }
}

/** A step cannot be dated before the step it follows. */
export function checkNotBefore(date: IsoDate, earlier: IsoDate, field: string, what: string): void {
  if (date < earlier)
    fail.invalid('date_before_previous_step', `${field} ${date} is before ${what} on ${earlier}`, field);
}

/** Checks a coded reason against the policy's list: `other` must say what. */
export function checkReason(
  list: readonly CodedLabel[],
  reason: { code: string; text?: string | undefined },
  fields: { code: string; text: string },
) {
  if (!hasCode(list, reason.code))
    fail.invalid('invalid_reason_code', `${reason.code} is not in the policy's list`, fields.code);
  if (reason.code === 'other' && !reason.text)
    fail.invalid('reason_text_required', '"other" needs the reason in words', fields.text);
}

export const reasonFields = (prefix: string) => ({ code: `${prefix}.code`, text: `${prefix}.text` });
