/** Running a case: one stream's generator, simulated clock and state, sent through the real handler. */

import type { Calendar, IsoDate } from '../domain/calendar/index.js';
import { addCalendarDays, startOfLondonDay } from '../domain/calendar/index.js';
import type { CmeCommand, CmeEvent, CmeState } from '../domain/cme/index.js';
import type { DecideContext } from '../domain/context.js';
import { decideContext } from '../domain/context.js';
import { DomainError } from '../domain/decider.js';
import type { EheCommand, EheEvent, EheState } from '../domain/ehe/index.js';
import type { ClockName, Policy } from '../domain/policy.js';
import type { CaseHandlers } from '../eventstore/case-handlers.js';
import type { CommandHandler } from '../eventstore/handle.js';
import { commandMetadata } from '../eventstore/metadata.js';
import type { EventStore } from '../eventstore/types.js';
import type { EheSeedCase } from './ehe-referral.js';
import { maxDate } from './people.js';
import type { Rng } from './random.js';
import type { Actor } from './team.js';
import { WORKER } from './team.js';

/** Thrown when a story reaches the council's "today": that case stops there. */
class Horizon extends Error {}

export interface Shared {
  store: EventStore & { forget(stream: string): void };
  /** Each case type's command handler on `store`. */
  handlers: CaseHandlers;
  policy: Policy;
  calendar: Calendar;
  to: IsoDate;
  toInstant: number;
  eventTypes: Map<string, number>;
  counts: { ehe: number; cme: number; events: number };
  rejected: string[];
  /**
   * Each case type's story from its referral: runEhe (ehe-story.ts) and runCme (cme-story.ts), supplied by
   * council.ts. A story that opens a case of the other type (an EHE child reclassified as missing
   * education, a missing child found home educated) runs it through here, so the two stories, which
   * open each other's cases, do not import each other.
   */
  stories: { ehe: Story<EheSeedCase>; cme: Story<CmeSeedCase> };
}

/** Opens a case from `spec` and runs its story to the council's "today". */
export type Story<Spec> = (shared: Shared, rng: Rng, spec: Spec) => Promise<void>;

/** A CME case to seed (EHE's is ehe-referral.ts's `EheSeedCase`); `fromEhe` when a reclassification opens it. */
export interface CmeSeedCase {
  index: number;
  receivedOn: IsoDate;
  group: number;
  fromEhe?: {
    eheCaseId: string;
    caseId: string;
    child: { givenName: string; familyName: string; dateOfBirth: IsoDate };
  };
}

/** One stream's run: its own generator, clock of simulated time and state. */
export class Run<C, E, S> {
  private lastNow = 0;
  private readonly correlationId: string;
  lastDate: IsoDate = '0000-01-01';
  /** The command being sent, named in the seed's report when the decider refuses it. */
  sending = '';
  constructor(
    readonly shared: Shared,
    readonly handle: CommandHandler<C, E, S, DecideContext>,
    readonly stream: string,
    readonly rng: Rng,
    public state: S,
  ) {
    this.correlationId = rng.uuid();
  }

  /**
   * Runs the case's story to the council's "today". A command the decider refuses ends that case's story
   * here; the seeding goes on and reports it.
   */
  async tell(story: () => Promise<void>): Promise<void> {
    try {
      await story();
    } catch (error) {
      if (error instanceof DomainError)
        this.shared.rejected.push(`${this.stream}: ${this.sending}: ${error.code}: ${error.message}`);
      else if (!(error instanceof Horizon)) throw error;
    } finally {
      this.shared.store.forget(this.stream);
    }
  }

  /** Sends `command` as it happened on `date`; beyond the council's "today" the case's story stops. */
  step(date: IsoDate, command: C, actor: Actor): Promise<S> {
    return this.stepAt(date, () => command, actor);
  }

  /** As `step`, for a command that records the instant it is made (a report's `reportedAt`). */
  async stepAt(date: IsoDate, command: (instant: string) => C, actor: Actor): Promise<S> {
    if (date > this.shared.to) throw new Horizon();
    const dayStart = startOfLondonDay(date).getTime();
    let now = dayStart + (9 * 60 + this.rng.int(0, 7 * 60)) * 60_000;
    if (now <= this.lastNow) now = this.lastNow + 60_000;
    if (now > this.shared.toInstant) throw new Horizon();
    this.lastNow = now;
    this.lastDate = maxDate(this.lastDate, date);
    const instant = new Date(now);
    const body = command(instant.toISOString());
    this.sending = `${(body as { type: string }).type} on ${date}`;
    const result = await this.handle({
      stream: this.stream,
      command: body,
      metadata: commandMetadata({
        actor,
        correlationId: this.correlationId,
        causationId: this.rng.uuid(),
        occurredAt: instant,
      }),
      context: decideContext(instant, this.shared.policy, actor),
    });
    for (const { event } of result.events) {
      const type = (event as { type: string }).type;
      this.shared.eventTypes.set(type, (this.shared.eventTypes.get(type) ?? 0) + 1);
    }
    this.shared.counts.events += result.events.length;
    this.state = result.state;
    return result.state;
  }
}

export type EheRun = Run<EheCommand, EheEvent, EheState>;
export type CmeRun = Run<CmeCommand, CmeEvent, CmeState>;

export const wd = (run: { shared: Shared }, date: IsoDate, n: number): IsoDate =>
  run.shared.calendar.addWorkingDays(date, n);

/** The deadline worker: records a missed clock (and sometimes escalates it) as it would on the day after. */
export async function workerMissed<C, E, S>(
  run: Run<C, E, S>,
  clock: ClockName,
  dueOn: IsoDate,
  escalate: boolean,
): Promise<void> {
  const missed = { type: 'RecordDeadlineMissed', data: { clock, dueOn } } as C;
  await run.step(addCalendarDays(dueOn, 1), missed, WORKER);
  if (escalate) {
    const escalation = { type: 'EscalateCase', data: { clock, level: 'manager' } } as C;
    await run.step(wd(run, dueOn, run.shared.policy.escalation.graceWorkingDays + 1), escalation, WORKER);
  }
}
