import { idempotentEventId } from '../../../src/eventstore/handle.js';
import type { EventStore, RecordedEvent } from '../../../src/eventstore/types.js';
import type { Ledger } from './process-load.js';

export async function readWholeLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

/** The log's events by stream, each stream in the order of the log. */
export function byStream(events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const stream = streams.get(event.stream) ?? [];
    stream.push(event);
    streams.set(event.stream, stream);
  }
  return streams;
}

/**
 * Global positions strictly increasing, and every stream's revisions 0, 1, 2… in the log's order (so a
 * stream's order and the global order agree). Returns what is wrong, as lines.
 */
export function checkLogShape(events: readonly RecordedEvent[]): string[] {
  const problems: string[] = [];
  events.forEach((event, i) => {
    const previous = events[i - 1];
    if (previous && event.position <= previous.position) {
      problems.push(`position ${event.position} follows ${previous.position}`);
    }
  });
  for (const [stream, streamEvents] of byStream(events)) {
    streamEvents.forEach((event, i) => {
      if (event.revision !== BigInt(i)) {
        problems.push(`${stream}: event ${i} in log order has revision ${event.revision}`);
      }
    });
  }
  return problems;
}

/** Every acknowledged write's events are in its stream, with the ids, types and revisions it was told. */
function checkAcknowledged(ledger: Ledger, byId: Map<string, RecordedEvent>): string[] {
  const problems: string[] = [];
  for (const ack of [...ledger.acknowledged.values(), ...ledger.repeats.map((r) => r.again)]) {
    const { write } = ack;
    if (ack.events.length === 0)
      problems.push(`${write.path} (key ${write.key}) was told nothing was written`);
    const stored = ack.events.map((event) => byId.get(event.id));
    ack.events.forEach((event, i) => {
      const found = stored[i];
      if (!found)
        problems.push(`${write.path} (key ${write.key}): event ${event.id} acknowledged, not stored`);
      else if (found.stream !== write.stream || found.type !== event.type) {
        problems.push(
          `${write.path} (key ${write.key}): event ${event.id} is ${found.type} in ${found.stream}`,
        );
      }
    });
    const last = stored[stored.length - 1];
    // A replay answers with the stream's revision now, which may be past the events it replays.
    const revisionMatches = ack.replayed
      ? last && last.revision <= BigInt(ack.revision)
      : last?.revision === BigInt(ack.revision);
    if (last && !revisionMatches) {
      problems.push(
        `${write.path} (key ${write.key}): told revision ${ack.revision}, its last event is at ${last.revision}`,
      );
    }
  }
  for (const { first, again } of ledger.repeats) {
    const same = JSON.stringify(first.events) === JSON.stringify(again.events);
    if (!same || !again.replayed) {
      problems.push(
        `${first.write.path} (key ${first.write.key}) sent again was not a replay of the first answer`,
      );
    }
  }
  return problems;
}

/**
 * Nothing landed twice: the events naming a key (X-Correlation-Id) are one batch, in the key's stream,
 * written by one request (one causationId), with the ids the key derives; as many as were acknowledged.
 */
function checkLandedOnce(ledger: Ledger, events: readonly RecordedEvent[]): string[] {
  const problems: string[] = [];
  const byKey = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const key = event.metadata.correlationId;
    // A referral also reserves its case's id in caseid-<id>: only the case's own events are acknowledged.
    if (event.stream.startsWith('caseid-')) continue;
    if (typeof key !== 'string' || !ledger.sent.has(key)) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), event]);
  }
  for (const [key, write] of ledger.sent) {
    const landed = byKey.get(key) ?? [];
    const ack = ledger.acknowledged.get(key);
    if (ack && landed.length !== ack.events.length) {
      problems.push(
        `key ${key} (${write.path}): ${landed.length} events stored, ${ack.events.length} acknowledged`,
      );
    }
    const causes = new Set(landed.map((event) => event.metadata.causationId));
    if (causes.size > 1) problems.push(`key ${key} (${write.path}) landed from ${causes.size} requests`);
    landed.forEach((event, i) => {
      const expectedId = idempotentEventId(write.stream, key, i);
      const first = landed[0]!;
      if (
        event.stream !== write.stream ||
        event.id !== expectedId ||
        event.revision !== first.revision + BigInt(i)
      ) {
        problems.push(
          `key ${key} (${write.path}): event ${i} is ${event.id} at ${event.stream}@${event.revision}`,
        );
      }
    });
  }
  return problems;
}

/** What is wrong with the log the crashed server left, given what its clients were told. */
export function checkAgainstLedger(events: readonly RecordedEvent[], ledger: Ledger): string[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  return [...checkLogShape(events), ...checkAcknowledged(ledger, byId), ...checkLandedOnce(ledger, events)];
}
