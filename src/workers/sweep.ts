import type { Calendar, IsoDate } from '../domain/calendar/index.js';
import { addCalendarDays, londonDate } from '../domain/calendar/index.js';
import { escalationThresholds } from '../domain/clocks.js';
import type { Policy } from '../domain/policy.js';
import type { OpenDeadline, Projections } from '../projections/index.js';
import type { DueClockJob } from './clock-jobs.js';
import type { WorkerMetrics } from './metrics.js';

/**
 * What the sweep reads: the open clocks, the open cases past school age (the dashboard's set), and the
 * register's children whose duties have not started.
 */
export type DeadlineSource = Pick<Projections, 'deadlines' | 'dashboard' | 'register'>;

export interface SweepContext {
  policy: Policy;
  calendar: Calendar;
  now: () => Date;
  /** Where each sweep's findings are counted. */
  metrics?: WorkerMetrics;
}

export type SweepFindings = Record<DueClockJob['kind'], number>;

const noFindings = (): SweepFindings => ({
  deadline: 0,
  reminder: 0,
  escalation: 0,
  schoolAgeEnded: 0,
  registerCommenced: 0,
});

const streamOf = (deadline: OpenDeadline) => `${deadline.caseType}-${deadline.caseId}`;

/** What a lost job would have done for one open clock today, if anything. */
function dueJobOf(deadline: OpenDeadline, today: IsoDate, ctx: SweepContext): DueClockJob | undefined {
  const { clock, dueOn } = deadline;
  const stream = streamOf(deadline);
  const missed = deadline.status === 'missed' || deadline.escalation !== 'none';
  if (!missed) {
    if (dueOn < today) return { kind: 'deadline', stream, clock, dueOn };
    if (deadline.remindOn !== undefined && deadline.remindOn <= today) {
      return { kind: 'reminder', stream, clock, dueOn, remindOn: deadline.remindOn };
    }
    return undefined;
  }
  const thresholds = escalationThresholds(clock, dueOn, ctx);
  if (deadline.escalation === 'none' && thresholds.manager < today) {
    return { kind: 'escalation', stream, clock, dueOn, level: 'manager' };
  }
  if (deadline.escalation === 'manager' && thresholds.headOfService < today) {
    return { kind: 'escalation', stream, clock, dueOn, level: 'head_of_service' };
  }
  return undefined;
}

/**
 * The safety net for a lost job: every open clock in the deadlines view that is past its due date (or its
 * reminder or escalation date) without the event that records it. Reading a bounded due-date range keeps a
 * sweep over 100,000 clocks cheap: overdue ones lie before today, reminders within the longest lead.
 */
export function sweepDueClocks(source: DeadlineSource, ctx: SweepContext): DueClockJob[] {
  const today = londonDate(ctx.now());
  const longestReminder = Math.max(
    0,
    ...Object.values(ctx.policy.clocks).map((rule) => rule.remindDaysBefore ?? 0),
  );
  const candidates = source.deadlines.open({ dueTo: addCalendarDays(today, longestReminder) });
  const jobs: DueClockJob[] = [];
  const found = noFindings();
  for (const deadline of candidates) {
    const job = dueJobOf(deadline, today, ctx);
    if (!job) continue;
    jobs.push(job);
    found[job.kind]++;
  }
  // After the clocks, so an order lapsing with school age (s.437(4)) is recorded before its case closes.
  for (const past of source.dashboard.pastSchoolAge(today)) {
    jobs.push({ kind: 'schoolAgeEnded', stream: `${past.caseType}-${past.caseId}`, dueOn: past.leavingDate });
    found.schoolAgeEnded++;
  }
  // The Children Not In School register (EA 1996 s.436B): on and after its commencement, a child already on
  // it is registered under the duty from that day (domain/ehe/decide-register.ts, StartRegisterDuties).
  const commencement = ctx.policy.commencement.cnisRegister;
  if (commencement) {
    for (const caseId of source.register.awaitingDuties(today, commencement)) {
      jobs.push({ kind: 'registerCommenced', stream: `ehe-${caseId}`, dueOn: commencement });
      found.registerCommenced++;
    }
  }
  ctx.metrics?.sweepRuns.inc();
  for (const [kind, count] of Object.entries(found)) ctx.metrics?.sweepFound.set({ kind }, count);
  return jobs;
}

export function countByKind(jobs: readonly DueClockJob[]): SweepFindings {
  const found = noFindings();
  for (const job of jobs) found[job.kind]++;
  return found;
}
