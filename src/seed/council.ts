import type { IsoDate } from '../domain/calendar/index.js';
import {
  addCalendarDays,
  calendarDaysBetween,
  createCalendar,
  startOfLondonDay,
} from '../domain/calendar/index.js';
import type { Policy } from '../domain/policy.js';
import { defaultPolicy } from '../domain/policy.js';
import { createCaseHandlers } from '../eventstore/case-handlers.js';
import type { EventStore } from '../eventstore/types.js';
import { runCme } from './cme-story.js';
import { runEhe } from './ehe-story.js';
import type { Shared } from './run.js';
import { councilJobs, defaultFrom, runJobs } from './schedule.js';
import { seedingStore } from './seeding-store.js';

export { councilTeam } from './team.js';

/**
 * A synthetic council: a deterministic history of EHE and CME cases over several academic years, written
 * through the real command handler with each command's `now` set to the simulated instant of its step.
 * Shapes follow DOMAIN.md "Reports" (Southampton 2023, Kent 2017). Every name, address and UPN is made up.
 */

export interface SeedCouncilOptions {
  /** The number of EHE referrals; CME referrals are about twice that. */
  cases: number;
  seed?: number;
  /** Start of the history; defaults to 1 September three academic years before `to`. */
  from?: IsoDate;
  /** The simulated "today": nothing is dated after it. */
  to?: IsoDate;
  /**
   * The school population the referrals are a share of (reported, for the committee figures: open EHE as a
   * share of it); by default the population of which `cases` spread over the years is ~1.35% a year.
   */
  schoolPopulation?: number;
  policy?: Policy;
  /** Cases in flight at once (default 256), so their appends share the SQLite store's group commit. */
  concurrency?: number;
  /** Called with the number of cases (EHE and CME) finished so far, of all those planned. */
  onProgress?: (done: number, total: number) => void;
}

export interface SeedCouncilResult {
  eheCases: number;
  cmeCases: number;
  events: number;
  seconds: number;
  schoolPopulation: number;
  /** Events written, by type. */
  eventTypes: Record<string, number>;
  /** Commands the deciders refused (each ends its case's story early): none, unless the generator has a bug. */
  rejected: string[];
}

export async function seedCouncil(
  store: EventStore,
  options: SeedCouncilOptions,
): Promise<SeedCouncilResult> {
  const started = performance.now();
  const policy = options.policy ?? defaultPolicy;
  const to = options.to ?? '2026-11-20';
  const from = options.from ?? defaultFrom(to);
  const seed = options.seed ?? 20_261_120;
  const span = calendarDaysBetween(from, to);
  const years = Math.max(span / 365, 0.1);
  const schoolPopulation = options.schoolPopulation ?? Math.round(options.cases / years / 0.0135);
  const seeding = seedingStore(store);
  const shared: Shared = {
    store: seeding,
    handlers: createCaseHandlers(seeding),
    policy,
    calendar: createCalendar(policy.calendar),
    to,
    toInstant: startOfLondonDay(addCalendarDays(to, 1)).getTime() - 1,
    eventTypes: new Map(),
    counts: { ehe: 0, cme: 0, events: 0 },
    rejected: [],
    stories: { ehe: runEhe, cme: runCme },
  };

  await runJobs(
    councilJobs(shared, options.cases, seed, from, to, span),
    options.concurrency,
    options.onProgress,
  );

  return {
    eheCases: shared.counts.ehe,
    cmeCases: shared.counts.cme,
    events: shared.counts.events,
    seconds: (performance.now() - started) / 1000,
    schoolPopulation,
    rejected: shared.rejected,
    eventTypes: Object.fromEntries([...shared.eventTypes.entries()].sort(([a], [b]) => a.localeCompare(b))),
  };
}
