import type { FastifyRequest } from 'fastify';
import { WrongExpectedVersionError } from '../../eventstore/errors.js';
import type { NewEvent, RecordedEvent } from '../../eventstore/types.js';
import { type Actor, actorOf } from '../plugins/auth.js';
import { type CommandServices, keyReused, requestHash } from './commands.js';
import { newCaseId } from './referral-checks.js';

/**
 * A school's return (a deletion return, a new pupil return) kept once in a stream of its own, under an id
 * the portal chose or derived from the Idempotency-Key and bound to its sender. A retry (same id, sender and
 * body) finds the first one recorded; the same id with another body or from another sender is refused.
 */
export interface SchoolReturn {
  actor: Actor;
  returnId: string;
  stream: string;
  /** Who sent it and what it said: the mark of a retry. */
  hash: string;
  /** The return already recorded under this id by this same request, if any. */
  earlier: RecordedEvent | undefined;
}

async function firstEventOf(services: CommandServices, stream: string): Promise<RecordedEvent | undefined> {
  for await (const event of services.store.readStream(stream, { maxCount: 1 })) return event;
  return undefined;
}

/** The return's id and stream, and the return recorded earlier by the same request (another one is refused). */
export async function schoolReturnOf(
  services: CommandServices,
  request: FastifyRequest,
  body: { returnId?: string | undefined },
  kind: 'deletion-return' | 'new-pupil-return',
  streamOf: (returnId: string) => string,
): Promise<SchoolReturn> {
  const actor = actorOf(request);
  const key = request.headers['idempotency-key'] as string | undefined;
  const returnId = newCaseId(body.returnId, key, kind, actor);
  const stream = streamOf(returnId);
  const hash = requestHash(actor.id, body);
  const earlier = await firstEventOf(services, stream);
  if (earlier && earlier.metadata.requestHash !== hash) throw keyReused();
  return { actor, returnId, stream, hash, earlier };
}

/**
 * Records the return as the first event of its stream. When it was recorded meanwhile, by a retry of this
 * request that is the answer already given; by another request, refused. Answers the event now stored.
 */
export async function recordSchoolReturnOnce(
  services: CommandServices,
  { stream, hash }: SchoolReturn,
  event: NewEvent,
): Promise<RecordedEvent> {
  try {
    await services.store.append(stream, [event], 'no_stream');
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
  }
  const stored = await firstEventOf(services, stream);
  if (stored?.metadata.requestHash !== hash) throw keyReused();
  return stored;
}
