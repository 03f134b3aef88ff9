import type { FastifyReply, FastifyRequest } from 'fastify';
import { streamOf } from '../../domain/case-types.js';
import type { EventStore } from '../../eventstore/types.js';
import { requestMeta, sendCommandResult } from '../http.js';
import { actorOf } from '../plugins/auth.js';
import type { Projections } from '../views.js';
import { type CommandResult, commandResult, type ReferralReceipt } from './command-result.js';
import { type CaseCommand, type CommandServices, runCaseCommand } from './commands.js';
import { reserveCaseId } from './ids.js';

/** When the council recorded the case's first event: a replay answers the first request's time. */
async function recordedAt(store: EventStore, stream: string): Promise<string> {
  for await (const event of store.readStream(stream, { maxCount: 1 })) return event.recordedAt.toISOString();
  throw new Error(`${stream} has no events after its referral was recorded`);
}

/**
 * Opens a case with a referral and answers 201 with Location. Staff get the command's result (with the
 * ETag); a referrer, which reads nothing, gets a receipt only: no revision, events or clocks that would
 * tell it whether the child was flagged as known to the council.
 */
export async function openCase(
  services: CommandServices,
  projections: Projections,
  request: FastifyRequest,
  reply: FastifyReply,
  caseId: string,
  command: CaseCommand,
  extra: Record<string, string>,
  idempotencyKey: string | undefined,
): Promise<CommandResult | ReferralReceipt> {
  const actor = actorOf(request);
  const meta = { actor, ...requestMeta(request), extra };
  const outcome = await runCaseCommand(services, caseId, command, meta, {
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    // Claimed once the referral is decided, so a refused referral writes nothing at all.
    beforeAppend: () => reserveCaseId(services.store, caseId, command.caseType, meta, services.now()),
  });
  reply.code(201).header('location', `/v1/cases/${caseId}`);
  if (actor.role === 'referrer') {
    if (outcome.replayed) reply.header('idempotent-replayed', 'true');
    return {
      caseId,
      receivedAt: await recordedAt(services.store, streamOf(command.caseType, caseId)),
      replayed: outcome.replayed,
    };
  }
  return sendCommandResult(reply, outcome, await commandResult(projections, outcome));
}
