import { z } from 'zod';
import type { Calendar, IsoDate } from './calendar/index.js';
import { isoDateSchema } from './calendar/index.js';
import type { ClockRule, ClockTable } from './clock-rule.js';
import { cmeClockTable } from './cme/clock-table.js';
import { eheClockTable } from './ehe/clock-table.js';
import type { ClockName, DayType, Policy } from './policy.js';
import { ClockNameSchema, clockNames, DayTypeSchema } from './policy.js';
import type { ClockEscalation } from './shared-commands.js';

export type { ClockName, DayType } from './policy.js';
export { ClockNameSchema, clockNames } from './policy.js';

/**
 * Clocks whose due date marks when something ends by itself, not a deadline anyone can miss: a School
 * Attendance Order lapses with compulsory school age (EA 1996 s.437(4)), an education supervision order runs
 * out, a governing body's window to seek a direction closes (s.439). Once the date has passed the deadline
 * worker records the ending (`RecordClockExpiry`) instead of a missed deadline, nothing escalates, and the
 * deadlines view never counts them overdue.
 */
export const expiryClocks: ReadonlySet<ClockName> = new Set<ClockName>([
  'saoInForce',
  'esoInForce',
  'governingBodyDirection',
]);
export const isExpiryClock = (clock: ClockName): boolean => expiryClocks.has(clock);

/**
 * A clock as started by an event. It is computed once, in `decide`, and recorded in the event's
 * `clocksStarted`, so history does not move when the policy changes. `dueOn` is inclusive: the clock is
 * missed once the Europe/London date is after it.
 */
export const StartedClockSchema = z.strictObject({
  clock: ClockNameSchema,
  startedOn: isoDateSchema,
  dueOn: isoDateSchema,
  remindOn: isoDateSchema.optional(),
  policyVersion: z.string().min(1),
  dayType: DayTypeSchema,
});
export type StartedClock = z.infer<typeof StartedClockSchema>;

/**
 * A clock a case holds open: as it was started, with what the workers have recorded against it. The one
 * shape of both case types' states (an EHE case adds whether the annual-contact reminder was recorded) and of
 * the clock scheduler's fold.
 */
export interface OpenClock extends Omit<StartedClock, 'clock'> {
  missed: boolean;
  escalation: ClockEscalation;
}

function union(a: readonly ClockName[] | undefined, b: readonly ClockName[] | undefined): ClockName[] {
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}

function mergeRules(a: ClockRule, b: ClockRule): ClockRule {
  return {
    starts: union(a.starts, b.starts),
    stops: a.stops === 'all' || b.stops === 'all' ? 'all' : union(a.stops, b.stops),
    mayStop: union(a.mayStop, b.mayStop),
  };
}

/** Both case types' tables; an event type both use (e.g. `CaseAllocated`) gets the union of their rules. */
export const clockTable: ClockTable = Object.entries(cmeClockTable).reduce<Record<string, ClockRule>>(
  (merged, [type, rule]) => {
    const existing = merged[type];
    merged[type] = existing ? mergeRules(existing, rule) : rule;
    return merged;
  },
  { ...eheClockTable },
);

export interface DueDateOptions {
  policy: Policy;
  calendar: Calendar;
  priority: boolean;
  /** A period stated in the document itself (the s437(1) notice), overriding the policy's duration. */
  periodDays?: number;
  /** A later cycle of a repeating clock (uses the policy's `repeatDuration`). */
  repeat?: boolean;
  /** The school whose term dates count, for school-day clocks. */
  schoolId?: string;
}

function addDays(
  calendar: Calendar,
  dayType: DayType,
  from: IsoDate,
  days: number,
  schoolId?: string,
): IsoDate {
  switch (dayType) {
    case 'working':
      return calendar.addWorkingDays(from, days);
    case 'school':
      return calendar.addSchoolDays(from, days, schoolId);
    case 'calendar':
      return calendar.addCalendarDays(from, days);
    case 'beginning_with':
      return calendar.endOfPeriodBeginningWith(from, days);
  }
}

/**
 * N months after a date, or the last day of N months beginning with it: the day before the corresponding date
 * (12 months beginning with 29 May 2026 end on 28 May 2027; beginning with 29 February 2024, on 28 February
 * 2025, as for 1 March 2024).
 */
function addMonthsFrom(calendar: Calendar, dayType: DayType, from: IsoDate, months: number): IsoDate {
  return dayType === 'beginning_with'
    ? calendar.addMonths(calendar.addCalendarDays(from, -1), months)
    : calendar.addMonths(from, months);
}

/** A week of working or school days is five of them; of calendar days, seven. */
const daysPerWeek: Record<DayType, number> = { working: 5, school: 5, calendar: 7, beginning_with: 7 };

/** Starts `clock` on `startedOn` under the policy: the due date, reminder and what set them. */
export function computeDueDate(clock: ClockName, startedOn: IsoDate, options: DueDateOptions): StartedClock {
  const { policy, calendar } = options;
  const rule = policy.clocks[clock];
  const duration =
    options.periodDays ??
    (options.repeat ? rule.repeatDuration : undefined) ??
    (options.priority ? rule.priorityDuration : undefined) ??
    rule.duration;
  const dueOn =
    rule.unit === 'months'
      ? addMonthsFrom(calendar, rule.dayType, startedOn, duration)
      : addDays(
          calendar,
          rule.dayType,
          startedOn,
          rule.unit === 'weeks' && options.periodDays === undefined
            ? duration * daysPerWeek[rule.dayType]
            : duration,
          options.schoolId,
        );
  const started: StartedClock = {
    clock,
    startedOn,
    dueOn,
    policyVersion: policy.version,
    dayType: rule.dayType,
  };
  if (rule.remindDaysBefore !== undefined) {
    started.remindOn = calendar.addCalendarDays(dueOn, -rule.remindDaysBefore);
  }
  return started;
}

/** The London dates after which a missed clock is escalated to each level (escalate once today is after). */
export function escalationThresholds(
  clock: ClockName,
  dueOn: IsoDate,
  { policy, calendar }: { policy: Policy; calendar: Calendar },
): { manager: IsoDate; headOfService: IsoDate } {
  const { graceWorkingDays, headOfServiceAfterWorkingDays, immediate } = policy.escalation;
  const manager =
    immediate.includes(clock) || graceWorkingDays === 0
      ? dueOn
      : calendar.addWorkingDays(dueOn, graceWorkingDays);
  return { manager, headOfService: calendar.addWorkingDays(manager, headOfServiceAfterWorkingDays) };
}

const ClockDataSchema = z.object({
  clocksStarted: z.array(StartedClockSchema).optional(),
  clocksStopped: z.array(ClockNameSchema).optional(),
});

/**
 * What a stored event did to clocks, read from the due dates recorded in it (never recomputed). For views
 * and schedulers: apply `stopped` first, then `started` (which replaces an open clock of the same name).
 */
export function clockEffects(event: { type: string; data: unknown }): {
  started: StartedClock[];
  stopped: ClockName[];
} {
  const rule = clockTable[event.type];
  if (!rule) return { started: [], stopped: [] };
  const parsed = ClockDataSchema.safeParse(event.data);
  const data = parsed.success ? parsed.data : {};
  const started = (data.clocksStarted ?? []).filter((c) => rule.starts?.includes(c.clock));
  const always = rule.stops === 'all' ? [...clockNames] : (rule.stops ?? []);
  const conditional = (data.clocksStopped ?? []).filter((c) => rule.mayStop?.includes(c));
  return { started, stopped: [...new Set([...always, ...conditional])] };
}
