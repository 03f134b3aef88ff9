import type { Calendar, IsoDate } from '../domain/calendar/index.js';
import {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  compulsorySchoolAge,
  createCalendar,
  isOfCompulsorySchoolAge,
  startOfLondonDay,
} from '../domain/calendar/index.js';
import { upnCheckLetter } from '../domain/child.js';
import type { CmeCommand, CmeEvent, CmeState } from '../domain/cme/index.js';
import { cmeCodec, cmeDecider } from '../domain/cme/index.js';
import type { DecideContext } from '../domain/context.js';
import { decideContext } from '../domain/context.js';
import { DomainError } from '../domain/decider.js';
import type { EheCommand, EheEvent, EheState } from '../domain/ehe/index.js';
import { eheCodec, eheDecider } from '../domain/ehe/index.js';
import type { ClockName, Policy, PriorityFlag } from '../domain/policy.js';
import { defaultPolicy } from '../domain/policy.js';
import type { Role } from '../domain/roles.js';
import type { CaseType } from '../eventstore/handle.js';
import { handle } from '../eventstore/handle.js';
import type { EventStore, RecordedEvent } from '../eventstore/types.js';

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
  /** Called with the number of cases (EHE and CME) finished so far. */
  onProgress?: (done: number) => void;
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

// ---------------------------------------------------------------------------------------------------------
// Randomness: sfc32 (128 bits of state), one generator per case, so concurrency does not change any stream
// and 60,000 cases do not share a seed. cyrb128 spreads a text key over the four words.

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Four 32-bit words as a UUID (version 4 layout). */
function uuidFromWords(words: readonly number[]): string {
  const h = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  const variant = ((Number.parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(key: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(key);
    for (let i = 0; i < 12; i++) this.next();
  }
  next(): number {
    const t0 = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const t = (t0 + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }
  uuid(): string {
    const words = [0, 1, 2, 3].map(() => Math.floor(this.next() * 4294967296));
    return uuidFromWords(words);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Made-up people, places and schools.

const GIVEN_NAMES = [
  'Oliver',
  'Amelia',
  'George',
  'Isla',
  'Noah',
  'Ava',
  'Arthur',
  'Mia',
  'Leo',
  'Ivy',
  'Oscar',
  'Lily',
  'Harry',
  'Freya',
  'Jack',
  'Grace',
  'Charlie',
  'Florence',
  'Jacob',
  'Emily',
  'Thomas',
  'Sophie',
  'Henry',
  'Poppy',
  'Alfie',
  'Evie',
  'Theo',
  'Ella',
  'Finley',
  'Ruby',
  'Adam',
  'Zara',
  'Mohammed',
  'Aisha',
  'Ethan',
  'Maya',
  'Joshua',
  'Chloe',
  'Samuel',
  'Hannah',
] as const;
const FAMILY_NAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  'Jackson',
  'Clarke',
  'Khan',
  'Harris',
  'Lewis',
  'Martin',
  'Cooper',
  'King',
  'Baker',
  'Hughes',
  'Edwards',
  'Turner',
  'Hill',
  'Moore',
  'Ward',
  'Morris',
  'Ali',
  'Clark',
  'Scott',
  'Young',
  'Allen',
] as const;
const STREETS = [
  'Mill Lane',
  'Church Road',
  'Station Road',
  'Park Avenue',
  'Victoria Street',
  'Orchard Close',
  'Meadow Way',
  'Harbour Road',
  'Oak Crescent',
  'Beech Grove',
  'Kingsway',
  'Chapel Street',
  'Elm Drive',
  'Queens Road',
  'Willow Walk',
] as const;
const TOWN = 'Eastmere';
const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const SCHOOLS = [
  ['Eastmere Academy', '900101'],
  ['Harbourside School', '900102'],
  ['St Anne’s Catholic School', '900103'],
  ['Millbrook Community School', '900104'],
  ['Riverside Academy', '900105'],
  ['Oakfield College', '900106'],
  ['Westgate School', '900107'],
  ['Bitterne Park Academy', '900108'],
  ['Eastmere Primary School', '900201'],
  ['Church Road Infant and Junior', '900202'],
  ['Meadow Way Primary', '900203'],
  ['Harbour Primary Academy', '900204'],
  ['Orchard Junior School', '900205'],
  ['Kingsway Primary', '900206'],
  ['Beechwood Special School', '900301'],
  ['Eastmere Learning Centre (PRU)', '900401'],
] as const;
const OTHER_COUNCILS = ['Northwick Council', 'Southdown County Council', 'Westmarsh Borough Council'];
const ETHNICITIES = ['WBRI', 'WOTH', 'MWBC', 'AIND', 'APKN', 'BAFR', 'CHNE', 'WIRT', 'AOTH'] as const;

/** The team: eight officers, two seniors, one manager (src/domain/roles.ts). */
export const councilTeam = {
  officers: [
    'officer-01',
    'officer-02',
    'officer-03',
    'officer-04',
    'officer-05',
    'officer-06',
    'officer-07',
    'officer-08',
  ],
  seniors: ['senior-01', 'senior-02'],
  manager: 'manager-01',
} as const;

interface Actor {
  id: string;
  role: Role;
}
const MANAGER: Actor = { id: councilTeam.manager, role: 'manager' };
const WORKER: Actor = { id: 'deadline-worker', role: 'admin' };
const PORTAL: Actor = { id: 'school-portal', role: 'referrer' };
const PANEL: Actor = { id: 'panel-01', role: 'panel' };

interface School {
  name: string;
  urn: string;
}

function school(rng: Rng, phase: 'primary' | 'secondary' | 'special' | 'pru'): School {
  const range = { secondary: [0, 7], primary: [8, 13], special: [14, 14], pru: [15, 15] }[phase];
  const entry = SCHOOLS[rng.int(range[0] ?? 0, range[1] ?? 0)] ?? SCHOOLS[0];
  return { name: entry[0], urn: entry[1] };
}

function address(rng: Rng) {
  const letters = () => `${rng.pick([...POSTCODE_LETTERS])}${rng.pick([...POSTCODE_LETTERS])}`;
  return {
    lines: [`${rng.int(1, 180)} ${rng.pick(STREETS)}`],
    town: TOWN,
    postcode: `SO${rng.int(14, 19)} ${rng.int(1, 9)}${letters()}`,
  };
}

function upn(rng: Rng, birthYear: number): string {
  const digits = `852${String(rng.int(2000, 4999))}${String((birthYear + 4) % 100).padStart(2, '0')}${String(rng.int(0, 999)).padStart(3, '0')}`;
  return `${upnCheckLetter(digits)}${digits}`;
}

// ---------------------------------------------------------------------------------------------------------
// Dates.

const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** The academic year (1 September start) a date falls in. */
const academicStartYear = (date: IsoDate): number => {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 9 ? year : year - 1;
};

/** A date of birth for a child in `group` (Reception = 0) in the academic year of `at`. */
function birthDateFor(rng: Rng, group: number, at: IsoDate): IsoDate {
  const start = academicStartYear(at);
  const first = `${start - group - 5}-09-01`;
  return addCalendarDays(first, rng.int(0, 364));
}

/** Referral months: peaks before SATs (May) and GCSEs (spring), low in August. */
const MONTH_WEIGHT = [0, 1.0, 1.1, 1.35, 1.35, 1.45, 0.9, 0.7, 0.25, 1.1, 1.25, 1.1, 0.7];

function yearGroupWeights(month: number): (readonly [number, number])[] {
  const base = [2, 2.5, 3, 3.5, 4, 4.5, 5.5, 11, 8.5, 9.5, 11, 12];
  return base.map((w, group) => {
    let weight = w;
    if (group === 11 && month >= 1 && month <= 5) weight *= 1.7; // before GCSEs
    if (group === 6 && month >= 3 && month <= 5) weight *= 1.8; // before SATs
    if (group === 7 && month >= 9) weight *= 1.5; // the move to secondary school
    return [group, weight] as const;
  });
}

// ---------------------------------------------------------------------------------------------------------
// The store as the seeder sees it.

/** A UUID (version 4 layout) from a text key: fast, and the same every run. */
function stableUuid(text: string): string {
  return uuidFromWords(cyrb128(text));
}

/**
 * The seeder is the only writer of the streams it creates, so it keeps what it wrote and reads streams back
 * from memory instead of the store; appends still go to the store, with the expected revision, and only a
 * successful append is remembered. Event ids derive from the stream and revision, so two runs match.
 */
function seedingStore(store: EventStore): EventStore & { forget(stream: string): void } {
  const written = new Map<string, RecordedEvent[]>();
  return {
    /** A finished case is read no more: its events leave memory. */
    forget(stream: string) {
      written.delete(stream);
    },
    async append(stream, events, expected) {
      const known = written.get(stream) ?? [];
      const base = known.length;
      const withIds = events.map((event, i) => ({ ...event, id: stableUuid(`${stream}#${base + i}`) }));
      const result = await store.append(stream, withIds, expected);
      const first = result.position - BigInt(events.length - 1);
      const recordedAt = new Date();
      withIds.forEach((event, i) => {
        known.push({
          id: event.id,
          stream,
          revision: BigInt(base + i),
          position: first + BigInt(i),
          type: event.type,
          data: event.data,
          metadata: event.metadata ?? {},
          recordedAt,
        });
      });
      written.set(stream, known);
      return result;
    },
    async *readStream(stream, options) {
      if (options !== undefined && Object.keys(options).length > 0) {
        yield* store.readStream(stream, options);
        return;
      }
      yield* written.get(stream) ?? [];
    },
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    close: () => store.close(),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Running a case.

class Horizon extends Error {}

interface Shared {
  store: EventStore & { forget(stream: string): void };
  policy: Policy;
  calendar: Calendar;
  to: IsoDate;
  toInstant: number;
  eventTypes: Map<string, number>;
  counts: { ehe: number; cme: number; events: number };
  rejected: string[];
}

/** One stream's run: its own generator, clock of simulated time and state. */
class Run<C, E, S> {
  private lastNow = 0;
  private readonly correlationId: string;
  lastDate: IsoDate = '0000-01-01';
  constructor(
    readonly shared: Shared,
    readonly caseType: CaseType<C, E, S, DecideContext>,
    readonly stream: string,
    readonly rng: Rng,
    public state: S,
  ) {
    this.correlationId = rng.uuid();
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
    const result = await handle(
      this.shared.store,
      this.caseType,
      this.stream,
      body,
      {
        actor: actor.id,
        role: actor.role,
        correlationId: this.correlationId,
        causationId: this.rng.uuid(),
        occurredAt: instant.toISOString(),
      },
      decideContext(instant, this.shared.policy, actor),
    );
    for (const { event } of result.events) {
      const type = (event as { type: string }).type;
      this.shared.eventTypes.set(type, (this.shared.eventTypes.get(type) ?? 0) + 1);
    }
    this.shared.counts.events += result.events.length;
    this.state = result.state;
    return result.state;
  }
}

const eheType: CaseType<EheCommand, EheEvent, EheState, DecideContext> = {
  decider: eheDecider,
  codec: eheCodec,
};
const cmeType: CaseType<CmeCommand, CmeEvent, CmeState, DecideContext> = {
  decider: cmeDecider,
  codec: cmeCodec,
};

type EheRun = Run<EheCommand, EheEvent, EheState>;
type CmeRun = Run<CmeCommand, CmeEvent, CmeState>;

const wd = (run: { shared: Shared }, date: IsoDate, n: number): IsoDate =>
  run.shared.calendar.addWorkingDays(date, n);

/** The deadline worker: records a missed clock (and sometimes escalates it) as it would on the day after. */
async function workerMissed<C, E, S>(
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

// ---------------------------------------------------------------------------------------------------------
// EHE.

const PRIMARY_REASONS: (readonly [string, number])[] = [
  ['mental_health', 24],
  ['did_not_get_school_preference', 11],
  ['difficulty_accessing_suitable_place', 4],
  ['school_dissatisfaction_general', 9],
  ['school_dissatisfaction_send', 7],
  ['school_dissatisfaction_bullying', 5],
  ['philosophical_or_preferential', 8],
  ['lifestyle', 5],
  ['physical_health', 3],
  ['religious', 2],
  ['risk_of_exclusion', 3],
  ['permanent_exclusion', 1],
  ['school_suggestion', 2],
  ['other', 3],
  ['no_reason_given', 9],
  ['unknown', 3],
];

const EHE_SOURCES = [
  ['deletion_return', 74],
  ['parent', 11],
  ['another_council', 5],
  ['health', 3],
  ['social_care', 4],
  ['other', 3],
] as const;

interface EheSeedCase {
  index: number;
  receivedOn: IsoDate;
  group: number;
  /** Opened from a CME case whose child was found home educated. */
  fromCme?: {
    cmeCaseId: string;
    caseId: string;
    child: { givenName: string; familyName: string; dateOfBirth?: IsoDate | undefined };
  };
}

function officerFor(state: EheState | CmeState): Actor {
  const id =
    'allocatedOfficer' in state ? state.allocatedOfficer : state.status === 'none' ? null : state.allocatedTo;
  return { id: id ?? councilTeam.officers[0], role: 'officer' };
}

const senior = (rng: Rng): Actor => ({ id: rng.pick(councilTeam.seniors), role: 'senior' });

async function runEhe(shared: Shared, rng: Rng, spec: EheSeedCase): Promise<void> {
  const caseId = spec.fromCme?.caseId ?? rng.uuid();
  const run: EheRun = new Run(shared, eheType, `ehe-${caseId}`, rng, eheDecider.initialState());
  shared.counts.ehe++;
  try {
    await eheStory(run, spec, caseId);
  } catch (error) {
    // A command the decider refuses ends that case's story here; the seeding goes on and reports it.
    if (error instanceof DomainError) shared.rejected.push(`${run.stream}: ${error.code}: ${error.message}`);
    else if (!(error instanceof Horizon)) throw error;
  } finally {
    shared.store.forget(run.stream);
  }
}

async function eheStory(run: EheRun, spec: EheSeedCase, caseId: string): Promise<void> {
  const { rng } = run;
  const t0 = spec.receivedOn;
  const dob = spec.fromCme?.child.dateOfBirth ?? birthDateFor(rng, spec.group, t0);
  const group = spec.group;
  const phase = group >= 7 ? 'secondary' : 'primary';
  const senStatus = rng.weighted([
    ['N', 73],
    ['K', 22],
    ['E', 5],
  ] as const);
  const placedByCouncil = senStatus === 'E' && rng.chance(0.15);
  const source = spec.fromCme ? 'cme_case' : rng.weighted(EHE_SOURCES);
  const previousSchoolType = placedByCouncil
    ? 'special'
    : rng.weighted([
        ['academy', group >= 7 ? 50 : 30],
        ['la_maintained', group >= 7 ? 22 : 45],
        ['free_school', 4],
        ['independent', 4],
        ['special', senStatus === 'E' ? 20 : 1],
        ['alternative_provision', group >= 7 ? 3 : 0.5],
        ['pupil_referral_unit', group >= 7 ? 2 : 0.3],
        ['not_previously_in_school', group <= 1 ? 20 : 2],
        ['other_or_unknown', 4],
      ] as const);
  const left =
    previousSchoolType === 'special'
      ? school(rng, 'special')
      : previousSchoolType === 'pupil_referral_unit'
        ? school(rng, 'pru')
        : school(rng, phase);
  const reason = rng.weighted(PRIMARY_REASONS);
  const flags: PriorityFlag[] = [];
  if (rng.chance(0.03)) flags.push('child_protection_plan');
  else if (rng.chance(0.06)) flags.push('child_in_need_plan');
  if (group >= 8 && rng.chance(0.02)) flags.push('youth_justice');
  const familyName = spec.fromCme?.child.familyName ?? rng.pick(FAMILY_NAMES);
  const eheStartDate = addCalendarDays(t0, -rng.int(0, 10));
  const home = address(rng);
  const parent = `${rng.pick(GIVEN_NAMES)} ${familyName}`;
  const sourceDetail =
    source === 'another_council'
      ? rng.pick(OTHER_COUNCILS)
      : source === 'other'
        ? 'Community group'
        : undefined;
  const birthYear = Number(dob.slice(0, 4));
  let state = await run.step(
    t0,
    {
      type: 'ReceiveEheReferral',
      data: {
        caseId,
        receivedOn: t0,
        source,
        ...(sourceDetail ? { sourceDetail } : {}),
        ...(source === 'deletion_return'
          ? {
              deletionReturn: {
                school: left,
                deletedOn: eheStartDate,
                ground: 'Parent has informed the school in writing of home education',
              },
            }
          : {}),
        ...(spec.fromCme ? { cmeCaseId: spec.fromCme.cmeCaseId } : {}),
        child: {
          givenName: spec.fromCme?.child.givenName ?? rng.pick(GIVEN_NAMES),
          familyName,
          dateOfBirth: dob,
          sex: rng.weighted([
            ['F', 49],
            ['M', 49],
            ['U', 2],
          ] as const),
          ...(rng.chance(0.85) ? { upn: upn(rng, birthYear) } : {}),
          senStatus,
          address: home,
          ...(rng.chance(0.7) ? { ethnicity: rng.pick(ETHNICITIES) } : {}),
        },
        parentsCarers: [
          {
            name: parent,
            relationship: rng.pick(['mother', 'father', 'carer']),
            livesWithChild: true,
            phone: `023 80${rng.int(10, 99)} ${rng.int(1000, 9999)}`,
            ...(rng.chance(0.6) ? { email: `parent${rng.int(1000, 99999)}@example.org` } : {}),
          },
        ],
        ...(previousSchoolType === 'not_previously_in_school' ? {} : { schoolLeft: left }),
        previousSchoolType,
        placedAtSpecialSchoolByCouncil: placedByCouncil,
        eheStartDate,
        ...(reason === 'no_reason_given' && rng.chance(0.5)
          ? {}
          : {
              primaryReason:
                reason === 'other' ? { code: 'other', text: 'Family circumstances' } : { code: reason },
            }),
        otherReasons: rng.chance(0.2) ? [{ code: 'school_dissatisfaction_general' }] : [],
        priorityFlags: flags,
      },
    },
    source === 'deletion_return' ? PORTAL : { id: rng.pick(councilTeam.officers), role: 'officer' },
  );

  // Special school consent comes first.
  let t = t0;
  if (state.consent === 'needed') {
    t = wd(run, t, 1);
    state = await run.step(
      t,
      { type: 'RequestSpecialSchoolConsent', data: { requestedOn: t, requestedBy: 'school' } },
      senior(rng),
    );
    const due = state.clocks.specialSchoolConsent?.dueOn ?? wd(run, t, 10);
    const late = rng.chance(0.15);
    if (late) await workerMissed(run, 'specialSchoolConsent', due, rng.chance(0.5));
    t = late ? maxDate(run.lastDate, wd(run, due, rng.int(1, 4))) : wd(run, t, rng.int(2, 9));
    if (rng.chance(0.1)) {
      state = await run.step(
        t,
        {
          type: 'RefuseSpecialSchoolConsent',
          data: { decidedOn: t, rationale: 'The placement meets needs the plan sets out' },
        },
        senior(rng),
      );
    } else {
      state = await run.step(
        t,
        { type: 'GiveSpecialSchoolConsent', data: { decidedOn: t, rationale: 'Parents have a plan' } },
        senior(rng),
      );
    }
  }

  // Allocation: mostly within the clock, some late (the worker records it).
  const allocationDue = state.clocks.allocation?.dueOn ?? wd(run, t0, 2);
  if (rng.chance(0.12)) {
    await workerMissed(run, 'allocation', allocationDue, rng.chance(0.4));
    t = maxDate(run.lastDate, wd(run, allocationDue, rng.int(1, 5)));
  } else {
    t = maxDate(t, maxDate(t0, wd(run, t0, rng.int(0, 2))));
    if (t > allocationDue) t = maxDate(t0, allocationDue);
  }
  t = maxDate(t, run.lastDate);
  const officer = rng.pick(councilTeam.officers);
  state = await run.step(t, { type: 'AllocateCase', data: { officerId: officer, allocatedOn: t } }, MANAGER);

  if (state.consent === 'refused') {
    t = wd(run, t, rng.int(3, 15));
    state = await run.step(
      t,
      { type: 'RecordReturnToSchool', data: { school: left, startDate: t } },
      officerFor(state),
    );
    await run.step(t, { type: 'CloseCase', data: { closedOn: t, reason: 'returned_to_school' } }, MANAGER);
    return;
  }

  // First contact: a failed attempt or two, then contact; some late.
  const contactDue = state.clocks.firstContact?.dueOn ?? wd(run, t0, 5);
  const contactLate = rng.chance(0.1);
  for (let i = rng.int(0, 2); i > 0; i--) {
    t = wd(run, t, 1);
    if (!contactLate && t >= contactDue) break;
    state = await run.step(
      t,
      {
        type: 'RecordContactAttempt',
        data: {
          attemptedOn: t,
          method: rng.pick(['phone', 'letter', 'email'] as const),
          outcome: rng.pick(['no_answer', 'message_left', 'no_reply'] as const),
        },
      },
      officerFor(state),
    );
  }
  if (contactLate) {
    if (state.clocks.firstContact) await workerMissed(run, 'firstContact', contactDue, rng.chance(0.3));
    t = maxDate(run.lastDate, wd(run, contactDue, rng.int(1, 6)));
  } else {
    t = maxDate(t, wd(run, t, rng.int(0, 1)));
    if (t > contactDue) t = maxDate(run.lastDate, contactDue);
  }
  state = await run.step(
    t,
    {
      type: 'RecordContactAttempt',
      data: {
        attemptedOn: t,
        method: rng.pick(['phone', 'email', 'visit'] as const),
        outcome: 'contact_made',
      },
    },
    officerFor(state),
  );

  // Reallocation, now and then.
  if (rng.chance(0.1)) {
    t = wd(run, t, rng.int(1, 10));
    const next = rng.pick(councilTeam.officers.filter((o) => o !== state.allocatedOfficer));
    state = await run.step(
      t,
      {
        type: 'ReallocateCase',
        data: {
          officerId: next,
          reallocatedOn: t,
          reason: rng.pick(['Caseload balancing', 'Officer on leave', 'Officer left the service']),
        },
      },
      MANAGER,
    );
  }

  // Other services tell us of a child protection plan.
  if (rng.chance(0.03) && !state.priorityFlags.includes('child_protection_plan')) {
    t = wd(run, t, rng.int(1, 15));
    state = await run.step(
      t,
      {
        type: 'ChangePriorityFlags',
        data: {
          changedOn: t,
          flags: [...state.priorityFlags, 'child_protection_plan'],
          toldBy: 'social_care',
        },
      },
      officerFor(state),
    );
  }

  // Some go back to school soon after (often those who did not get a school of choice).
  const earlyReturn = reason === 'did_not_get_school_preference' ? 0.25 : 0.07;
  if (rng.chance(earlyReturn)) {
    t = addCalendarDays(t, rng.int(14, 90));
    await returnAndClose(run, t, school(rng, phase));
    return;
  }

  // The CNIS panel for priority cases.
  if (state.priority && rng.chance(0.4)) {
    t = wd(run, t, rng.int(2, 10));
    state = await run.step(
      t,
      {
        type: 'ReferToPanel',
        data: {
          panel: 'children_not_in_school',
          referredOn: t,
          reason: 'Priority case: multi-agency oversight',
        },
      },
      senior(rng),
    );
    t = wd(run, t, rng.int(5, 20));
    state = await run.step(
      t,
      {
        type: 'RecordPanelDecision',
        data: {
          panel: 'children_not_in_school',
          decidedOn: t,
          decision: 'Monitor with termly contact',
          actions: ['Lead professional to share plan'],
        },
      },
      PANEL,
    );
  }

  // The visit: ~95% accept.
  t = wd(run, t, rng.int(1, 4));
  const visitId = `visit-${rng.int(100000, 999999)}`;
  const proposedFor = wd(run, t, rng.int(3, 12));
  state = await run.step(
    t,
    {
      type: 'OfferVisit',
      data: {
        visitId,
        offeredOn: t,
        proposedFor,
        location: rng.weighted([
          ['home', 85],
          ['council_office', 12],
          ['other', 3],
        ] as const),
      },
    },
    officerFor(state),
  );
  let enquiry = false;
  if (rng.chance(0.95)) {
    t = wd(run, t, rng.int(0, 2));
    if (t > proposedFor) t = proposedFor;
    state = await run.step(
      t,
      { type: 'RecordVisitAccepted', data: { visitId, acceptedOn: t } },
      officerFor(state),
    );
    t = proposedFor;
    const outcome = rng.weighted([
      ['satisfactory', 76],
      ['further_information_needed', 19],
      ['concerns_raised', 5],
    ] as const);
    state = await run.step(
      t,
      {
        type: 'RecordVisitHeld',
        data: { visitId, heldOn: t, notes: 'Met parent and child; discussed provision', outcome },
      },
      officerFor(state),
    );
    enquiry = outcome !== 'satisfactory';
  } else {
    t = wd(run, t, rng.int(1, 3));
    state = await run.step(
      t,
      {
        type: 'RecordVisitDeclined',
        data: { visitId, declinedOn: t, reason: 'Family prefer written contact' },
      },
      officerFor(state),
    );
    enquiry = true;
  }

  // Suitability.
  let unsuitable = false;
  let refused = false;
  if (enquiry) {
    t = wd(run, t, rng.int(1, 5));
    state = await run.step(
      t,
      { type: 'SendInformalEnquiry', data: { sentOn: t, method: rng.pick(['letter', 'email'] as const) } },
      officerFor(state),
    );
    const due = state.clocks.informalEnquiry?.dueOn ?? wd(run, t, 20);
    if (rng.chance(0.8)) {
      if (rng.chance(0.15)) {
        await workerMissed(run, 'informalEnquiry', due, false);
        t = maxDate(run.lastDate, wd(run, due, rng.int(1, 8)));
      } else {
        t = wd(run, t, rng.int(5, 19));
      }
      state = await run.step(
        t,
        {
          type: 'RecordEvidence',
          data: {
            receivedOn: t,
            kind: rng.pick(['report', 'samples', 'meeting', 'tutor_report'] as const),
            description: 'Evidence of the education provided',
          },
        },
        officerFor(state),
      );
      unsuitable = rng.chance(0.15);
    } else {
      await workerMissed(run, 'informalEnquiry', due, rng.chance(0.5));
      unsuitable = true;
      refused = true;
    }
    t = maxDate(run.lastDate, wd(run, t, rng.int(2, 8)));
  } else {
    t = wd(run, t, rng.int(0, 5));
  }
  state = await run.step(
    t,
    {
      type: 'JudgeSuitability',
      data: {
        judgedOn: t,
        outcome: unsuitable ? 'appears_unsuitable' : 'suitable',
        rationale: unsuitable
          ? refused
            ? 'No information provided in response to the enquiry'
            : 'The evidence does not show suitable full-time education'
          : 'Education appears efficient and suitable',
        informationRefused: refused,
      },
    },
    officerFor(state),
  );

  if (unsuitable) {
    const reclassifyOn = wd(run, t, rng.int(5, 20));
    // A child not (or no longer) of compulsory school age is not a child missing education.
    if (rng.chance(0.65) || !isOfCompulsorySchoolAge(dob, reclassifyOn)) {
      const back = await saoRoute(run, t, phase);
      if (back === 'closed') return;
      t = run.lastDate;
    } else {
      t = reclassifyOn;
      const cmeCaseId = rng.uuid();
      await run.step(
        t,
        {
          type: 'ReclassifyAsCme',
          data: { reclassifiedOn: t, cmeCaseId, reason: 'Education not shown to be suitable' },
        },
        MANAGER,
      );
      await runCme(run.shared, rng, {
        index: -1,
        receivedOn: t,
        group,
        fromEhe: {
          eheCaseId: caseId,
          caseId: cmeCaseId,
          child: { givenName: 'Unknown', familyName, dateOfBirth: dob },
        },
      });
      return;
    }
  }

  // Fair Access for a few.
  if (rng.chance(0.03)) {
    t = wd(run, t, rng.int(10, 60));
    state = await run.step(
      t,
      {
        type: 'ReferToPanel',
        data: { panel: 'fair_access', referredOn: t, reason: 'Family ask for a school place' },
      },
      senior(rng),
    );
    t = wd(run, t, rng.int(5, 15));
    const place = school(rng, phase);
    state = await run.step(
      t,
      {
        type: 'RecordPanelDecision',
        data: {
          panel: 'fair_access',
          decidedOn: t,
          decision: 'Place offered',
          actions: [],
          placementSchool: place,
        },
      },
      PANEL,
    );
    const due = state.clocks.fairAccessPlacement?.dueOn;
    if (due && rng.chance(0.2)) {
      await workerMissed(run, 'fairAccessPlacement', due, false);
      t = maxDate(run.lastDate, addCalendarDays(due, rng.int(1, 10)));
    } else {
      t = run.shared.calendar.addSchoolDays(t, rng.int(3, 18));
    }
    await returnAndClose(run, t, place);
    return;
  }

  await monitor(run, maxDate(t, run.lastDate), dob, phase);
}

async function returnAndClose(run: EheRun, on: IsoDate, to: School): Promise<void> {
  const date = maxDate(on, run.lastDate);
  await run.step(
    date,
    { type: 'RecordReturnToSchool', data: { school: to, startDate: date } },
    officerFor(run.state),
  );
  await run.step(
    date,
    { type: 'CloseCase', data: { closedOn: date, reason: 'returned_to_school' } },
    MANAGER,
  );
}

/** Monitoring, year by year: annual contact, EHCP reviews, returns to school, moves, the end of school age. */
async function monitor(
  run: EheRun,
  from: IsoDate,
  dob: IsoDate,
  phase: 'primary' | 'secondary',
): Promise<void> {
  const { rng } = run;
  const csaEnd = compulsorySchoolAge(dob).end;
  let t = from;
  for (let year = 0; year < 20; year++) {
    const state = run.state;
    const due = state.clocks.annualContact?.dueOn ?? addMonths(t, 12);
    const r = rng.next();
    if (csaEnd < due) {
      // School age ends before the next contact is due.
      const on = maxDate(t, addCalendarDays(csaEnd, rng.int(1, 30)));
      await run.step(
        on,
        { type: 'CloseCase', data: { closedOn: on, reason: 'end_of_compulsory_school_age' } },
        MANAGER,
      );
      return;
    }
    if (r < 0.2) {
      await returnAndClose(run, addCalendarDays(t, rng.int(20, 320)), school(rng, phase));
      return;
    }
    if (r < 0.26) {
      const on = addCalendarDays(t, rng.int(20, 320));
      await run.step(
        on,
        {
          type: 'CloseCase',
          data: { closedOn: on, reason: 'moved_out_of_area', receivingCouncil: rng.pick(OTHER_COUNCILS) },
        },
        MANAGER,
      );
      if (!rng.chance(0.15)) return;
      // Moved back: the case is reopened.
      t = addCalendarDays(on, rng.int(60, 240));
      await run.step(
        t,
        { type: 'ReopenCase', data: { reopenedOn: t, reason: 'Family moved back into the area' } },
        MANAGER,
      );
      await run.step(
        t,
        { type: 'RecordContactAttempt', data: { attemptedOn: t, method: 'phone', outcome: 'contact_made' } },
        officerFor(run.state),
      );
      continue;
    }
    if (r < 0.27) {
      const on = addCalendarDays(t, rng.int(20, 320));
      await run.step(
        on,
        {
          type: 'CloseCase',
          data: {
            closedOn: on,
            reason: 'other',
            reasonText: 'Family no longer resident; destination unknown',
          },
        },
        MANAGER,
      );
      return;
    }
    // The EHCP review, when due this year.
    const review = state.clocks.ehcpAnnualReview?.dueOn;
    const steps: { on: IsoDate; go: () => Promise<unknown> }[] = [];
    if (review && review <= due) {
      const on = maxDate(t, addCalendarDays(review, -rng.int(0, 25)));
      steps.push({
        on,
        go: () =>
          run.step(on, { type: 'RecordEhcpAnnualReview', data: { heldOn: on } }, officerFor(run.state)),
      });
    }
    const remindOn = state.clocks.annualContact?.remindOn;
    if (remindOn && remindOn >= t) {
      steps.push({
        on: remindOn,
        go: () => run.step(remindOn, { type: 'RecordAnnualContactDue', data: { dueOn: due } }, WORKER),
      });
    }
    const late = rng.chance(0.08);
    const contactOn = late
      ? addCalendarDays(due, rng.int(5, 40))
      : maxDate(t, addCalendarDays(due, -rng.int(0, 28)));
    if (late)
      steps.push({
        on: addCalendarDays(due, 1),
        go: () => workerMissed(run, 'annualContact', due, rng.chance(0.3)),
      });
    steps.push({
      on: contactOn,
      go: () =>
        run.step(
          maxDate(contactOn, run.lastDate),
          {
            type: 'RecordContactAttempt',
            data: {
              attemptedOn: maxDate(contactOn, run.lastDate),
              method: rng.pick(['visit', 'phone', 'email'] as const),
              outcome: 'contact_made',
            },
          },
          officerFor(run.state),
        ),
    });
    steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    for (const s of steps) await s.go();
    t = run.lastDate;
  }
}

/** The School Attendance Order route (current regime); 'closed' when the case ends on it. */
async function saoRoute(
  run: EheRun,
  from: IsoDate,
  phase: 'primary' | 'secondary',
): Promise<'closed' | 'open'> {
  const { rng } = run;
  const s = senior(rng);
  let t = wd(run, from, rng.int(3, 15));
  let state = await run.step(
    t,
    {
      type: 'ServeSection437Notice',
      data: {
        issuedOn: t,
        servedOn: t,
        serviceMethod: rng.pick(['in_person', 'post', 'left_at_address'] as const),
      },
    },
    s,
  );
  const periodEnds = state.sao.notice437?.periodEndsOn ?? addCalendarDays(t, 15);
  t = addCalendarDays(periodEnds, rng.int(1, 10));
  if (rng.chance(0.3)) {
    state = await run.step(
      t,
      {
        type: 'JudgeSection437Response',
        data: { judgedOn: t, satisfied: true, rationale: 'The parent has shown suitable education' },
      },
      s,
    );
    return 'open';
  }
  state = await run.step(
    t,
    {
      type: 'JudgeSection437Response',
      data: { judgedOn: t, satisfied: false, rationale: 'No satisfactory response within the period' },
    },
    s,
  );
  t = wd(run, t, rng.int(1, 5));
  const expedient = rng.chance(0.9);
  state = await run.step(
    t,
    {
      type: 'DecideAttendanceExpediency',
      data: {
        decidedOn: t,
        expedient,
        rationale: expedient ? 'Attendance at school is expedient' : 'Family engaging again',
      },
    },
    MANAGER,
  );
  if (!expedient) return 'open';
  const intended = school(rng, phase);
  t = wd(run, t, rng.int(1, 5));
  state = await run.step(
    t,
    { type: 'ConsultSchool', data: { school: intended, consultedOn: t, response: 'Place available' } },
    s,
  );
  t = wd(run, t, rng.int(2, 8));
  state = await run.step(
    t,
    {
      type: 'ServeSection438Notice',
      data: {
        issuedOn: t,
        servedOn: t,
        serviceMethod: 'post',
        intendedSchool: intended,
        alternativeSchools: [],
      },
    },
    s,
  );
  const choiceEnds = state.sao.noticeOfIntention?.choiceEndsOn ?? addCalendarDays(t, 15);
  if (rng.chance(0.4)) {
    t = addCalendarDays(t, rng.int(2, 12));
    if (t > choiceEnds) t = choiceEnds;
    state = await run.step(
      t,
      { type: 'RecordParentSchoolChoice', data: { chosenOn: t, kind: 'named_school', school: intended } },
      s,
    );
    t = addCalendarDays(t, rng.int(1, 5));
  } else {
    t = addCalendarDays(choiceEnds, rng.int(1, 7));
  }
  const ehcp = state.priorityFlags.includes('ehcp');
  state = await run.step(
    t,
    {
      type: 'ServeSchoolAttendanceOrder',
      data: {
        issuedOn: t,
        servedOn: t,
        serviceMethod: 'in_person',
        school: intended,
        schoolNamedInEhcp: ehcp,
      },
    },
    MANAGER,
  );
  const complianceDue = state.clocks.saoCompliance?.dueOn;
  const outcome = rng.weighted([
    ['complied', 55],
    ['revoked', 20],
    ['prosecution', 25],
  ] as const);
  if (outcome === 'complied') {
    t = run.shared.calendar.addSchoolDays(t, rng.int(2, 12));
    await run.step(t, { type: 'RecordSaoCompliance', data: { registeredOn: t, school: intended } }, s);
    await returnAndClose(run, t, intended);
    return 'closed';
  }
  if (outcome === 'revoked') {
    t = addCalendarDays(t, rng.int(10, 60));
    await run.step(
      t,
      {
        type: 'RecordSaoRevocationRequest',
        data: { requestedOn: t, arrangements: 'Tutor and structured curriculum now in place' },
      },
      s,
    );
    t = wd(run, t, rng.int(5, 20));
    await run.step(
      t,
      { type: 'RevokeSchoolAttendanceOrder', data: { revokedOn: t, rationale: 'Suitable education shown' } },
      MANAGER,
    );
    return 'open';
  }
  if (complianceDue) await workerMissed(run, 'saoCompliance', complianceDue, true);
  t = maxDate(run.lastDate, wd(run, complianceDue ?? t, rng.int(3, 10)));
  await run.step(
    t,
    {
      type: 'ConsiderEso',
      data: { consideredOn: t, decision: 'prosecute', rationale: 'An ESO would not secure attendance' },
    },
    MANAGER,
  );
  t = wd(run, t, rng.int(10, 30));
  await run.step(
    t,
    { type: 'StartProsecution', data: { startedOn: t, court: 'Eastmere Magistrates’ Court' } },
    MANAGER,
  );
  if (rng.chance(0.2)) {
    t = addCalendarDays(t, rng.int(20, 40));
    await run.step(
      t,
      { type: 'RecordEsoDirection', data: { directedOn: t, court: 'Eastmere Magistrates’ Court' } },
      MANAGER,
    );
    t = addCalendarDays(t, rng.int(10, 50));
    await run.step(
      t,
      {
        type: 'AnswerEsoDirection',
        data: { answeredOn: t, answer: 'reasons_given', reasons: 'An ESO would not secure attendance' },
      },
      MANAGER,
    );
  }
  t = addCalendarDays(t, rng.int(30, 90));
  const convicted = rng.chance(0.75);
  await run.step(
    t,
    {
      type: 'RecordProsecutionOutcome',
      data: convicted
        ? { decidedOn: t, outcome: 'convicted', orderCeases: false, sentence: 'Fine' }
        : { decidedOn: t, outcome: 'acquitted', orderCeases: false },
    },
    MANAGER,
  );
  if (convicted && rng.chance(0.6)) {
    t = run.shared.calendar.addSchoolDays(t, rng.int(5, 20));
    await run.step(t, { type: 'RecordSaoCompliance', data: { registeredOn: t, school: intended } }, s);
    await returnAndClose(run, t, intended);
    return 'closed';
  }
  return 'open';
}

// ---------------------------------------------------------------------------------------------------------
// CME.

const CME_SOURCES = [
  ['deletion_return_no_destination', 30],
  ['continuous_absence_ten_school_days', 19],
  ['joint_reasonable_enquiry_before_deletion', 10],
  ['census_cross_check', 10],
  ['fair_access_place_not_taken_up', 3],
  ['other_agency', 17],
  ['public', 11],
] as const;

interface CmeSeedCase {
  index: number;
  receivedOn: IsoDate;
  group: number;
  fromEhe?: {
    eheCaseId: string;
    caseId: string;
    child: { givenName: string; familyName: string; dateOfBirth: IsoDate };
  };
}

async function runCme(shared: Shared, rng: Rng, spec: CmeSeedCase): Promise<void> {
  const caseId = spec.fromEhe?.caseId ?? rng.uuid();
  const run: CmeRun = new Run(shared, cmeType, `cme-${caseId}`, rng, cmeDecider.initialState());
  shared.counts.cme++;
  try {
    await cmeStory(run, spec, caseId);
  } catch (error) {
    // A command the decider refuses ends that case's story here; the seeding goes on and reports it.
    if (error instanceof DomainError) shared.rejected.push(`${run.stream}: ${error.code}: ${error.message}`);
    else if (!(error instanceof Horizon)) throw error;
  } finally {
    shared.store.forget(run.stream);
  }
}

const cmeOfficer = (run: CmeRun): Actor => officerFor(run.state);

async function cmeStory(run: CmeRun, spec: CmeSeedCase, caseId: string): Promise<void> {
  const { rng } = run;
  const t0 = spec.receivedOn;
  const source = spec.fromEhe ? 'ehe_judged_unsuitable' : rng.weighted(CME_SOURCES);
  let dob: IsoDate | undefined = spec.fromEhe?.child.dateOfBirth ?? birthDateFor(rng, spec.group, t0);
  if (!spec.fromEhe && !isOfCompulsorySchoolAge(dob, t0)) dob = birthDateFor(rng, 8, t0);
  if (source === 'public' && rng.chance(0.3)) dob = undefined;
  const familyName = spec.fromEhe?.child.familyName ?? rng.pick(FAMILY_NAMES);
  const lastSchool = school(rng, spec.group >= 7 ? 'secondary' : 'primary');
  const fromSchool = [
    'deletion_return_no_destination',
    'continuous_absence_ten_school_days',
    'joint_reasonable_enquiry_before_deletion',
  ].includes(source);
  let state = await run.step(
    t0,
    {
      type: 'ReceiveCmeReferral',
      data: {
        caseId,
        receivedOn: t0,
        source,
        ...(source === 'other_agency'
          ? { referrer: rng.pick(['Health visiting team', 'Housing options', 'Youth offending service']) }
          : {}),
        ...(source === 'public' ? { referrer: 'Member of the public' } : {}),
        child: {
          givenName: spec.fromEhe?.child.givenName ?? rng.pick(GIVEN_NAMES),
          familyName,
          ...(dob ? { dateOfBirth: dob } : {}),
          sex: rng.weighted([
            ['F', 48],
            ['M', 48],
            ['U', 4],
          ] as const),
          ...(fromSchool && dob && rng.chance(0.8) ? { upn: upn(rng, Number(dob.slice(0, 4))) } : {}),
          ...(rng.chance(0.8) ? { address: address(rng) } : {}),
        },
        whatIsKnown: fromSchool
          ? 'Not attending; family not responding to the school'
          : 'Reported as not attending any school',
        timeMissing: rng.weighted([
          ['twelve_weeks_or_less', 62],
          ['more_than_twelve_weeks', 18],
          ['unknown', 20],
        ] as const),
        ...(fromSchool ? { lastSchool } : {}),
        ...(spec.fromEhe ? { eheCaseId: spec.fromEhe.eheCaseId } : {}),
      },
    },
    fromSchool ? PORTAL : { id: rng.pick(councilTeam.officers), role: 'officer' },
  );

  // Allocation.
  const allocationDue = state.status === 'none' ? t0 : (state.clocks.allocation?.dueOn ?? wd(run, t0, 2));
  let t: IsoDate;
  if (rng.chance(0.1)) {
    await workerMissed(run, 'allocation', allocationDue, rng.chance(0.4));
    t = maxDate(run.lastDate, wd(run, allocationDue, rng.int(1, 4)));
  } else {
    t = maxDate(t0, wd(run, t0, rng.int(0, 2)));
    if (t > allocationDue) t = maxDate(t0, allocationDue);
  }
  state = await run.step(
    t,
    { type: 'AllocateCase', data: { officerId: rng.pick(councilTeam.officers), allocatedOn: t } },
    MANAGER,
  );

  // Risk: a few high, reported to social care and the police, sometimes late.
  t = maxDate(t, wd(run, t, rng.int(0, 1)));
  const level = rng.weighted([
    ['low', 68],
    ['medium', 26],
    ['high', 6],
  ] as const);
  state = await run.step(
    t,
    {
      type: 'AssessCmeRisk',
      data: {
        assessedOn: t,
        level,
        rationale:
          level === 'high'
            ? 'Safeguarding concerns; no contact with any agency'
            : 'No known safeguarding concerns',
      },
    },
    cmeOfficer(run),
  );
  if (level === 'high') {
    const due = state.status === 'none' ? t : state.clocks.cmeHighRiskReport?.dueOn;
    if (due && rng.chance(0.2)) {
      await workerMissed(run, 'cmeHighRiskReport', due, true);
      t = maxDate(run.lastDate, wd(run, due, rng.int(1, 2)));
    }
    await run.stepAt(
      t,
      (reportedAt) => ({ type: 'ReportToSocialCare', data: { reportedAt } }),
      cmeOfficer(run),
    );
    await run.stepAt(t, (reportedAt) => ({ type: 'ReportToPolice', data: { reportedAt } }), cmeOfficer(run));
  }

  if (rng.chance(0.08)) {
    t = wd(run, t, rng.int(1, 10));
    state = run.state;
    const current = state.status === 'none' ? null : state.allocatedTo;
    await run.step(
      t,
      {
        type: 'ReallocateCase',
        data: {
          officerId: rng.pick(councilTeam.officers.filter((o) => o !== current)),
          reallocatedOn: t,
          reason: 'Caseload balancing',
        },
      },
      MANAGER,
    );
  }

  // Enquiries.
  const located = rng.chance(0.86);
  const enquiries = rng.int(1, 4);
  for (let i = 0; i < enquiries; i++) {
    t = wd(run, t, rng.int(0, 2));
    const enquiryId = `enq-${i + 1}`;
    const agency = rng.pick([
      'school',
      'other_council',
      'lost_pupils_database',
      'health',
      'housing',
      'benefits',
      'police',
      'home_office',
    ] as const);
    await run.step(t, { type: 'MakeCmeEnquiry', data: { enquiryId, agency, madeOn: t } }, cmeOfficer(run));
    const replyOn = wd(run, t, rng.int(1, 6));
    const last = i === enquiries - 1;
    await run.step(
      replyOn,
      {
        type: 'RecordCmeEnquiryOutcome',
        data: {
          enquiryId,
          outcome:
            last && located
              ? 'child_located'
              : rng.pick(['information_received', 'no_trace', 'no_reply'] as const),
          receivedOn: replyOn,
        },
      },
      cmeOfficer(run),
    );
    t = maxDate(t, replyOn);
  }

  if (!located) {
    // Untraced: reviewed on the cycle, for years if need be; a few found later.
    const foundLater = rng.chance(0.3);
    const reviewsBeforeFound = foundLater ? rng.int(1, 12) : Number.POSITIVE_INFINITY;
    for (let n = 0; n < 200; n++) {
      const s = run.state;
      if (s.status === 'none') return;
      const due = s.clocks.cmeTracingReview?.dueOn ?? run.shared.calendar.addSchoolDays(t, 20);
      if (n >= reviewsBeforeFound) break;
      // Reviews run while the child is of compulsory school age; then the case closes for age.
      const end = dob === undefined ? undefined : compulsorySchoolAge(dob).end;
      const closeForAge = async (): Promise<void> => {
        const on = maxDate(run.lastDate, addCalendarDays(end ?? due, rng.int(1, 20)));
        await run.step(
          on,
          { type: 'CloseCase', data: { closedOn: on, destination: 'end_of_compulsory_school_age' } },
          MANAGER,
        );
      };
      if (end !== undefined && due > end) return closeForAge();
      let on = maxDate(run.lastDate, addCalendarDays(due, -rng.int(0, 5)));
      if (rng.chance(0.06)) {
        await workerMissed(run, 'cmeTracingReview', due, rng.chance(0.3));
        on = maxDate(run.lastDate, wd(run, due, rng.int(1, 5)));
      }
      if (end !== undefined && on > end) return closeForAge();
      await run.step(
        on,
        {
          type: 'RecordUntracedReview',
          data: { reviewedOn: on, notes: 'Checks repeated with school, health and housing; no trace' },
        },
        cmeOfficer(run),
      );
      t = on;
    }
    t = wd(run, run.lastDate, rng.int(1, 10));
  } else {
    t = maxDate(t, run.lastDate);
  }

  await whereabouts(run, t, spec.group, familyName, dob, caseId);
}

async function whereabouts(
  run: CmeRun,
  from: IsoDate,
  group: number,
  familyName: string,
  dob: IsoDate | undefined,
  caseId: string,
): Promise<void> {
  const { rng } = run;
  let t = from;
  const kind = rng.weighted([
    ['on_roll', 40],
    ['other_council_area', 25],
    ['in_area', 25],
    ['abroad', 10],
  ] as const);
  const phase = group >= 7 ? 'secondary' : 'primary';
  if (kind === 'on_roll') {
    const at = school(rng, phase);
    await run.step(
      t,
      {
        type: 'EstablishWhereabouts',
        data: { establishedOn: t, whereabouts: { kind, school: at, onRollFrom: t } },
      },
      cmeOfficer(run),
    );
    await closeCme(run, wd(run, t, rng.int(0, 5)), 'on_roll');
    await maybeReopen(run, group, familyName, dob, caseId);
    return;
  }
  if (kind === 'other_council_area') {
    const council = rng.pick(OTHER_COUNCILS);
    await run.step(
      t,
      { type: 'EstablishWhereabouts', data: { establishedOn: t, whereabouts: { kind, council } } },
      cmeOfficer(run),
    );
    t = wd(run, t, rng.int(0, 3));
    await run.step(t, { type: 'HandToAnotherCouncil', data: { handedOn: t, council } }, cmeOfficer(run));
    await closeCme(run, wd(run, t, rng.int(0, 3)), 'handed_to_another_council');
    return;
  }
  if (kind === 'abroad') {
    await run.step(
      t,
      {
        type: 'EstablishWhereabouts',
        data: {
          establishedOn: t,
          whereabouts: {
            kind,
            country: rng.pick(['Poland', 'Romania', 'Spain', 'India', 'Nigeria']),
            confirmedBy: 'Home Office record',
          },
        },
      },
      cmeOfficer(run),
    );
    await closeCme(run, wd(run, t, rng.int(0, 5)), 'abroad_confirmed');
    return;
  }
  await run.step(
    t,
    {
      type: 'EstablishWhereabouts',
      data: { establishedOn: t, whereabouts: { kind, address: address(rng) } },
    },
    cmeOfficer(run),
  );
  const next = rng.weighted([
    ['apply', 55],
    ['fair_access', 20],
    ['ehe', 25],
  ] as const);
  if (next === 'ehe' && dob) {
    t = wd(run, t, rng.int(1, 5));
    const eheCaseId = rng.uuid();
    await run.step(t, { type: 'RecordBecameEhe', data: { eheCaseId, establishedOn: t } }, MANAGER);
    await runEhe(run.shared, rng, {
      index: -1,
      receivedOn: t,
      group,
      fromCme: {
        cmeCaseId: caseId,
        caseId: eheCaseId,
        child: { givenName: rng.pick(GIVEN_NAMES), familyName, dateOfBirth: dob },
      },
    });
    await closeCme(run, maxDate(t, wd(run, t, rng.int(0, 3))), 'ehe_case_opened');
    return;
  }
  t = wd(run, t, rng.int(1, 5));
  if (next === 'fair_access') {
    await run.step(t, { type: 'ReferToFairAccess', data: { referredOn: t } }, senior(rng));
  } else {
    await run.step(
      t,
      { type: 'ApplyForSchoolPlace', data: { appliedOn: t, school: school(rng, phase) } },
      cmeOfficer(run),
    );
  }
  const s = run.state;
  const due = s.status === 'none' ? undefined : s.clocks.fairAccessPlacement?.dueOn;
  if (due && rng.chance(0.2)) {
    await workerMissed(run, 'fairAccessPlacement', due, false);
    t = maxDate(run.lastDate, wd(run, due, rng.int(1, 10)));
  } else {
    t = run.shared.calendar.addSchoolDays(t, rng.int(5, 18));
  }
  t = maxDate(t, run.lastDate);
  await run.step(
    t,
    {
      type: 'EstablishWhereabouts',
      data: { establishedOn: t, whereabouts: { kind: 'on_roll', school: school(rng, phase), onRollFrom: t } },
    },
    cmeOfficer(run),
  );
  await closeCme(run, wd(run, t, rng.int(0, 3)), 'on_roll');
}

async function closeCme(
  run: CmeRun,
  on: IsoDate,
  destination: 'on_roll' | 'handed_to_another_council' | 'abroad_confirmed' | 'ehe_case_opened',
): Promise<void> {
  const date = maxDate(on, run.lastDate);
  await run.step(date, { type: 'CloseCase', data: { closedOn: date, destination } }, MANAGER);
}

/** Now and then a child found on roll goes missing again: the case is reopened and traced once more. */
async function maybeReopen(
  run: CmeRun,
  group: number,
  familyName: string,
  dob: IsoDate | undefined,
  caseId: string,
): Promise<void> {
  const { rng } = run;
  if (!rng.chance(0.04)) return;
  const enquiryId = `enq-${run.state.status === 'none' ? 1 : Object.keys(run.state.enquiries).length + 1}`;
  let t = addCalendarDays(run.lastDate, rng.int(60, 300));
  if (dob && !isOfCompulsorySchoolAge(dob, t)) return;
  await run.step(
    t,
    { type: 'ReopenCase', data: { reopenedOn: t, reason: 'Child missing from school again' } },
    MANAGER,
  );
  t = wd(run, t, rng.int(1, 5));
  await run.step(
    t,
    { type: 'MakeCmeEnquiry', data: { enquiryId, agency: 'school', madeOn: t } },
    cmeOfficer(run),
  );
  t = wd(run, t, rng.int(1, 5));
  await run.step(
    t,
    {
      type: 'RecordCmeEnquiryOutcome',
      data: { enquiryId, outcome: 'child_located', receivedOn: t },
    },
    cmeOfficer(run),
  );
  await whereabouts(run, t, group, familyName, dob, caseId);
}

// ---------------------------------------------------------------------------------------------------------
// The council.

function defaultFrom(to: IsoDate): IsoDate {
  return `${academicStartYear(to) - 3}-09-01`;
}

/** A referral date in [from, to], weighted by month and growing year on year. */
function referralDate(rng: Rng, from: IsoDate, to: IsoDate, span: number): IsoDate {
  for (;;) {
    const date = addCalendarDays(from, rng.int(0, span));
    const month = Number(date.slice(5, 7));
    const yearsIn = calendarDaysBetween(from, date) / 365;
    const weight = (((MONTH_WEIGHT[month] ?? 1) / 1.45) * (1 + 0.08 * yearsIn)) / (1 + 0.08 * (span / 365));
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    const workingWeight = weekday === 0 || weekday === 6 ? 0.15 : 1;
    if (date <= to && rng.next() < weight * workingWeight) return date;
  }
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
  const shared: Shared = {
    store: seedingStore(store),
    policy,
    calendar: createCalendar(policy.calendar),
    to,
    toInstant: startOfLondonDay(addCalendarDays(to, 1)).getTime() - 1,
    eventTypes: new Map(),
    counts: { ehe: 0, cme: 0, events: 0 },
    rejected: [],
  };

  type Job = () => Promise<void>;
  const eheJobs: Job[] = [];
  const cmeJobs: Job[] = [];
  const cmeCount = Math.round(options.cases * 2);
  for (let i = 0; i < options.cases; i++) {
    eheJobs.push(() => {
      const rng = new Rng(`${seed}:ehe:${i}`);
      const receivedOn = referralDate(rng, from, to, span);
      const month = Number(receivedOn.slice(5, 7));
      const group = rng.weighted(yearGroupWeights(month));
      return runEhe(shared, rng, { index: i, receivedOn, group });
    });
  }
  for (let i = 0; i < cmeCount; i++) {
    cmeJobs.push(() => {
      const rng = new Rng(`${seed}:cme:${i}`);
      const receivedOn = referralDate(rng, from, to, span);
      const group = rng.weighted(
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((g) => [g, g >= 7 ? 1.4 : 1] as const),
      );
      return runCme(shared, rng, { index: i, receivedOn, group });
    });
  }
  // Interleave EHE and CME (one to two) so every batch has both.
  const jobs: Job[] = [];
  for (let i = 0; i < Math.max(eheJobs.length, cmeJobs.length); i++) {
    const ehe = eheJobs[i];
    if (ehe) jobs.push(ehe);
    for (const cme of [cmeJobs[2 * i], cmeJobs[2 * i + 1]]) if (cme) jobs.push(cme);
  }
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 256) }, async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (job) await job();
      done++;
      if (options.onProgress && done % 100 === 0) options.onProgress(done);
    }
  });
  await Promise.all(workers);
  options.onProgress?.(done);

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
