import { z } from 'zod';
import { ActorIdSchema } from '../domain/actor-id.js';
import { DomainError } from '../domain/decider.js';
import { RoleSchema } from '../domain/roles.js';
import { checkEventMetadata } from '../eventstore/metadata.js';
import type { EventStore, RecordedEvent } from '../eventstore/types.js';
import type { Actor } from './auth.js';

/**
 * Every read of a case's personal data by a person is itself recorded: one `CaseDataRead` event per
 * request in the day's stream `accesslog-<YYYY-MM-DD>` (UTC), which the auditor reads through the API.
 * The record is written before the data is sent: no record, no data.
 */
export const ACCESS_LOG_PREFIX = 'accesslog-';

export const AccessLogEntrySchema = z
  .object({
    position: z.string(),
    readAt: z.string(),
    actor: z.string(),
    role: z.string(),
    caseIds: z.array(z.string()),
    route: z.string(),
    requestId: z.string(),
    clientRequestId: z.string().optional().meta({ description: 'the X-Request-Id the client sent, if any' }),
    malformed: z
      .literal(true)
      .optional()
      .meta({ description: 'the stored record does not match its schema; fields are shown as stored' }),
  })
  .meta({ id: 'AccessLogEntry' });
export type AccessLogEntry = z.infer<typeof AccessLogEntrySchema>;

/** The stored `CaseDataRead` event's data: checked before it is appended, and again when read back. */
export const CaseDataReadSchema = z.strictObject({
  actor: ActorIdSchema,
  role: RoleSchema,
  caseIds: z.array(z.string().min(1).max(200)).min(1),
  route: z.string().min(1).max(500),
});

export interface CaseRead {
  actor: Actor;
  caseIds: readonly string[];
  route: string;
  requestId: string;
  /** The X-Request-Id the client sent, kept beside ours. */
  clientRequestId?: string | null;
  at: Date;
}

export async function recordCaseRead(store: EventStore, read: CaseRead): Promise<void> {
  if (read.caseIds.length === 0) return;
  const day = read.at.toISOString().slice(0, 10);
  const data = { actor: read.actor.id, role: read.actor.role, caseIds: read.caseIds, route: read.route };
  const metadata = {
    actor: read.actor.id,
    role: read.actor.role,
    correlationId: read.requestId,
    causationId: read.requestId,
    ...(read.clientRequestId ? { clientRequestId: read.clientRequestId } : {}),
    occurredAt: read.at.toISOString(),
    schemaVersion: 1,
  };
  // An append-only log: a record the reader cannot parse would stay in every audit. Refuse it (a 500, so
  // the data is not sent either) rather than write it.
  if (!CaseDataReadSchema.safeParse(data).success) {
    throw new DomainError('internal', 'invalid_event', 'CaseDataRead: the record does not match its schema');
  }
  checkEventMetadata(metadata);
  await store.append(`${ACCESS_LOG_PREFIX}${day}`, [{ type: 'CaseDataRead', data, metadata }], 'any');
}

/**
 * One stored record as the auditor sees it. A record that does not match the schema (written before the
 * check above existed, or by hand) is still shown, marked `malformed`, with each field as text: hiding it
 * would hide exactly what an auditor must see, and failing the whole page would hide everything else.
 */
function entryOf(event: RecordedEvent): AccessLogEntry {
  const common = {
    position: event.position.toString(),
    readAt: String(event.metadata.occurredAt ?? event.recordedAt.toISOString()),
    requestId: String(event.metadata.causationId ?? ''),
    ...(typeof event.metadata.clientRequestId === 'string'
      ? { clientRequestId: event.metadata.clientRequestId }
      : {}),
  };
  const parsed = CaseDataReadSchema.safeParse(event.data);
  if (parsed.success) return { ...common, ...parsed.data };
  const raw = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<
    string,
    unknown
  >;
  const text = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
  return {
    ...common,
    actor: text(raw.actor),
    role: text(raw.role),
    caseIds: Array.isArray(raw.caseIds) ? raw.caseIds.map(text) : [],
    route: text(raw.route),
    malformed: true,
  };
}

/** The access log from a position on, optionally for one case or one actor. */
export async function readAccessLog(
  store: EventStore,
  options: { after?: bigint; limit: number; caseId?: string; actor?: string },
): Promise<{ entries: AccessLogEntry[]; next: string | null }> {
  const entries: AccessLogEntry[] = [];
  let last: bigint | undefined;
  const from = options.after === undefined ? undefined : options.after + 1n;
  for await (const event of store.readAll({
    ...(from === undefined ? {} : { fromPosition: from }),
    filter: { streamPrefixes: [ACCESS_LOG_PREFIX] },
  })) {
    last = event.position;
    const entry = entryOf(event);
    if (options.caseId && !entry.caseIds.includes(options.caseId)) continue;
    if (options.actor && entry.actor !== options.actor) continue;
    entries.push(entry);
    if (entries.length >= options.limit) break;
  }
  const full = entries.length >= options.limit;
  return { entries, next: full && last !== undefined ? last.toString() : null };
}
