import { randomUUID } from 'node:crypto';
import { mintToken } from '../../../src/api/plugins/auth.js';
import type { Config } from '../../../src/config.js';
import type { EheCommand } from '../../../src/domain/ehe/index.js';
import type { EventStore } from '../../../src/eventstore/types.js';
import { Rng } from '../../../src/seed/random.js';
import { type Actor, clientActor, nextCommand } from './officers-commands.js';
import type { SentCommand } from './officers-replay.js';

export type IfMatchKind = 'none' | 'fresh' | 'stale';

/** Every request of every client, keyed by its request id, and how the If-Match headers were chosen. */
export class Registry {
  readonly sent = new Map<string, SentCommand>();
  readonly ifMatchKinds: Record<IfMatchKind, number> = { none: 0, fresh: 0, stale: 0 };
  readonly statuses = new Map<number, number>();
  /** How often each answer came: `409 case_closed`, `200 FirstContactMade`… */
  readonly outcomes = new Map<string, number>();
  /** One token per actor, minted on first use. */
  readonly tokens = new Map<string, Promise<string>>();
  /** The case's revision (its ETag) read by the same client right after each 2xx, by request id. */
  readonly readBack = new Map<string, bigint>();
}

export interface Officers {
  url: string;
  config: Config;
  store: EventStore;
  registry: Registry;
}

/** Posts one command as `actor`, with its own request id, and records what was asked and answered. */
export async function post(
  officers: Officers,
  actor: Actor,
  path: string,
  command: EheCommand,
  headers: Record<string, string> = {},
): Promise<{ status: number; answer: unknown; etag: string | null }> {
  const { registry } = officers;
  const name = `${actor.role}:${actor.sub}`;
  const token = registry.tokens.get(name) ?? mintToken(officers.config, { sub: actor.sub, role: actor.role });
  registry.tokens.set(name, token);
  const requestId = randomUUID();
  const response = await fetch(`${officers.url}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await token}`,
      'content-type': 'application/json',
      'x-request-id': requestId,
      ...headers,
    },
    body: JSON.stringify(command.data),
  });
  const answer: unknown = await response.json();
  registry.sent.set(requestId, { requestId, actor, command, status: response.status, answer });
  const { caseId } = answer as { caseId?: string };
  if (response.ok && caseId) {
    // Read-your-writes: the same client's next read of the case already shows its write.
    const read = await fetch(`${officers.url}/v1/cases/${caseId}`, {
      headers: { authorization: `Bearer ${await token}` },
    });
    await read.arrayBuffer();
    const revision = /"(\d+)"/.exec(read.headers.get('etag') ?? '')?.[1];
    if (revision !== undefined) registry.readBack.set(requestId, BigInt(revision));
  }
  registry.statuses.set(response.status, (registry.statuses.get(response.status) ?? 0) + 1);
  const outcome = `${response.status} ${outcomeOf(answer)}`;
  registry.outcomes.set(outcome, (registry.outcomes.get(outcome) ?? 0) + 1);
  return { status: response.status, answer, etag: response.headers.get('etag') };
}

const outcomeOf = (answer: unknown): string => {
  const { code, events } = answer as { code?: string; events?: { type: string }[] };
  return code ?? events?.map((event) => event.type).join('+') ?? '';
};

async function currentRevision(store: EventStore, caseId: string): Promise<bigint> {
  for await (const last of store.readStream(`ehe-${caseId}`, { direction: 'backwards', maxCount: 1 })) {
    return last.revision;
  }
  return -1n;
}

/** No If-Match; the revision the store holds now; or the one this client saw last, which others may have passed. */
async function ifMatchFor(
  officers: Officers,
  rng: Rng,
  caseId: string,
  lastSeen: Map<string, string>,
): Promise<Record<string, string>> {
  const kind = rng.weighted<IfMatchKind>([
    ['none', 4],
    ['fresh', 3],
    ['stale', 3],
  ]);
  officers.registry.ifMatchKinds[kind]++;
  if (kind === 'none') return {};
  if (kind === 'fresh') return { 'if-match': `W/"${await currentRevision(officers.store, caseId)}"` };
  return { 'if-match': lastSeen.get(caseId) ?? 'W/"0"' };
}

/** One client: `requests` commands on cases picked at random, each answer's status kept for the checks. */
export async function runOfficer(
  officers: Officers,
  seed: string,
  client: number,
  caseIds: readonly string[],
  requests: number,
): Promise<void> {
  const rng = new Rng(`${seed}:officer:${client}`);
  const actor = clientActor(client);
  const lastSeen = new Map<string, string>();
  for (let i = 0; i < requests; i++) {
    const caseId = rng.pick(caseIds);
    const { step, type, body } = nextCommand(rng, actor);
    const headers = {
      ...(await ifMatchFor(officers, rng, caseId, lastSeen)),
      ...(rng.chance(0.5) ? { 'idempotency-key': randomUUID() } : {}),
    };
    const command = { type, data: body } as EheCommand;
    const { etag } = await post(officers, actor, `/v1/cases/${caseId}/${step}`, command, headers);
    if (etag) lastSeen.set(caseId, etag);
  }
}
