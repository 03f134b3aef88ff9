import type { Calendar, IsoDate } from '../domain/calendar/index.js';
import { compulsorySchoolAge } from '../domain/calendar/index.js';
import { byCaseType } from '../domain/case-types.js';
import { type ClockName, isExpiryClock } from '../domain/clocks.js';
import type { CaseRecord } from './case-summary.js';
import { ageDateOfBirthOf, childName, isOpen, isPriority, officerOf, referredOnOf } from './case-summary.js';
import type { DatedSet } from './dated-set.js';
import { createDatedSet, oldestInDatedSet, placeInDatedSet } from './dated-set.js';
import type { DeadlinesView, OpenClockEntry } from './deadlines.js';
import { deadlineDay, entriesDue, toOpenDeadline } from './deadlines.js';
import type { CountedList, Dashboard, DashboardCase, OpenDeadline, PastSchoolAgeCase } from './types.js';
import type { View, ViewQueries } from './view.js';
import { recordChanged } from './view.js';

/**
 * What a team manager opens first. The sets below follow each case's record, so a dashboard is built from
 * a few small sets and the deadline buckets, never a scan of every case (the target is p99 < 5 ms at
 * 100,000 cases). Mutated in place, after the case record is computed.
 */
export interface DashboardView {
  /** Open cases with no officer, by date of referral. */
  unallocated: DatedSet;
  /** Open CME cases judged high risk, by date of the judgement. */
  highRiskCme: DatedSet;
  /** Open CME cases whose child is untraced, by date of referral (or reopening). */
  untracedCme: DatedSet;
  /** Open cases flagged at referral as possibly the same child as another open case, awaiting triage. */
  possibleDuplicates: DatedSet;
  /** Open cases by the child's school leaving date (EA 1996 s.8(3)), for the sweep and the flag. */
  schoolLeaving: DatedSet;
  /** Open CME cases a new pupil return proposes to close (reg 13(1)), by the day the return arrived. */
  closureProposals: DatedSet;
  saoStage: Map<string, string>;
  saoCountByStage: Map<string, number>;
}

export const createDashboardView = (): DashboardView => ({
  unallocated: createDatedSet(),
  highRiskCme: createDatedSet(),
  untracedCme: createDatedSet(),
  possibleDuplicates: createDatedSet(),
  schoolLeaving: createDatedSet(),
  closureProposals: createDatedSet(),
  saoStage: new Map(),
  saoCountByStage: new Map(),
});

export const DASHBOARD_LIST_LIMIT = 50;

function placeSaoStage(view: DashboardView, caseId: string, stage: string | undefined): void {
  const was = view.saoStage.get(caseId);
  if (was === stage) return;
  if (was !== undefined) {
    view.saoStage.delete(caseId);
    view.saoCountByStage.set(was, (view.saoCountByStage.get(was) ?? 1) - 1);
  }
  if (stage !== undefined) {
    view.saoStage.set(caseId, stage);
    view.saoCountByStage.set(stage, (view.saoCountByStage.get(stage) ?? 0) + 1);
  }
}

export function evolveDashboard(
  view: DashboardView,
  before: CaseRecord | undefined,
  after: CaseRecord | undefined,
): void {
  if (!recordChanged(before, after)) return;
  const open = isOpen(after);
  const { caseId } = after;
  const since = referredOnOf(after);
  placeInDatedSet(view.unallocated, caseId, open && officerOf(after) === undefined ? since : undefined);
  const flagged = open && after.state.possibleDuplicateOf.length > 0;
  placeInDatedSet(view.possibleDuplicates, caseId, flagged ? since : undefined);
  const birth = ageDateOfBirthOf(after);
  placeInDatedSet(
    view.schoolLeaving,
    caseId,
    open && birth ? compulsorySchoolAge(birth.dateOfBirth).end : undefined,
  );
  byCaseType<CaseRecord, void>(
    {
      // An EHE case is counted by its SAO stage; a CME case listed while high risk, and while untraced.
      ehe: ({ state }) =>
        placeSaoStage(view, caseId, open && state.sao.stage !== 'none' ? state.sao.stage : undefined),
      cme: ({ state }) => {
        const judgedHigh = open && state.riskLevel === 'high' ? state.highRiskReport?.judgedOn : undefined;
        placeInDatedSet(view.highRiskCme, caseId, judgedHigh);
        // The child found on roll by a school's return: the officer confirms and closes (issue 15 item 8).
        placeInDatedSet(view.closureProposals, caseId, open ? state.closureProposal?.proposedOn : undefined);
        placeInDatedSet(
          view.untracedCme,
          caseId,
          open && state.whereabouts === null ? state.openedOn : undefined,
        );
      },
    },
    after,
  );
}

function dashboardCase(record: CaseRecord, since: IsoDate): DashboardCase {
  const item: DashboardCase = {
    caseId: record.caseId,
    caseType: record.caseType,
    childName: childName(record),
    priority: isPriority(record),
    since,
  };
  const officerId = officerOf(record);
  if (officerId !== undefined) item.officerId = officerId;
  return item;
}

/** Oldest first, the first `limit` only. */
function listCases(
  set: DatedSet,
  records: ReadonlyMap<string, CaseRecord>,
  limit: number,
  until?: IsoDate,
): CountedList<DashboardCase> {
  const { count, oldest } = oldestInDatedSet(set, limit, until);
  const items: DashboardCase[] = [];
  for (const [caseId, since] of oldest) {
    const record = records.get(caseId);
    if (record) items.push(dashboardCase(record, since));
  }
  return { count, items };
}

export function buildDashboard(
  view: DashboardView,
  deadlines: DeadlinesView,
  records: ReadonlyMap<string, CaseRecord>,
  today: IsoDate,
  calendar: Calendar,
  position: bigint,
): Dashboard {
  const limit = DASHBOARD_LIST_LIMIT;
  const day = deadlineDay(today, calendar);
  const overdueByClock: Partial<Record<ClockName, number>> = {};
  let overdueCount = 0;
  const overdueItems: OpenDeadline[] = [];
  // Every clock past its due date and still open, whatever the workers have recorded against it.
  for (const date of deadlines.dueDates) {
    if (date >= today) break;
    const bucket = deadlines.byDueDate.get(date);
    if (!bucket) continue;
    for (const [clock, count] of bucket.countByClock) {
      if (count > 0 && !isExpiryClock(clock)) {
        overdueByClock[clock] = (overdueByClock[clock] ?? 0) + count;
        overdueCount += count;
      }
    }
    // An expiry clock past its date is an ending the worker is about to record, not an overdue deadline.
    for (const entry of bucket.entries.values()) {
      if (overdueItems.length >= limit) break;
      if (!isExpiryClock(entry.clock)) overdueItems.push(toOpenDeadline(entry, day, records));
    }
  }
  const dueSoon: OpenDeadline[] = [];
  let dueSoonCount = 0;
  for (const entry of entriesDue(deadlines, today, day.dueSoonUntil)) {
    dueSoonCount++;
    if (dueSoon.length < limit) dueSoon.push(toOpenDeadline(entry, day, records));
  }
  const escalated = [...deadlines.escalated.values()].sort(byDueDate);
  const saoByStage: Record<string, number> = {};
  for (const [stage, count] of view.saoCountByStage) if (count > 0) saoByStage[stage] = count;
  // Referred before this date: more than 20 school days untraced.
  const untracedBefore = calendar.addSchoolDays(today, -20);
  return {
    today,
    listLimit: limit,
    unallocated: listCases(view.unallocated, records, limit),
    overdueByClock,
    overdue: { count: overdueCount, items: overdueItems },
    dueSoon: { count: dueSoonCount, items: dueSoon },
    escalationsOpen: {
      count: escalated.length,
      items: escalated.slice(0, limit).map((entry) => toOpenDeadline(entry, day, records)),
    },
    highRiskCme: listCases(view.highRiskCme, records, limit),
    untracedCme: listCases(view.untracedCme, records, limit, untracedBefore),
    possibleDuplicates: listCases(view.possibleDuplicates, records, limit),
    // Still open after the leaving date: the sweep closes these, so one left here is a case it may not close.
    pastSchoolAge: listCases(view.schoolLeaving, records, limit, today),
    closureProposals: listCases(view.closureProposals, records, limit),
    saoByStage,
    position,
  };
}

const byDueDate = (a: OpenClockEntry, b: OpenClockEntry) =>
  a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0;

/** Every open case whose child's school leaving date is before `today`: what the sweep asks to close. */
export function pastSchoolAge(view: DashboardView, records: ReadonlyMap<string, CaseRecord>, today: IsoDate) {
  const past: PastSchoolAgeCase[] = [];
  for (const date of view.schoolLeaving.dates) {
    if (date >= today) break;
    for (const caseId of view.schoolLeaving.byDate.get(date) ?? []) {
      const record = records.get(caseId);
      if (record) past.push({ caseId, caseType: record.caseType, leavingDate: date });
    }
  }
  return past;
}

/** Reads the deadlines view's buckets; the dashboard is cached until a case or the day moves. */
export const dashboardView: View<
  'dashboard',
  DashboardView,
  Pick<ViewQueries, 'dashboard'>,
  undefined,
  { deadlines: DeadlinesView }
> = {
  name: 'dashboard',
  create: createDashboardView,
  evolve: evolveDashboard,
  queries(view, { calendar, position, records }, { deadlines }) {
    let cached: Dashboard | undefined;
    return {
      dashboard: {
        get(day) {
          const at = position();
          if (cached?.today !== day || cached.position !== at) {
            cached = buildDashboard(view, deadlines, records, day, calendar, at);
          }
          return cached;
        },
        pastSchoolAge: (day) => pastSchoolAge(view, records, day),
      },
    };
  },
  compare(check, _view, rebuilt, live, today) {
    check('dashboard', rebuilt.dashboard.get(today), live.dashboard.get(today));
  },
};
