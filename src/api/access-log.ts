import { z } from 'zod';
import { ACCESS_LOG_PREFIX, accessLogCodec, accessLogStreamOf } from '../domain/access-log.js';
import { DomainError } from '../domain/decider.js';
import { decodeRecorded, newEventOf } from '../eventstore/codec-events.js';
import { commandMetadata } from '../eventstore/metadata.js';
import type { EventStore, RecordedEvent } from '../eventstore/types.js';
import type { Actor } from './plugins/auth.js';

export const AccessLogEntrySchema = z
  .object({
    position: z.string(),
    readAt: z.string(),
    actor: z.string(),
    role: z.string(),
    caseIds: z.array(z.string()),
    route: z.string(),
    purpose: z.string().optional().meta({ description: 'Why the data was taken out, where the route asks' }),
    requestId: z.string(),
    clientRequestId: z.string().optional().meta({ description: 'the X-Request-Id the client sent, if any' }),
    malformed: z
      .literal(true)
      .optional()
      .meta({ description: 'the stored record does not match its schema; fields are shown as stored' }),
  })
  .meta({ id: 'AccessLogEntry' });
export type AccessLogEntry = z.infer<typeof AccessLogEntrySchema>;

export interface CaseRead {
  actor: Actor;
  caseIds: readonly string[];
  route: string;
  /** Why, where the route asks (the register export). */
  purpose?: string;
  requestId: string;
  /** The X-Request-Id the client sent, kept beside ours. */
  clientRequestId?: string | null;
  at: Date;
}

/**
 * Records a person's read of cases' personal data (domain/access-log.ts). The record is written before the
 * data is sent: no record, no data.
 */
export async function recordCaseRead(store: EventStore, read: CaseRead): Promise<void> {
  if (read.caseIds.length === 0) return;
  const data = {
    actor: read.actor.id,
    role: read.actor.role,
    caseIds: [...read.caseIds],
    route: read.route,
    ...(read.purpose ? { purpose: read.purpose } : {}),
  };
  const metadata = commandMetadata({
    actor: read.actor,
    correlationId: read.requestId,
    clientRequestId: read.clientRequestId ?? undefined,
    occurredAt: read.at,
  });
  // A record the schema refuses is refused here (a 500, so the data is not sent either).
  const event = newEventOf(accessLogCodec, { type: 'CaseDataRead', data }, metadata);
  await store.append(accessLogStreamOf(read.at), [event], 'any');
}

/** A stored record as its schema reads it, or undefined when it does not match. */
function readBack(event: RecordedEvent) {
  try {
    return decodeRecorded(accessLogCodec, event);
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}

/**
 * One stored record as the auditor sees it. A record that does not match the schema (written before records
 * were checked, or by hand) is still shown, marked `malformed`, with each field as text: hiding it
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
  const read = readBack(event);
  if (read) return { ...common, ...read.data };
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
