import { z } from 'zod';

/** DOMAIN.md "Roles": who may issue which command (each case type's `roles.ts`) and read what (`roles.ts`). */
export const RoleSchema = z.enum(['referrer', 'officer', 'senior', 'manager', 'panel', 'auditor', 'admin']);
export type Role = z.infer<typeof RoleSchema>;
export const roles = RoleSchema.options;

/** Day-to-day casework: officers, and everyone who may do what an officer does. */
export const casework = ['officer', 'senior', 'manager'] as const satisfies readonly Role[];
/** SAO steps, consent decisions, panel referrals, statutory sign-off. */
export const statutory = ['senior', 'manager'] as const satisfies readonly Role[];
/** Allocation, closure and reopening. */
export const management = ['manager'] as const satisfies readonly Role[];
/**
 * Clock events are no person's to record: the deadline worker appends them in-process through the command
 * handler under the service identity, and no API route takes them (an answer to one was a free read).
 */
export const clockWorker = [] as const satisfies readonly Role[];
