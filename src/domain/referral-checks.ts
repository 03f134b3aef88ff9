import { isOfCompulsorySchoolAge } from './calendar/index.js';
import type { CmeCommandOf } from './cme/commands.js';
import type { EheCommandOf } from './ehe/commands.js';

/** A referral that opens a case of either type: the first command of its stream. */
export type CaseReferral =
  | { caseType: 'ehe'; command: EheCommandOf<'ReceiveEheReferral'> }
  | { caseType: 'cme'; command: CmeCommandOf<'ReceiveCmeReferral'> };

/** Staff going past a check on purpose, saying why. */
export interface Override {
  reason: string;
}

/** As many case ids as a duplicate flag names (PossibleDuplicateOfSchema). */
const DUPLICATES_NAMED = 20;

/** A case the child index found for the referred child. */
export interface IndexedCase {
  caseId: string;
  open: boolean;
}

/**
 * The open cases a referral may duplicate, to flag for triage; undefined when there are none or when staff
 * said a new case is deliberate. The case the referral opens is left out: a retried request finds its own
 * case, which is no duplicate.
 */
export function possibleDuplicatesAmong(
  found: readonly IndexedCase[],
  ownCaseId: string,
  deliberate: Override | undefined,
): string[] | undefined {
  if (deliberate) return undefined;
  const duplicates = found
    .filter((match) => match.open && match.caseId !== ownCaseId)
    .map((match) => match.caseId)
    .slice(0, DUPLICATES_NAMED);
  return duplicates.length > 0 ? duplicates : undefined;
}

/** An EHE child is of compulsory school age on the referral date, unless staff override the check. */
export const schoolAgeAccepted = (dateOfBirth: string, on: string, override: Override | undefined): boolean =>
  override !== undefined || isOfCompulsorySchoolAge(dateOfBirth, on);

/** The reason for each check a referral went past on purpose, kept in its events' metadata. */
export const overrideReasons = (overrides: {
  schoolAgeOverride?: Override | undefined;
  deliberateNewCase?: Override | undefined;
}): Record<string, string> => ({
  ...(overrides.schoolAgeOverride ? { schoolAgeOverride: overrides.schoolAgeOverride.reason } : {}),
  ...(overrides.deliberateNewCase ? { duplicateOverride: overrides.deliberateNewCase.reason } : {}),
});
