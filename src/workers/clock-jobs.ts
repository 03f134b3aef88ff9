import { z } from 'zod';
import type { Calendar, IsoDate } from '../domain/calendar/index.js';
import { endOfLondonDay, isoDateSchema, startOfLondonDay } from '../domain/calendar/index.js';
import type { ClockName, OpenClock as DomainOpenClock } from '../domain/clocks.js';
import { ClockNameSchema, clockEffects, escalationThresholds } from '../domain/clocks.js';
import type { Policy } from '../domain/policy.js';
import { EscalationLevelSchema } from '../domain/shared-commands.js';

/**
 * What a due clock asks the deadline worker to do, and when. Job data holds ids and dates only, never
 * personal data; job ids are deterministic (and free of `:`, which BullMQ 6 forbids) so that replaying the
 * log or running two schedulers adds each job once.
 */
export const DueClockJobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deadline'), stream: z.string(), clock: ClockNameSchema, dueOn: isoDateSchema }),
  z.object({
    kind: z.literal('reminder'),
    stream: z.string(),
    clock: ClockNameSchema,
    dueOn: isoDateSchema,
    remindOn: isoDateSchema,
  }),
  z.object({
    kind: z.literal('escalation'),
    stream: z.string(),
    clock: ClockNameSchema,
    dueOn: isoDateSchema,
    level: EscalationLevelSchema,
  }),
  // Not a clock: the child passed the school leaving date (dueOn, EA 1996 s.8(3)); found by the daily sweep.
  z.object({ kind: z.literal('schoolAgeEnded'), stream: z.string(), dueOn: isoDateSchema }),
  // Not a clock: the register commenced (dueOn) while the child was on it; found by the daily sweep.
  z.object({ kind: z.literal('registerCommenced'), stream: z.string(), dueOn: isoDateSchema }),
]);
export type DueClockJob = z.infer<typeof DueClockJobSchema>;

export function jobIdOf(job: DueClockJob): string {
  switch (job.kind) {
    case 'escalation':
      return `escalation_${job.stream}_${job.clock}_${job.level}`;
    case 'schoolAgeEnded':
      return `school_age_ended_${job.stream}`;
    case 'registerCommenced':
      return `register_commenced_${job.stream}`;
    default:
      return `${job.kind}_${job.stream}_${job.clock}`;
  }
}

/** The ids of every job one clock of one case may have, so a stopped clock leaves none behind. */
export const jobIdsOfClock = (stream: string, clock: ClockName): string[] => [
  `deadline_${stream}_${clock}`,
  `reminder_${stream}_${clock}`,
  `escalation_${stream}_${clock}_manager`,
  `escalation_${stream}_${clock}_head_of_service`,
];

/** The instant a job becomes due: a clock is missed, and a level escalated, once the London day is over. */
export function runAt(job: DueClockJob, ctx: { policy: Policy; calendar: Calendar }): Date {
  const dayAfter = (date: IsoDate) => new Date(endOfLondonDay(date).getTime() + 1);
  switch (job.kind) {
    case 'deadline':
    case 'schoolAgeEnded':
      return dayAfter(job.dueOn);
    case 'reminder':
      return startOfLondonDay(job.remindOn);
    case 'registerCommenced':
      return startOfLondonDay(job.dueOn);
    case 'escalation': {
      const thresholds = escalationThresholds(job.clock, job.dueOn, ctx);
      return dayAfter(job.level === 'manager' ? thresholds.manager : thresholds.headOfService);
    }
  }
}

/** Jobs to add and job ids to remove because of one stored event. */
export interface JobPlan {
  add: DueClockJob[];
  remove: string[];
}

const MissedSchema = z.object({ clock: ClockNameSchema, dueOn: z.string() });
const EscalatedSchema = MissedSchema.extend({ level: z.enum(['manager', 'head_of_service']) });

function clockStartJobs(stream: string, clock: ClockName, dueOn: IsoDate, remindOn?: IsoDate) {
  const jobs: DueClockJob[] = [{ kind: 'deadline', stream, clock, dueOn }];
  if (remindOn !== undefined) jobs.push({ kind: 'reminder', stream, clock, dueOn, remindOn });
  return jobs;
}

/**
 * The live plan for one event, from the due dates recorded in it (never recomputed). A restarted clock
 * replaces its deadline and reminder; a stale escalation job left behind decides nothing when it fires.
 */
export function planForEvent(event: { stream: string; type: string; data: unknown }): JobPlan {
  const { stream } = event;
  const plan: JobPlan = { add: [], remove: [] };
  const { started, stopped } = clockEffects(event);
  for (const clock of stopped) plan.remove.push(...jobIdsOfClock(stream, clock));
  for (const c of started) {
    plan.remove.push(`deadline_${stream}_${c.clock}`, `reminder_${stream}_${c.clock}`);
    plan.add.push(...clockStartJobs(stream, c.clock, c.dueOn, c.remindOn));
  }
  if (event.type === 'DeadlineMissed') {
    const missed = MissedSchema.safeParse(event.data);
    if (missed.success) plan.add.push({ kind: 'escalation', stream, ...missed.data, level: 'manager' });
  }
  if (event.type === 'CaseEscalated') {
    const escalated = EscalatedSchema.safeParse(event.data);
    if (escalated.success && escalated.data.level === 'manager') {
      const { clock, dueOn } = escalated.data;
      plan.add.push({ kind: 'escalation', stream, clock, dueOn, level: 'head_of_service' });
    }
  }
  return plan;
}

/** What the scheduler needs of an open clock to know the job it waits on. */
type OpenClock = Pick<DomainOpenClock, 'dueOn' | 'remindOn' | 'missed' | 'escalation'> & {
  reminded: boolean;
};

/** Every open clock of every case, folded from the log: what the scheduler rebuilds when Redis was wiped. */
export interface OpenClocks {
  apply(event: { stream: string; type: string; data: unknown }): void;
  /** The one job each open clock is waiting on (a reminder besides, until it is sent). */
  jobs(): Generator<DueClockJob>;
}

export function createOpenClocks(): OpenClocks {
  const byStream = new Map<string, Map<ClockName, OpenClock>>();
  return { apply: (event) => applyTo(byStream, event), jobs: () => jobsOf(byStream) };
}

function applyTo(
  byStream: Map<string, Map<ClockName, OpenClock>>,
  event: { stream: string; type: string; data: unknown },
): void {
  const { started, stopped } = clockEffects(event);
  const clocks = byStream.get(event.stream) ?? new Map<ClockName, OpenClock>();
  for (const clock of stopped) clocks.delete(clock);
  for (const c of started) {
    clocks.set(c.clock, {
      dueOn: c.dueOn,
      ...(c.remindOn !== undefined ? { remindOn: c.remindOn } : {}),
      missed: false,
      reminded: false,
      escalation: 'none',
    });
  }
  const missed = MissedSchema.safeParse(event.data);
  const open = missed.success ? clocks.get(missed.data.clock) : undefined;
  if (open && event.type === 'DeadlineMissed') open.missed = true;
  const escalated = EscalatedSchema.safeParse(event.data);
  const target = escalated.success ? clocks.get(escalated.data.clock) : undefined;
  if (target && escalated.success && event.type === 'CaseEscalated') {
    target.missed = true;
    if (target.escalation !== 'head_of_service') target.escalation = escalated.data.level;
  }
  if (event.type === 'AnnualContactDue') {
    const annual = clocks.get('annualContact');
    if (annual) annual.reminded = true;
  }
  if (clocks.size > 0) byStream.set(event.stream, clocks);
  else byStream.delete(event.stream);
}

function* jobsOf(byStream: Map<string, Map<ClockName, OpenClock>>): Generator<DueClockJob> {
  for (const [stream, clocks] of byStream) {
    for (const [clock, open] of clocks) {
      const { dueOn } = open;
      if (!open.missed) {
        yield { kind: 'deadline', stream, clock, dueOn };
        if (open.remindOn !== undefined && !open.reminded) {
          yield { kind: 'reminder', stream, clock, dueOn, remindOn: open.remindOn };
        }
      } else if (open.escalation === 'none') {
        yield { kind: 'escalation', stream, clock, dueOn, level: 'manager' };
      } else if (open.escalation === 'manager') {
        yield { kind: 'escalation', stream, clock, dueOn, level: 'head_of_service' };
      }
    }
  }
}
