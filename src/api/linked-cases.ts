import { streamOf } from '../domain/case-types.js';
import type { CmeCommandOf } from '../domain/cme/index.js';
import { CmeChildSchema, cmeDecider } from '../domain/cme/index.js';
import { decideContext } from '../domain/context.js';
import type { EheCommandOf } from '../domain/ehe/index.js';
import { ChildSchema, eheDecider } from '../domain/ehe/index.js';
import { idempotentEventId } from '../eventstore/handle.js';
import type { EventStore } from '../eventstore/types.js';
import type { Actor } from './auth.js';
import type { CaseCommand, CommandServices } from './case-commands.js';
import { assertCaseIdAvailable, caseIdTaken } from './case-ids.js';
import { HttpProblem } from './errors.js';

/*
 * Two steps close one case type and open the other: an EHE case reclassified as CME, and a CME child found
 * to be home educated. The deciders record the step; opening the other case is the application's job, done
 * with the same idempotency key so that a retry completes whichever half is missing.
 */

async function firstEventData(store: EventStore, stream: string): Promise<Record<string, unknown>> {
  for await (const event of store.readStream(stream, { maxCount: 1 })) {
    return (event.data ?? {}) as Record<string, unknown>;
  }
  return {};
}

/** The CME referral an EHE case reclassified as CME opens. */
export async function cmeReferralFromEheCase(
  store: EventStore,
  eheCaseId: string,
  step: EheCommandOf<'ReclassifyAsCme'>['data'],
): Promise<CmeCommandOf<'ReceiveCmeReferral'>> {
  const referral = await firstEventData(store, streamOf('ehe', eheCaseId));
  const child = CmeChildSchema.parse(referral.child);
  return {
    type: 'ReceiveCmeReferral',
    data: {
      caseId: step.cmeCaseId,
      receivedOn: step.reclassifiedOn,
      source: 'ehe_judged_unsuitable',
      child,
      whatIsKnown: step.reason,
      timeMissing: 'unknown',
      eheCaseId,
    },
  };
}

/** The EHE referral a CME child found home educated opens; an EHE case needs a date of birth and an address. */
export async function eheReferralFromCmeCase(
  store: EventStore,
  cmeCaseId: string,
  step: CmeCommandOf<'RecordBecameEhe'>['data'],
): Promise<EheCommandOf<'ReceiveEheReferral'>> {
  const events: { type: string; data: Record<string, unknown> }[] = [];
  for await (const event of store.readStream(streamOf('cme', cmeCaseId))) {
    events.push({ type: event.type, data: (event.data ?? {}) as Record<string, unknown> });
  }
  const referral = events[0]?.data ?? {};
  const found = events
    .filter((event) => event.type === 'WhereaboutsEstablished')
    .map((event) => event.data.whereabouts as { kind?: string; address?: unknown } | undefined)
    .at(-1);
  const known = referral.child as Record<string, unknown> | undefined;
  const child = ChildSchema.safeParse({ ...known, address: found?.address ?? known?.address });
  if (!child.success) {
    const issue = child.error.issues[0];
    throw new HttpProblem(
      422,
      'field_required',
      `an EHE case needs the child's ${issue?.path.join('.') || 'details'}: record the whereabouts (in area, with the address) and the date of birth first`,
    );
  }
  return {
    type: 'ReceiveEheReferral',
    data: {
      caseId: step.eheCaseId,
      receivedOn: step.establishedOn,
      source: 'cme_case',
      cmeCaseId,
      child: child.data,
      parentsCarers: [],
      previousSchoolType: 'other_or_unknown',
      placedAtSpecialSchoolByCouncil: false,
      eheStartDate: step.establishedOn,
      otherReasons: [],
      priorityFlags: [],
    },
  };
}

/**
 * Both halves of a step that opens a case of the other type succeed, or neither does: before the first
 * half is recorded, the case to open must be one this request may still open (its id free, or already
 * opened by this very request's earlier attempt) and a referral its decider accepts.
 */
export async function assertLinkedCaseCanOpen(
  services: CommandServices,
  linked: CaseCommand & { command: { data: { caseId: string } } },
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
  const context = decideContext(services.now(), services.policy, actor);
  if (linked.caseType === 'ehe') eheDecider.decide(linked.command, eheDecider.initialState(), context);
  else cmeDecider.decide(linked.command, cmeDecider.initialState(), context);
}
