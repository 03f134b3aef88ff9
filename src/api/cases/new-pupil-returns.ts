import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { londonDate } from '../../domain/calendar/index.js';
import { DomainError } from '../../domain/decider.js';
import {
  NewPupilReturnReceivedSchema,
  newPupilReturnCodec,
  newPupilReturnReceived,
  newPupilReturnStreamOf,
  SchoolNewPupilReturnSchema,
} from '../../domain/new-pupil-return.js';
import { newEventOf } from '../../eventstore/codec-events.js';
import type { RecordedEvent } from '../../eventstore/types.js';
import { newPupilReturnExamples } from '../examples/referrals.js';
import { requestMeta } from '../http.js';
import { actorOf } from '../plugins/auth.js';
import type { Projections } from '../views.js';
import { type CommandServices, eventMetadataOf, runCaseCommand } from './commands.js';
import { recordSchoolReturnOnce, schoolReturnOf } from './school-returns.js';

export const NewPupilReturnBody = z
  .strictObject({
    returnId: z.uuid().optional().meta({
      description: 'Chosen by the portal, or derived from Idempotency-Key; bound to the school that sent it',
    }),
    ...SchoolNewPupilReturnSchema.shape,
  })
  .meta({ 'x-examples': newPupilReturnExamples });
type NewPupilReturn = z.infer<typeof NewPupilReturnBody>;

/** What the sender learns: a school reads nothing, so it is never told whether the child was being traced. */
export const NewPupilReturnResultSchema = z.object({
  returnId: z.uuid(),
  receivedOn: NewPupilReturnReceivedSchema.shape.receivedOn,
  dueBy: NewPupilReturnReceivedSchema.shape.dueBy,
  late: z.boolean(),
  matchedCmeCaseIds: z.array(z.uuid()).optional().meta({ description: 'Staff only' }),
});

/** The return as stored: the data the answer is made from. */
const dataOf = (event: RecordedEvent) =>
  newPupilReturnCodec.decode({
    type: event.type,
    data: event.data,
    schemaVersion: Number(event.metadata.schemaVersion ?? 1),
  }).data;

/**
 * Matches the return's pupil against the open CME cases (the child index: same UPN, or same normalised
 * names and date of birth) and records each as found on roll, with its closure proposed to the officer.
 * A case whose child was already found is left as it is.
 */
async function recordMatches(
  deps: { services: CommandServices; projections: Projections },
  request: FastifyRequest,
  body: NewPupilReturn,
  ids: { returnId: string; receivedOn: string },
): Promise<string[]> {
  const { pupil } = body;
  const open = deps.projections.childIndex
    .matches({
      givenName: pupil.givenName,
      familyName: pupil.familyName,
      dateOfBirth: pupil.dateOfBirth,
      ...(pupil.upn ? { upn: pupil.upn } : {}),
    })
    .filter((match) => match.caseType === 'cme' && match.open);
  const matched: string[] = [];
  for (const match of open) {
    const command = {
      caseType: 'cme' as const,
      command: {
        type: 'RecordFoundOnRollByReturn' as const,
        data: {
          returnId: ids.returnId,
          school: body.school,
          onRollFrom: body.enteredOn,
          receivedOn: ids.receivedOn,
          matchedOn: match.matchedOn,
        },
      },
    };
    const meta = { actor: actorOf(request), ...requestMeta(request), extra: {} };
    try {
      await runCaseCommand(deps.services, match.caseId, command, meta, {
        idempotencyKey: `new-pupil-return:${ids.returnId}`,
      });
      matched.push(match.caseId);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'whereabouts_known')) throw error;
    }
  }
  return matched;
}

/**
 * Records a school's new pupil return (reg 13(1) of the 2024 Regulations) in its own stream, with the day it
 * arrived against the fifth day after entry, after telling the open CME cases it matches. A retry (same id
 * or key, same sender, same body) answers as the first did and writes nothing new.
 */
export async function newPupilReturnRoute(
  deps: { services: CommandServices; projections: Projections },
  request: FastifyRequest,
  reply: FastifyReply,
  body: NewPupilReturn,
) {
  const { services } = deps;
  const received = await schoolReturnOf(services, request, body, 'new-pupil-return', newPupilReturnStreamOf);
  const { actor, returnId, hash } = received;
  const { returnId: _, ...sent } = body;
  let stored = received.earlier;
  if (stored) reply.header('idempotent-replayed', 'true');
  else {
    const receivedOn = londonDate(services.now());
    const matched = await recordMatches(deps, request, body, { returnId, receivedOn });
    const event = newEventOf(
      newPupilReturnCodec,
      newPupilReturnReceived(sent, returnId, receivedOn, matched),
      {
        ...eventMetadataOf({ actor, ...requestMeta(request) }, services.now()),
        requestHash: hash,
      },
    );
    stored = await recordSchoolReturnOnce(services, received, event);
  }
  const data = dataOf(stored);
  reply.code(201).header('location', `/v1/new-pupil-returns/${returnId}`);
  return {
    returnId,
    receivedOn: data.receivedOn,
    dueBy: data.dueBy,
    late: data.receivedOn > data.dueBy,
    ...(actor.role === 'referrer' ? {} : { matchedCmeCaseIds: data.matchedCmeCaseIds }),
  };
}
