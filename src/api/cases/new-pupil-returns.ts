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
import { WrongExpectedVersionError } from '../../eventstore/errors.js';
import { newPupilReturnExamples } from '../examples/referrals.js';
import { requestMeta } from '../http.js';
import { actorOf } from '../plugins/auth.js';
import type { Projections } from '../views.js';
import { type CommandServices, eventMetadataOf, keyReused, requestHash, runCaseCommand } from './commands.js';
import { newCaseId } from './referral-checks.js';

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

async function recorded(services: CommandServices, stream: string) {
  for await (const event of services.store.readStream(stream, { maxCount: 1 })) {
    const schemaVersion = Number(event.metadata.schemaVersion ?? 1);
    const { data } = newPupilReturnCodec.decode({ type: event.type, data: event.data, schemaVersion });
    return { requestHash: event.metadata.requestHash, data };
  }
  return undefined;
}

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
  const actor = actorOf(request);
  const key = request.headers['idempotency-key'] as string | undefined;
  const returnId = newCaseId(body.returnId, key, 'new-pupil-return', actor);
  const stream = newPupilReturnStreamOf(returnId);
  const hash = requestHash(actor.id, body);
  const { returnId: _, ...sent } = body;
  let record = await recorded(services, stream);
  if (record && record.requestHash !== hash) throw keyReused();
  if (record) reply.header('idempotent-replayed', 'true');
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
    try {
      await services.store.append(stream, [event], 'no_stream');
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
    record = await recorded(services, stream);
    if (record?.requestHash !== hash) throw keyReused();
  }
  const { data } = record as NonNullable<typeof record>;
  reply.code(201).header('location', `/v1/new-pupil-returns/${returnId}`);
  return {
    returnId,
    receivedOn: data.receivedOn,
    dueBy: data.dueBy,
    late: data.receivedOn > data.dueBy,
    ...(actor.role === 'referrer' ? {} : { matchedCmeCaseIds: data.matchedCmeCaseIds }),
  };
}
