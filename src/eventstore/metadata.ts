import { z } from 'zod';
import { ActorIdSchema } from '../domain/actor-id.js';
import { DomainError } from '../domain/decider.js';
import { type Role, RoleSchema } from '../domain/roles.js';

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

/**
 * What the writer of a command gives its events: the schema's fields but the schema version (the codec's),
 * the business time only when it is not the time the command is handled. Plain strings: the handler checks
 * them against the schema before it appends (checkEventMetadata).
 */
export type CommandMetadata = Record<
  keyof Pick<EventMetadata, 'actor' | 'role' | 'correlationId' | 'causationId'>,
  string
> &
  Partial<Pick<EventMetadata, 'clientRequestId' | 'occurredAt'>>;

/**
 * The one way to build an event's metadata: who acted, the correlation id, the causation id (the
 * correlation id when the trigger has no id of its own), the client's request id when it sent one, and the
 * business time when given.
 */
export function commandMetadata(from: {
  actor: { id: string; role: Role };
  correlationId: string;
  causationId?: string;
  clientRequestId?: string | undefined;
  occurredAt?: Date;
}): CommandMetadata {
  return {
    actor: from.actor.id,
    role: from.actor.role,
    correlationId: from.correlationId,
    causationId: from.causationId ?? from.correlationId,
    ...(from.clientRequestId ? { clientRequestId: from.clientRequestId } : {}),
    ...(from.occurredAt ? { occurredAt: from.occurredAt.toISOString() } : {}),
  };
}

/** Throws the codec's own `invalid_event` (a 500: our bug, never the caller's) when metadata is malformed. */
export function checkEventMetadata(metadata: unknown): void {
  const parsed = EventMetadataSchema.safeParse(metadata);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw new DomainError('internal', 'invalid_event', `metadata.${path}: ${issue?.message ?? 'invalid'}`);
}
