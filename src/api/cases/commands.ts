import { createHash } from 'node:crypto';
import { byCaseType, type CaseTypeName as CaseType, caseTypes, streamOf } from '../../domain/case-types.js';
import type { CmeCommand } from '../../domain/cme/index.js';
import type { CnisCommand } from '../../domain/cnis/index.js';
import { decideContext } from '../../domain/context.js';
import type { EheCommand } from '../../domain/ehe/index.js';
import type { Policy } from '../../domain/policy.js';
import { mayIssue } from '../../domain/roles.js';
import type { CaseHandlers } from '../../eventstore/case-handlers.js';
import { WrongExpectedVersionError } from '../../eventstore/errors.js';
import type { HandleOptions } from '../../eventstore/handle.js';
import { commandMetadata } from '../../eventstore/metadata.js';
import type { EventStore } from '../../eventstore/types.js';
import type { Actor } from '../plugins/auth.js';
import { HttpProblem } from '../plugins/errors.js';
import type { Projections } from '../views.js';

export type CaseCommand =
  | { caseType: 'ehe'; command: EheCommand }
  | { caseType: 'cme'; command: CmeCommand }
  | { caseType: 'cnis'; command: CnisCommand };

export interface CommandServices {
  store: EventStore;
  /** Each case type's command handler on `store`. */
  handlers: CaseHandlers;
  policy: Policy;
  now: () => Date;
}

export interface RequestMeta {
  actor: Actor;
  correlationId: string;
  causationId: string;
  /** The X-Request-Id the client sent, kept beside our own (causationId). */
  clientRequestId?: string;
  /** Route-level facts worth keeping beside the events, e.g. an override's reason. */
  extra?: Record<string, string>;
}

/** The metadata every event a request writes carries (ARCHITECTURE.md), at business time `at`. */
export const eventMetadataOf = (meta: RequestMeta, at: Date) => commandMetadata({ ...meta, occurredAt: at });

export interface CommandOutcome {
  caseType: CaseType;
  caseId: string;
  events: { id: string; type: string }[];
  revision: bigint;
  position: bigint | undefined;
  replayed: boolean;
}

export function assertMayIssue(actor: Actor, caseType: CaseType, commandType: string): void {
  if (!mayIssue(actor.role, commandType, caseTypes[caseType].commandRoles)) {
    throw new HttpProblem(
      403,
      'forbidden',
      `the ${actor.role} role may not ${commandType} on a ${caseType} case`,
    );
  }
}

/** A panel member records the decisions of their own panel only. */
function assertOwnPanel(actor: Actor, command: CaseCommand['command']): void {
  if (actor.role !== 'panel' || command.type !== 'RecordPanelDecision') return;
  if (command.data.panel !== actor.panel) {
    throw new HttpProblem(
      403,
      'forbidden',
      `a member of the ${actor.panel} panel may not record another panel's decision`,
    );
  }
}

/** What makes two requests the same: who sent them and what they asked. */
export const requestHash = (actorId: string, request: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify([actorId, request]))
    .digest('base64url');

export const keyReused = () =>
  new HttpProblem(
    422,
    'idempotency_key_reused',
    'this Idempotency-Key was used for a different request: use a new key for a new request',
  );

/**
 * A key reused for a different command, or by another client, is not a retry: refuse it rather than
 * replay (a replay would hand the first request's answer to whoever sent the key).
 */
async function assertSameRequest(
  store: EventStore,
  stream: string,
  firstEventId: string | undefined,
  hash: string | undefined,
): Promise<void> {
  if (firstEventId === undefined || hash === undefined) return;
  for await (const event of store.readStream(stream)) {
    if (event.id !== firstEventId) continue;
    const recorded = event.metadata.requestHash;
    // Events written before requests were hashed have nothing to compare: they replay as they always did.
    if (typeof recorded === 'string' && recorded !== hash) throw keyReused();
    return;
  }
}

/** One command through the command handler, with the caller as the events' actor. */
export async function runCaseCommand(
  services: CommandServices,
  caseId: string,
  caseCommand: CaseCommand,
  meta: RequestMeta,
  options: HandleOptions,
): Promise<CommandOutcome> {
  const { caseType, command } = caseCommand;
  assertMayIssue(meta.actor, caseType, command.type);
  assertOwnPanel(meta.actor, command);
  const context = decideContext(services.now(), services.policy, meta.actor);
  const metadata = {
    ...eventMetadataOf(meta, services.now()),
    ...meta.extra,
    ...(options.idempotencyKey === undefined ? {} : { requestHash: requestHash(meta.actor.id, command) }),
  };
  const stream = streamOf(caseType, caseId);
  const request = { stream, metadata, context, options };
  const handled = byCaseType<CaseCommand, ReturnType<CaseHandlers[CaseType]>>(
    {
      ehe: (ehe) => services.handlers.ehe({ ...request, command: ehe.command }),
      cme: (cme) => services.handlers.cme({ ...request, command: cme.command }),
      cnis: (cnis) => services.handlers.cnis({ ...request, command: cnis.command }),
    },
    caseCommand,
  );
  const result = await handled.catch((error: unknown) => {
    if (error instanceof WrongExpectedVersionError && options.expectedRevision !== undefined) {
      const actual = error.actual === 'no_stream' ? -1n : error.actual;
      throw new HttpProblem(412, 'stale_revision', `the case is at revision ${actual}: read it again`, {
        headers: { etag: `W/"${actual}"` },
      });
    }
    throw error;
  });
  if (result.replayed)
    await assertSameRequest(services.store, stream, result.events[0]?.id, metadata.requestHash);
  // Only the workers' clock steps can decide nothing, and they have no route: answer no data for it.
  else if (result.events.length === 0)
    throw new HttpProblem(409, 'nothing_to_record', `${command.type} changes nothing on this case`);
  return {
    caseType,
    caseId,
    events: result.events.map(({ id, event }) => ({ id, type: event.type })),
    revision: result.revision,
    position: result.position,
    replayed: result.replayed,
  };
}

/** What every route group is registered with: the command services and the views. */
export interface RouteDeps {
  [key: string]: unknown;
  services: CommandServices;
  projections: Projections;
}
