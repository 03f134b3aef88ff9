import { streamOf } from '../../domain/case-types.js';
import { cmeCodec } from '../../domain/cme/codec.js';
import { decideContext } from '../../domain/context.js';
import type { EventCodec } from '../../domain/decider.js';
import { eheCodec } from '../../domain/ehe/codec.js';
import {
  checkReferralAccepted,
  cmeReferralFromEheCase,
  eheReferralFromCmeCase,
} from '../../domain/linked-cases.js';
import type { CaseReferral } from '../../domain/referral-checks.js';
import { decodeRecorded } from '../../eventstore/codec-events.js';
import { idempotentEventId } from '../../eventstore/handle.js';
import type { EventStore } from '../../eventstore/types.js';
import type { Actor } from '../plugins/auth.js';
import type { CaseCommand, CommandServices } from './commands.js';
import { assertCaseIdAvailable, caseIdTaken } from './ids.js';

/** A stream's events, read back through its case type's codec. */
async function historyOf<Event>(
  store: EventStore,
  stream: string,
  codec: EventCodec<Event>,
): Promise<Event[]> {
  const events: Event[] = [];
  for await (const recorded of store.readStream(stream)) events.push(decodeRecorded(codec, recorded));
  return events;
}

/**
 * The referral of the case of the other type a step opens (domain/linked-cases.ts), or undefined for a step
 * that opens none.
 */
export async function linkedReferralOf(
  store: EventStore,
  caseId: string,
  { caseType, command }: CaseCommand,
): Promise<CaseReferral | undefined> {
  if (caseType === 'ehe' && command.type === 'ReclassifyAsCme') {
    const history = await historyOf(store, streamOf('ehe', caseId), eheCodec);
    return { caseType: 'cme', command: cmeReferralFromEheCase(caseId, history, command.data) };
  }
  if (caseType === 'cme' && command.type === 'RecordBecameEhe') {
    const history = await historyOf(store, streamOf('cme', caseId), cmeCodec);
    return { caseType: 'ehe', command: eheReferralFromCmeCase(caseId, history, command.data) };
  }
  return undefined;
}

/**
 * Both halves of a step that opens a case of the other type succeed, or neither does: before the first
 * half is recorded, the case to open must be one this request may still open (its id free, or already
 * opened by this very request's earlier attempt) and a referral its decider accepts.
 */
export async function assertLinkedCaseCanOpen(
  services: CommandServices,
  linked: CaseReferral,
  actor: Actor,
  idempotencyKey: string | undefined,
): Promise<void> {
  const { caseId } = linked.command.data;
  const stream = streamOf(linked.caseType, caseId);
  let first: string | undefined;
  for await (const event of services.store.readStream(stream, { maxCount: 1 })) first = event.id;
  // A retry whose first attempt opened it: the handler replays that half.
  if (
    first !== undefined &&
    idempotencyKey !== undefined &&
    first === idempotentEventId(stream, idempotencyKey, 0)
  )
    return;
  if (first !== undefined) throw caseIdTaken();
  await assertCaseIdAvailable(services.store, caseId, linked.caseType);
  checkReferralAccepted(linked, decideContext(services.now(), services.policy, actor));
}
