import { compulsorySchoolAge, type IsoDate, londonDate } from '../calendar/index.js';
import type { DecideContext } from '../context.js';
import { DomainError } from '../decider.js';
import type { CmeCase, CmeState } from './state.js';

/** The checks every CME command shares: the case is there and open, and its dates make sense. */

export const today = (context: DecideContext): IsoDate => londonDate(context.now);

export function openCase(state: CmeState): CmeCase {
  if (state.status === 'none') throw new DomainError('case_not_found', 'there is no CME case: refer first');
  if (state.status === 'closed') throw new DomainError('case_closed', 'the case is closed: reopen it first');
  return state;
}

export function notInFuture(date: IsoDate, field: string, context: DecideContext): void {
  if (date > today(context))
    throw new DomainError('date_in_future', `${field} ${date} is in the future`, field);
}

/** Nothing in a case is dated before it was referred (or, after reopening, before it was reopened). */
export function withinCase(date: IsoDate, field: string, state: CmeCase, context: DecideContext): void {
  notInFuture(date, field, context);
  if (date < state.openedOn) {
    throw new DomainError(
      'date_before_referral',
      `${field} ${date} is before the case was opened on ${state.openedOn}`,
      field,
    );
  }
}

export function textForOther(choice: string, text: string | undefined, field: string): void {
  if (choice === 'other' && !text?.trim()) {
    throw new DomainError('other_requires_text', `"other" needs ${field} to say what`, field);
  }
}

export function codeInPolicy(list: readonly { code: string }[], code: string, field: string): void {
  if (!list.some((entry) => entry.code === code)) {
    throw new DomainError('code_not_in_policy', `${field} "${code}" is not in the council's policy`, field);
  }
}

/** s436A is about children of compulsory school age; with no date of birth we cannot tell, so we trace. */
export function compulsorySchoolAgeAt(
  dateOfBirth: IsoDate | undefined,
  at: IsoDate,
): 'before' | 'of' | 'after' | 'unknown' {
  if (dateOfBirth === undefined) return 'unknown';
  const { start, end } = compulsorySchoolAge(dateOfBirth);
  if (at < start) return 'before';
  return at > end ? 'after' : 'of';
}
