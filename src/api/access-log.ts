import { z } from 'zod';
import type { EventStore } from '../eventstore/types.js';
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
  })
  .meta({ id: 'AccessLogEntry' });
export type AccessLogEntry = z.infer<typeof AccessLogEntrySchema>;

export interface CaseRead {
  actor: Actor;
  caseIds: readonly string[];
  route: string;
  requestId: string;
  at: Date;
}

export async function recordCaseRead(store: EventStore, read: CaseRead): Promise<void> {
  if (read.caseIds.length === 0) return;
  const day = read.at.toISOString().slice(0, 10);
  await store.append(
    `${ACCESS_LOG_PREFIX}${day}`,
    [
      {
        type: 'CaseDataRead',
        data: { actor: read.actor.id, role: read.actor.role, caseIds: read.caseIds, route: read.route },
        metadata: {
          actor: read.actor.id,
          role: read.actor.role,
          correlationId: read.requestId,
          causationId: read.requestId,
          occurredAt: read.at.toISOString(),
          schemaVersion: 1,
        },
      },
    ],
    'any',
  );
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
    const data = event.data as { actor: string; role: string; caseIds: string[]; route: string };
    if (options.caseId && !data.caseIds.includes(options.caseId)) continue;
    if (options.actor && data.actor !== options.actor) continue;
    entries.push({
      position: event.position.toString(),
      readAt: String(event.metadata.occurredAt ?? event.recordedAt.toISOString()),
      actor: data.actor,
      role: data.role,
      caseIds: data.caseIds,
      route: data.route,
      requestId: String(event.metadata.causationId ?? ''),
    });
    if (entries.length >= options.limit) break;
  }
  const full = entries.length >= options.limit;
  return { entries, next: full && last !== undefined ? last.toString() : null };
}
