import { z } from 'zod';
import { caseTypeNames } from '../../domain/case-types.js';
import { CaseClockSchema } from '../summary-schemas.js';
import type { Projections } from '../views.js';
import type { CommandOutcome } from './commands.js';

/**
 * What a write answers: enough to go on (the case, its revision, the events written, its clocks) and no
 * personal data. The child's details are read with `GET /v1/cases/{id}`, which records the read first:
 * an answer to a command is not a way round the access log.
 */
export const CommandResultSchema = z
  .object({
    caseId: z.uuid(),
    caseType: z.enum(caseTypeNames),
    revision: z
      .string()
      .meta({ description: "The case stream's revision after the command (also the ETag)" }),
    events: z.array(z.object({ id: z.uuid(), type: z.string() })),
    replayed: z.boolean().meta({ description: 'An earlier request with this Idempotency-Key did the work' }),
    clocks: z.array(CaseClockSchema).optional().meta({
      description:
        "The case's open clocks with their due dates after the command; absent on a replay, which answers only what the first answer said",
    }),
    linkedCase: z
      .object({ caseId: z.uuid(), caseType: z.enum(caseTypeNames), revision: z.string() })
      .optional()
      .meta({ description: 'The case this command opened of the other type (reclassification, became EHE)' }),
  })
  .meta({ id: 'CommandResult' });
export type CommandResult = z.infer<typeof CommandResultSchema>;

/** Waits until the views have applied the write, so the clocks returned include it (read-your-writes). */
export async function commandResult(
  projections: Projections,
  outcome: CommandOutcome,
  linked?: CommandOutcome,
): Promise<CommandResult> {
  // The write has succeeded: a view slow to catch up makes the clocks older, never the answer an error.
  for (const position of [outcome.position, linked?.position]) {
    if (position !== undefined) await projections.waitFor(position).catch(() => undefined);
  }
  const clocks = outcome.replayed ? undefined : projections.caseSummary.get(outcome.caseId)?.clocks;
  return {
    caseId: outcome.caseId,
    caseType: outcome.caseType,
    revision: outcome.revision.toString(),
    events: outcome.events,
    replayed: outcome.replayed,
    ...(clocks ? { clocks } : {}),
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

/**
 * What a referrer (a school's portal, which reads nothing) is told of its referral: a receipt. Not the
 * events (a flag for the co-ordinator's triage is not the school's to see), not the clocks.
 */
export const ReferralReceiptSchema = z
  .object({
    caseId: z.uuid().meta({ description: 'The reference of the case the referral opened' }),
    receivedAt: z.iso.datetime().meta({ description: 'When the council recorded the referral' }),
    replayed: z.boolean().meta({ description: 'An earlier request with this Idempotency-Key did the work' }),
  })
  .meta({ id: 'ReferralReceipt' });
export type ReferralReceipt = z.infer<typeof ReferralReceiptSchema>;
