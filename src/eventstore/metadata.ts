import { z } from 'zod';
import { ActorIdSchema } from '../domain/actor-id.js';
import { DomainError } from '../domain/decider.js';
import { RoleSchema } from '../domain/roles.js';

/** A request, correlation or causation id as metadata keeps it: 1–200 printable ASCII, no spaces. */
export const TRACE_ID = /^[\x21-\x7e]{1,200}$/;
const TraceIdSchema = z.string().regex(TRACE_ID, 'must be 1–200 printable ASCII characters without spaces');

/**
 * What every event's metadata must hold (ARCHITECTURE.md, "Metadata on every event"). Checked before an
 * append because the store is append-only: a malformed actor written once is read back by every audit,
 * view and command after it. Other fields may sit beside these (kept as given).
 */
export const EventMetadataSchema = z.object({
  actor: ActorIdSchema,
  role: RoleSchema,
  correlationId: TraceIdSchema,
  causationId: TraceIdSchema,
  occurredAt: z.iso.datetime({ offset: true }),
  schemaVersion: z.int().positive(),
  /** The X-Request-Id a client sent, kept beside our own request id (causationId). */
  clientRequestId: TraceIdSchema.optional(),
});
export type EventMetadata = z.infer<typeof EventMetadataSchema>;

/** Throws the codec's own `invalid_event` (a 500: our bug, never the caller's) when metadata is malformed. */
export function checkEventMetadata(metadata: unknown): void {
  const parsed = EventMetadataSchema.safeParse(metadata);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw new DomainError('internal', 'invalid_event', `metadata.${path}: ${issue?.message ?? 'invalid'}`);
}
