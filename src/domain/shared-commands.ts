import { z } from 'zod';
import { isoDateSchema } from './calendar/index.js';
import { ClockNameSchema } from './policy.js';

/**
 * The steps both deciders take, with one body each: the same request is valid on either case type, and a
 * route serving both validates it against one schema.
 */

const officerId = z.string().trim().min(1).max(100);
const reason = z.string().trim().min(1).max(5000);

export const EscalationLevelSchema = z.enum(['manager', 'head_of_service']);
/** Who a missed deadline is escalated to. */
export type EscalationLevel = z.infer<typeof EscalationLevelSchema>;
/** How far an open clock has been escalated: not yet, or to a level. */
export type ClockEscalation = 'none' | EscalationLevel;

export const ReallocateCaseBody = z.strictObject({ officerId, reallocatedOn: isoDateSchema, reason });
export const ReopenCaseBody = z.strictObject({ reopenedOn: isoDateSchema, reason });
export const RecordDeadlineMissedBody = z.strictObject({ clock: ClockNameSchema, dueOn: isoDateSchema });
export const EscalateCaseBody = z.strictObject({ clock: ClockNameSchema, level: EscalationLevelSchema });

/**
 * The sweep's step when a case's child has passed the school leaving date (EA 1996 s.8(3)): the date it
 * computed, so a case whose date of birth has since been corrected decides nothing.
 */
export const CloseAtEndOfSchoolAgeBody = z.strictObject({ leavingDate: isoDateSchema });
