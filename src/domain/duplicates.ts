import { z } from 'zod';
import { isoDateSchema } from './calendar/index.js';

/**
 * A referral that looks like a child the council already has an open case for (same UPN, or same name and
 * date of birth) is accepted and flagged for the co-ordinator's triage, not refused: refusing would tell a
 * school's portal that another case exists, and would leave the child outside every caseload meanwhile.
 */

/** Set by the application from the child index (never by the client), on the referral command. */
export const PossibleDuplicateOfSchema = z.array(z.uuid()).min(1).max(20).optional();

/** The event a referral records beside itself when the child may already have an open case. */
export const PossibleDuplicateFlaggedSchema = z.strictObject({
  caseIds: z.array(z.uuid()).min(1).max(20),
  flaggedOn: isoDateSchema,
});
