import { randomUUID } from 'node:crypto';
import { Rng } from '../../../src/seed/random.js';
import {
  caseCommand,
  cmeReferral,
  eheReferral,
  type PlannedWrite,
  type TokenSource,
  today,
} from './process-requests.js';

/** The answer of a write that got a 2xx: what the client was told is now in the store. */
export interface Acknowledgement {
  write: PlannedWrite;
  caseId: string;
  revision: string;
  events: { id: string; type: string }[];
  replayed: boolean;
}

/** Everything the clients sent and were told, for the checks. */
export class Ledger {
  /** Every write sent at least once, by key: it may or may not have landed until acknowledged. */
  readonly sent = new Map<string, PlannedWrite>();
  /** The first 2xx of each key. */
  readonly acknowledged = new Map<string, Acknowledgement>();
  /** Writes sent again after their 2xx, each with the answer to the repeat. */
  readonly repeats: { first: Acknowledgement; again: Acknowledgement }[] = [];
  /** Answers that are neither a 2xx nor a lost connection: each fails the test. */
  readonly unexpected: string[] = [];
  attempts = 0;
  connectionErrors = 0;
  /** Requests sent and not yet answered. */
  inFlight = 0;
}

/** Open while the server is up; a client that lost its connection waits here for the restart. */
export class ServerGate {
  private opened!: () => void;
  private whenOpen: Promise<void>;
  private isOpen = false;

  constructor() {
    this.whenOpen = new Promise((resolve) => {
      this.opened = resolve;
    });
  }

  open(): void {
    this.isOpen = true;
    this.opened();
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.whenOpen = new Promise((resolve) => {
      this.opened = resolve;
    });
  }

  ready(): Promise<void> {
    return this.whenOpen;
  }
}

export interface LoadContext {
  url: string;
  gate: ServerGate;
  tokens: TokenSource;
  ledger: Ledger;
  /** True once the clients should finish the write in hand and stop. */
  stopping: () => boolean;
}

/** No answer in this long means the server hangs: a failure, not a crash. */
const REQUEST_TIMEOUT_MS = 30_000;

type Attempt =
  | { kind: 'answered'; status: number; text: string }
  | { kind: 'lost' }
  | { kind: 'timeout'; error: unknown };

async function attempt(context: LoadContext, write: PlannedWrite): Promise<Attempt> {
  const token = await context.tokens.token(write.role, write.sub);
  context.ledger.attempts++;
  context.ledger.inFlight++;
  try {
    const response = await fetch(`${context.url}${write.path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': write.key,
        'x-correlation-id': write.key,
        'x-request-id': randomUUID(),
        ...(write.ifMatch === undefined ? {} : { 'if-match': write.ifMatch }),
      },
      body: JSON.stringify(write.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    // A body cut off by the kill is a lost answer too: the client never learnt what was written.
    return { kind: 'answered', status: response.status, text: await response.text() };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return { kind: 'timeout', error };
    return { kind: 'lost' };
  } finally {
    context.ledger.inFlight--;
  }
}

/** Sends until the server answers; a lost connection is retried with the same key once it is back. */
export async function send(context: LoadContext, write: PlannedWrite): Promise<Acknowledgement | undefined> {
  const { ledger } = context;
  ledger.sent.set(write.key, write);
  for (;;) {
    const result = await attempt(context, write);
    if (result.kind === 'lost') {
      ledger.connectionErrors++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      await context.gate.ready();
      continue;
    }
    if (result.kind === 'timeout') {
      ledger.unexpected.push(`${write.path} (key ${write.key}): no answer: ${String(result.error)}`);
      return undefined;
    }
    if (result.status < 200 || result.status > 299) {
      ledger.unexpected.push(`${write.path} (key ${write.key}): ${result.status} ${result.text}`);
      return undefined;
    }
    const body = JSON.parse(result.text) as Omit<Acknowledgement, 'write'>;
    const answer: Acknowledgement = {
      write,
      caseId: body.caseId,
      revision: body.revision,
      events: body.events,
      replayed: body.replayed,
    };
    const first = ledger.acknowledged.get(write.key);
    if (first) ledger.repeats.push({ first, again: answer });
    else ledger.acknowledged.set(write.key, answer);
    return answer;
  }
}

/** One case from referral to a few steps of casework, each step sent until acknowledged. */
async function caseSession(context: LoadContext, rng: Rng, client: number): Promise<void> {
  const ehe = rng.chance(0.6);
  const caseId = rng.uuid();
  const opened = await send(context, ehe ? eheReferral(rng, caseId) : cmeReferral(rng, caseId));
  if (!opened) return;
  const stream = opened.write.stream;
  const officer = { role: 'officer' as const, sub: `officer-${client}` };
  const manager = { role: 'manager' as const, sub: 'mary' };
  let revision = opened.revision;
  // Half the steps pin the revision the client last saw (If-Match), half leave the server free to retry.
  const pinned = () => (rng.chance(0.5) ? revision : undefined);
  const allocated = await send(
    context,
    caseCommand(
      rng,
      stream,
      'allocation',
      manager,
      { officerId: officer.sub, allocatedOn: today() },
      pinned(),
    ),
  );
  if (!allocated) return;
  revision = allocated.revision;
  const offered: string[] = [];
  const steps = rng.int(2, 8);
  for (let step = 0; step < steps && !context.stopping(); step++) {
    const write = ehe
      ? eheStep(rng, stream, officer, offered, step, pinned())
      : caseCommand(
          rng,
          stream,
          'enquiries',
          officer,
          { enquiryId: `e${step}`, agency: rng.pick(['school', 'health', 'housing']), madeOn: today() },
          pinned(),
        );
    const answer = await send(context, write);
    if (!answer) return;
    revision = answer.revision;
    // Now and then the same write again, as a client that never saw the answer would: it must replay.
    if (rng.chance(0.1)) await send(context, write);
  }
}

function eheStep(
  rng: Rng,
  stream: string,
  officer: { role: 'officer'; sub: string },
  offered: string[],
  step: number,
  revision: string | undefined,
) {
  const held = offered.length > 0 && rng.chance(0.3) ? offered.shift() : undefined;
  if (held !== undefined) {
    const body = { visitId: held, heldOn: today(), notes: 'Met the child at home.', outcome: 'satisfactory' };
    return caseCommand(rng, stream, 'visits/held', officer, body, revision);
  }
  if (rng.chance(0.3)) {
    offered.push(`v${step}`);
    const body = { visitId: `v${step}`, offeredOn: today(), proposedFor: today(), location: 'home' };
    return caseCommand(rng, stream, 'visits', officer, body, revision);
  }
  const outcome = rng.pick(['contact_made', 'no_answer', 'message_left']);
  const body = { attemptedOn: today(), method: 'phone', outcome };
  return caseCommand(rng, stream, 'contacts', officer, body, revision);
}

/** One client: case after case until told to stop, each on its own seeded randomness. */
export async function runClient(context: LoadContext, seed: string, client: number): Promise<void> {
  const rng = new Rng(`${seed}:client:${client}`);
  while (!context.stopping()) await caseSession(context, rng, client);
}
