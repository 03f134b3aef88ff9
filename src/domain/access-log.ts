import { z } from 'zod';
import { ActorIdSchema } from './actor-id.js';
import { createCodec } from './codec.js';
import { RoleSchema } from './roles.js';

/**
 * Every read of a case's personal data by a person is itself recorded: one `CaseDataRead` event per
 * request in the day's stream `accesslog-<YYYY-MM-DD>` (UTC), which the auditor reads through the API.
 */
export const ACCESS_LOG_PREFIX = 'accesslog-';

/** The stream of the day (UTC) a read happened on. */
export const accessLogStreamOf = (at: Date): string => `${ACCESS_LOG_PREFIX}${at.toISOString().slice(0, 10)}`;

/** Who read which cases' data, through which route. */
export const CaseDataReadSchema = z.strictObject({
  actor: ActorIdSchema,
  role: RoleSchema,
  caseIds: z.array(z.string().min(1).max(200)).min(1),
  route: z.string().min(1).max(500),
  /**
   * Why the data was taken out, where a route asks (the register's record-level export: EA 1996 s.436F limits
   * the use of register information). Absent on ordinary reads and on every record written before it.
   */
  purpose: z.string().min(1).max(100).optional(),
});
export type CaseDataRead = z.infer<typeof CaseDataReadSchema>;

export const accessLogEvents = {
  CaseDataRead: { schemaVersion: 1, data: CaseDataReadSchema },
} as const;

/**
 * Writes a read's record with its schema version and reads it back through its schema. An append-only log:
 * a record the reader cannot parse would stay in every audit, so one the schema refuses is never written.
 */
export const accessLogCodec = createCodec(accessLogEvents, {}, 'access log');
