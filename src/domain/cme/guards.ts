import { compulsorySchoolAge, type IsoDate, londonDate } from '../calendar/index.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import type { CodedLabel } from '../policy.js';
import { hasCode } from '../policy.js';

import type { CmeCase } from './state.js';

/** Checks on the dates and codes in a CME command, with the same codes as an EHE case's. */

/** Today in Europe/London: what "in the future" and "missed" are measured against. */
export const today = (ctx: DecideContext): IsoDate => londonDate(ctx.now);

export function notInFuture(date: IsoDate, field: string, ctx: DecideContext): void {
  if (date > today(ctx)) fail.invalid('date_in_future', `${field} ${date} is after today`, field);
}

/** Nothing in a case is dated before it was referred (or, after reopening, before it was reopened). */
export function checkDate(ctx: DecideContext, state: CmeCase, date: IsoDate, field: string): void {
  notInFuture(date, field, ctx);
  if (date < state.openedOn) {
    fail.invalid(
      'date_before_referral',
      `${field} ${date} is before the case was opened on ${state.openedOn}`,
      field,
    );
  }
}

/** A step cannot be dated before the step it follows. */
export function checkNotBefore(date: IsoDate, earlier: IsoDate, field: string, what: string): void {
  if (date < earlier)
    fail.invalid('date_before_previous_step', `${field} ${date} is before ${what} on ${earlier}`, field);
}

export function checkOtherText(choice: string, text: string | undefined, field: string): void {
  if (choice === 'other' && !text?.trim())
    fail.invalid('reason_text_required', `"other" needs ${field} in words`, field);
}

export function checkCode(list: readonly CodedLabel[], code: string, field: string): void {
  if (!hasCode(list, code)) fail.invalid('invalid_reason_code', `${code} is not in the policy's list`, field);
}

/** Where a child stands against compulsory school age on a date; without a date of birth we cannot tell. */
export function compulsorySchoolAgeAt(
  dateOfBirth: IsoDate | undefined,
  at: IsoDate,
): 'before' | 'of' | 'after' | 'unknown' {
  if (dateOfBirth === undefined) return 'unknown';
  const { start, end } = compulsorySchoolAge(dateOfBirth);
  if (at < start) return 'before';
  return at > end ? 'after' : 'of';
}
