import { isDeepStrictEqual } from 'node:util';
import { decideContext } from '../../../src/domain/context.js';
import type { EheCommand, EheState } from '../../../src/domain/ehe/index.js';
import { eheCodec, eheDecider } from '../../../src/domain/ehe/index.js';
import type { Policy } from '../../../src/domain/policy.js';
import { RoleSchema } from '../../../src/domain/roles.js';
import type { RecordedEvent } from '../../../src/eventstore/types.js';
import type { Actor } from './officers-commands.js';

/** What one request asked for, keyed by its request id (the events' causationId). */
export interface SentCommand {
  requestId: string;
  actor: Actor;
  command: EheCommand;
  status: number;
  answer: unknown;
}

/** The events one request wrote: consecutive in the stream, sharing its causationId. */
export function groupByRequest(
  events: readonly RecordedEvent[],
): { requestId: string; events: RecordedEvent[] }[] {
  const groups: { requestId: string; events: RecordedEvent[] }[] = [];
  for (const event of events) {
    // The client's X-Request-Id is kept as clientRequestId; causationId is the server's own id.
    const requestId = String(event.metadata.clientRequestId ?? event.metadata.causationId);
    const last = groups[groups.length - 1];
    if (last?.requestId === requestId) last.events.push(event);
    else groups.push({ requestId, events: [event] });
  }
  return groups;
}

const asStored = (event: RecordedEvent) => ({ type: event.type, data: event.data });

/**
 * Replays one EHE stream through the decider: each request's command, decided on the state its stream had
 * just before, at the time the events record, as the actor they name, must yield exactly the events
 * stored. Folds the stored events as it goes and returns the final state with what went wrong.
 */
export function replayStream(
  events: readonly RecordedEvent[],
  sent: ReadonlyMap<string, SentCommand>,
  policy: Policy,
): { state: EheState; problems: string[] } {
  const problems: string[] = [];
  const seen = new Set<string>();
  let state = eheDecider.initialState();
  for (const group of groupByRequest(events)) {
    const first = group.events[0]!;
    const where = `${first.stream}@${first.revision}`;
    const request = sent.get(group.requestId);
    if (seen.has(group.requestId)) problems.push(`${where}: request ${group.requestId} wrote twice`);
    seen.add(group.requestId);
    if (!request) {
      problems.push(`${where}: written by request ${group.requestId}, which no client sent`);
      return { state, problems };
    }
    const { metadata } = first;
    const role = RoleSchema.parse(metadata.role);
    if (metadata.actor !== request.actor.sub || role !== request.actor.role) {
      problems.push(`${where}: recorded as ${metadata.actor} (${role}), sent by ${request.actor.sub}`);
    }
    const context = decideContext(new Date(String(metadata.occurredAt)), policy, {
      id: String(metadata.actor),
      role,
    });
    try {
      const decided = eheDecider.decide(request.command, state, context).map((event) => {
        const { type, data } = eheCodec.encode(event);
        return { type, data: JSON.parse(JSON.stringify(data)) as unknown };
      });
      const stored = group.events.map(asStored);
      if (!isDeepStrictEqual(decided, stored)) {
        problems.push(
          `${where}: ${request.command.type} decides ${JSON.stringify(decided)}, stored ${JSON.stringify(stored)}`,
        );
      }
    } catch (error) {
      problems.push(
        `${where}: the decider refuses ${request.command.type} here: ${(error as Error).message}`,
      );
    }
    for (const event of group.events) {
      const schemaVersion = Number(event.metadata.schemaVersion);
      state = eheDecider.evolve(
        state,
        eheCodec.decode({ type: event.type, data: event.data, schemaVersion }),
      );
    }
  }
  return { state, problems };
}
