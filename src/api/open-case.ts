import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from './auth.js';
import { type CaseCommand, type CommandServices, runCaseCommand } from './case-commands.js';
import { commandResult, sendCommandResult } from './command-result.js';
import { requestMeta } from './http.js';
import type { Projections } from './views.js';

/** Opens a case with a referral and answers 201 with Location, ETag and the summary with its clocks. */
export async function openCase(
  services: CommandServices,
  projections: Projections,
  request: FastifyRequest,
  reply: FastifyReply,
  caseId: string,
  command: CaseCommand,
  extra: Record<string, string>,
  idempotencyKey: string | undefined,
) {
  const meta = { actor: actorOf(request), ...requestMeta(request), extra };
  const outcome = await runCaseCommand(services, caseId, command, meta, {
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  });
  const result = await commandResult(projections, outcome);
  reply.code(201).header('location', `/v1/cases/${caseId}`);
  return sendCommandResult(reply, outcome, result);
}
