import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { CommandOutcome } from './case-commands.js';
import { withEtag } from './http.js';
import { CaseSummarySchema, summaryView } from './summary-schemas.js';
import type { Projections } from './views.js';

export const CommandResultSchema = z
  .object({
    caseId: z.uuid(),
    caseType: z.enum(['ehe', 'cme']),
    revision: z
      .string()
      .meta({ description: "The case stream's revision after the command (also the ETag)" }),
    events: z.array(z.object({ id: z.uuid(), type: z.string() })),
    replayed: z.boolean().meta({ description: 'An earlier request with this Idempotency-Key did the work' }),
    summary: CaseSummarySchema.nullable(),
    linkedCase: z
      .object({ caseId: z.uuid(), caseType: z.enum(['ehe', 'cme']), revision: z.string() })
      .optional()
      .meta({ description: 'The case this command opened of the other type (reclassification, became EHE)' }),
  })
  .meta({ id: 'CommandResult' });
export type CommandResult = z.infer<typeof CommandResultSchema>;

/** Waits until the views have applied the write, so the summary returned includes it (read-your-writes). */
export async function commandResult(
  projections: Projections,
  outcome: CommandOutcome,
  linked?: CommandOutcome,
): Promise<CommandResult> {
  // The write has succeeded: a view slow to catch up makes the summary older, never the answer an error.
  for (const position of [outcome.position, linked?.position]) {
    if (position !== undefined) await projections.waitFor(position).catch(() => undefined);
  }
  const summary = projections.caseSummary.get(outcome.caseId);
  return {
    caseId: outcome.caseId,
    caseType: outcome.caseType,
    revision: outcome.revision.toString(),
    events: outcome.events,
    replayed: outcome.replayed,
    summary: summary ? summaryView(summary) : null,
    ...(linked
      ? {
          linkedCase: {
            caseId: linked.caseId,
            caseType: linked.caseType,
            revision: linked.revision.toString(),
          },
        }
      : {}),
  };
}

export function sendCommandResult(reply: FastifyReply, outcome: CommandOutcome, result: CommandResult) {
  withEtag(reply, outcome.revision);
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  return result;
}
