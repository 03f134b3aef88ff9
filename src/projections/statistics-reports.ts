import type { Calendar, IsoDate } from '../domain/calendar/index.js';
import {
  academicYearOf,
  compulsorySchoolAge,
  isOfCompulsorySchoolAge,
  yearGroup,
} from '../domain/calendar/index.js';
import { byCaseType, type CaseTypeTable } from '../domain/case-types.js';
import { timeMissingAt } from '../domain/cme/time-missing.js';
import type { CaseEvent } from './case-event.js';
import { dfeReturnRows } from './dfe-return-rows.js';
import { per100Pupils, populationOf, populationRates } from './population-rates.js';
import { breakdown, emptyCounts, figure, tally } from './rounding.js';
import type { CaseHistory, StatisticsView } from './statistics.js';
import {
  createStatisticsView,
  evolveCaseHistory,
  flagsOn,
  isOpenOn,
  judgedUnsuitableOn,
  senStatusOn,
  stillOnRollOn,
  wasOpenDuring,
} from './statistics.js';
import type { AcademicYearReport, CommitteeReport, DfeReturn, MonthFigures } from './types.js';
import type { View, ViewQueries } from './view.js';

const within = (date: IsoDate | undefined, from: IsoDate, to: IsoDate) =>
  date !== undefined && date >= from && date <= to;
const countWithin = (dates: readonly IsoDate[], from: IsoDate, to: IsoDate) =>
  dates.reduce((count, date) => count + (within(date, from, to) ? 1 : 0), 0);

/**
 * The year group as the DfE's collection labels it: Reception, Year 1 … Year 11, or Not known without a date
 * of birth. A child of compulsory school age is always in one of these (Reception from the term after the
 * fifth birthday), so there is no other bucket.
 */
export function yearGroupKey(dateOfBirth: IsoDate | undefined, at: IsoDate): string {
  if (!dateOfBirth) return 'Not known';
  const group = yearGroup(dateOfBirth, at);
  if (group === 0) return 'Reception';
  return group >= 1 && group <= 11 ? `Year ${group}` : 'Not known';
}

/**
 * EHE and CME are defined for children of compulsory school age (Education Act 1996 s.8; s.436A "children in
 * their area who are of compulsory school age"): a census counts a child only if of that age on the census
 * day. Without a date of birth the age cannot be ruled out, and the DfE's "Not known" year group counts them.
 */
function ofCompulsorySchoolAgeOn(history: CaseHistory, date: IsoDate): boolean {
  return history.dateOfBirth === undefined || isOfCompulsorySchoolAge(history.dateOfBirth, date);
}

/** Whether the case was open on a day of the period on which the child was of compulsory school age. */
function openWhileOfSchoolAge(history: CaseHistory, from: IsoDate, to: IsoDate): boolean {
  if (history.dateOfBirth === undefined) return wasOpenDuring(history, from, to);
  const age = compulsorySchoolAge(history.dateOfBirth);
  const start = age.start > from ? age.start : from;
  const end = age.end < to ? age.end : to;
  return start <= end && wasOpenDuring(history, start, end);
}

const senStatusOf = (history: CaseHistory) => history.senStatus ?? 'unknown';

export function dfeReturn(
  view: StatisticsView,
  censusDate: IsoDate,
  rounding: 'published' | 'raw',
): DfeReturn {
  const ehe = {
    total: 0,
    bySex: emptyCounts(),
    byYearGroup: emptyCounts(),
    byPrimaryReason: emptyCounts(),
    senSupport: 0,
    ehcp: 0,
    cin: 0,
    cpp: 0,
  };
  const cme = {
    total: 0,
    bySex: emptyCounts(),
    byYearGroup: emptyCounts(),
    byTimeMissing: emptyCounts(),
    byPrimaryReason: emptyCounts(),
    bySource: emptyCounts(),
    fromUnsuitableEhe: 0,
    withEstimatedDateOfBirth: 0,
  };
  /** The CME case opened by reclassifying this EHE case, when it is open on the census date. */
  const reclassifiedOpen = (history: CaseHistory) =>
    history.reclassified.some((r) => {
      const cmeCase = r.on <= censusDate ? view.get(r.cmeCaseId) : undefined;
      return cmeCase !== undefined && isOpenOn(cmeCase, censusDate);
    });
  const count: CaseTypeTable<CaseHistory, void> = {
    ehe(history) {
      // Reclassified as CME with its CME case open: that case counts the child, once, as CME; this one stays
      // open for its School Attendance Order route but is not counted again.
      if (reclassifiedOpen(history)) return;
      // The CME statutory guidance (2025): a child whose home education the council judges unsuitable is
      // missing education from that day until it is suitable again or the child is on a roll. The EHE case
      // stays open (and its SAO route runs); the return counts the child once, as CME.
      if (judgedUnsuitableOn(history, censusDate)) {
        cme.total++;
        cme.fromUnsuitableEhe++;
        tally(cme.bySex, history.sex);
        tally(cme.byYearGroup, yearGroupKey(history.dateOfBirth, censusDate));
        tally(cme.byTimeMissing, 'unknown');
        tally(cme.byPrimaryReason, 'unsuitable_home_education');
        tally(cme.bySource, 'ehe_judged_unsuitable');
        return;
      }
      const flags = flagsOn(history, censusDate);
      ehe.total++;
      tally(ehe.bySex, history.sex);
      tally(ehe.byYearGroup, yearGroupKey(history.dateOfBirth, censusDate));
      tally(ehe.byPrimaryReason, history.primaryReason ?? 'unknown');
      // As at the census date (the DfE's EHE collection counts the child's SEN status on the day).
      const sen = senStatusOn(history, censusDate);
      if (sen === 'K') ehe.senSupport++;
      if (sen === 'E') ehe.ehcp++;
      if (flags.includes('child_in_need_plan')) ehe.cin++;
      if (flags.includes('child_protection_plan')) ehe.cpp++;
    },
    cme(history) {
      // Still a registered pupil on the census day: worked as CME, not counted as CME (s.436A(1)(a)).
      if (stillOnRollOn(history, censusDate)) return;
      cme.total++;
      tally(cme.bySex, history.sex);
      tally(cme.byYearGroup, yearGroupKey(history.dateOfBirth, censusDate));
      // "Length of time child was missing education at census date" (DfE CME methodology, from autumn 2023).
      tally(
        cme.byTimeMissing,
        timeMissingAt(censusDate, history.missingSince, history.timeMissingAtReferral),
      );
      tally(cme.byPrimaryReason, history.primaryReason ?? 'not_recorded');
      tally(cme.bySource, history.source);
      if (history.dateOfBirthEstimated) cme.withEstimatedDateOfBirth++;
    },
  };
  for (const history of view.values()) {
    if (isOpenOn(history, censusDate) && ofCompulsorySchoolAgeOn(history, censusDate))
      byCaseType(count, history);
  }
  const figures = {
    ehe: {
      total: figure(ehe.total, rounding),
      bySex: breakdown(ehe.bySex, rounding),
      byYearGroup: breakdown(ehe.byYearGroup, rounding),
      byPrimaryReason: breakdown(ehe.byPrimaryReason, rounding),
      senSupport: figure(ehe.senSupport, rounding),
      ehcp: figure(ehe.ehcp, rounding),
      childInNeed: figure(ehe.cin, rounding),
      childProtectionPlan: figure(ehe.cpp, rounding),
    },
    cme: {
      total: figure(cme.total, rounding),
      bySex: breakdown(cme.bySex, rounding),
      byYearGroup: breakdown(cme.byYearGroup, rounding),
      byTimeMissing: breakdown(cme.byTimeMissing, rounding),
      byPrimaryReason: breakdown(cme.byPrimaryReason, rounding),
      bySource: breakdown(cme.bySource, rounding),
      fromUnsuitableEhe: figure(cme.fromUnsuitableEhe, rounding),
      withEstimatedDateOfBirth: figure(cme.withEstimatedDateOfBirth, rounding),
    },
  };
  return { censusDate, rounding, ...figures, rows: dfeReturnRows(figures) };
}

const monthOf = (date: IsoDate) => date.slice(0, 7);

/** A month as a number (year * 12 + month - 1), so months compare as numbers whatever the year's width. */
function monthNumber(date: IsoDate): number {
  const [year, month] = date.split('-');
  return Number(year) * 12 + Number(month) - 1;
}

function monthsBetween(from: IsoDate, to: IsoDate): MonthFigures[] {
  const months: MonthFigures[] = [];
  for (let month = monthNumber(from); month <= monthNumber(to); month++) {
    const label = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    months.push({
      month: label,
      eheNewRegistrations: 0,
      eheClosures: 0,
      returnsToSchool: 0,
      cmeReferrals: 0,
      cmeLocated: 0,
    });
  }
  return months;
}

function byMonth(view: StatisticsView, from: IsoDate, to: IsoDate): MonthFigures[] {
  const months = monthsBetween(from, to);
  const index = new Map(months.map((m) => [m.month, m]));
  const at = (date: IsoDate) => (within(date, from, to) ? index.get(monthOf(date)) : undefined);
  /** Adds one to the figure in the month of each date within the range. */
  const count = (dates: Iterable<IsoDate>, figure: keyof Omit<MonthFigures, 'month'>) => {
    for (const date of dates) {
      const month = at(date);
      if (month) month[figure]++;
    }
  };
  const countCase: CaseTypeTable<CaseHistory, void> = {
    ehe(history) {
      count([history.receivedOn], 'eheNewRegistrations');
      count(
        history.closures.map((closure) => closure.on),
        'eheClosures',
      );
      count(history.returnsToSchool, 'returnsToSchool');
    },
    cme(history) {
      count([history.receivedOn], 'cmeReferrals');
      count(history.located, 'cmeLocated');
    },
  };
  for (const history of view.values()) byCaseType(countCase, history);
  return months;
}

/** '2025-26' → 1 September 2025 to 31 August 2026. */
export function academicYearDates(label: string): { start: IsoDate; end: IsoDate } {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  const startYear = Number(match?.[1]);
  if (!match || (startYear + 1) % 100 !== Number(match[2])) {
    throw new RangeError(`An academic year is written like 2025-26, got "${label}"`);
  }
  return { start: `${startYear}-09-01`, end: `${startYear + 1}-08-31` };
}

export function academicYearReport(
  view: StatisticsView,
  label: string,
  schoolPopulation: Readonly<Record<string, number>> = {},
): AcademicYearReport {
  const { start, end } = academicYearDates(label);
  const population = populationOf(schoolPopulation, label);
  const report: AcademicYearReport = {
    label,
    start,
    end,
    ehe: {
      atAnyPoint: 0,
      starts: 0,
      startsByPreviousSchoolType: emptyCounts(),
      returnsToSchool: 0,
      otherLeavers: 0,
      section437NoticesIssued: 0,
      saosIssued: 0,
      saosRevoked: 0,
      atAnyPointPer100Pupils: null,
    },
    cme: { referrals: 0, located: 0, closedByDestination: emptyCounts() },
    schoolPopulation: population,
    byMonth: byMonth(view, start, end),
  };
  const { ehe, cme } = report;
  const count: CaseTypeTable<CaseHistory, void> = {
    ehe(history) {
      if (openWhileOfSchoolAge(history, start, end)) ehe.atAnyPoint++;
      if (within(history.startedOn, start, end)) {
        ehe.starts++;
        tally(ehe.startsByPreviousSchoolType, history.previousSchoolType ?? 'unknown');
      }
      ehe.returnsToSchool += countWithin(history.returnsToSchool, start, end);
      for (const closure of history.closures) {
        if (within(closure.on, start, end) && closure.reason !== 'returned_to_school') ehe.otherLeavers++;
      }
      ehe.section437NoticesIssued += countWithin(history.section437Notices, start, end);
      ehe.saosIssued += countWithin(history.ordersServed, start, end);
      ehe.saosRevoked += countWithin(history.ordersRevoked, start, end);
    },
    cme(history) {
      if (within(history.receivedOn, start, end)) cme.referrals++;
      cme.located += countWithin(history.located, start, end);
      for (const closure of history.closures) {
        if (within(closure.on, start, end)) tally(cme.closedByDestination, closure.reason);
      }
    },
  };
  for (const history of view.values()) byCaseType(count, history);
  ehe.atAnyPointPer100Pupils = per100Pupils(ehe.atAnyPoint, population);
  return report;
}

const average = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const yearEarlier = (date: IsoDate) =>
  `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`.replace('-02-29', '-02-28');

export function committeeReport(
  view: StatisticsView,
  from: IsoDate,
  to: IsoDate,
  calendar: Calendar,
  schoolPopulation: Readonly<Record<string, number>> = {},
): CommitteeReport {
  const ehe: CommitteeReport['ehe'] = {
    openAtEnd: 0,
    newRegistrations: 0,
    newRegistrationsYearBefore: 0,
    bySource: emptyCounts(),
    byPrimaryReason: emptyCounts(),
    byYearGroup: emptyCounts(),
    bySenStatus: emptyCounts(),
    byPriorityFlag: emptyCounts(),
    byMosaicGroup: emptyCounts(),
    returnsToSchool: 0,
    closuresByReason: emptyCounts(),
    visitsOffered: 0,
    visitsAccepted: 0,
    firstContact: {
      referrals: 0,
      withinStandard: 0,
      rate: null,
      averageWorkingDays: null,
      medianWorkingDays: null,
    },
    firstVisit: { averageWorkingDays: null, medianWorkingDays: null },
    sao: { section437Notices: 0, section438Notices: 0, ordersServed: 0, ordersRevoked: 0 },
    schoolSuggestionBySchool: emptyCounts(),
    primaryReasonByYearGroup: Object.create(null),
  };
  const cme: CommitteeReport['cme'] = {
    referrals: 0,
    openAtEnd: 0,
    located: 0,
    untracedAtEnd: 0,
    closedByDestination: emptyCounts(),
    highRisk: 0,
    highRiskReportedWithinStandard: 0,
  };
  const daysToContact: number[] = [];
  const daysToVisit: number[] = [];
  const [earlierFrom, earlierTo] = [yearEarlier(from), yearEarlier(to)];
  function countCme(history: CaseHistory): void {
    const openAtEnd = isOpenOn(history, to);
    if (within(history.receivedOn, from, to)) cme.referrals++;
    if (openAtEnd) cme.openAtEnd++;
    cme.located += countWithin(history.located, from, to);
    const locatedByEnd = history.located.some(
      (date) => date <= to && date >= (history.openings.at(-1) ?? ''),
    );
    if (openAtEnd && !locatedByEnd) cme.untracedAtEnd++;
    for (const closure of history.closures) {
      if (within(closure.on, from, to)) tally(cme.closedByDestination, closure.reason);
    }
    for (const risk of history.highRisk) {
      if (!within(risk.judgedOn, from, to)) continue;
      cme.highRisk++;
      if (risk.reportedOn && risk.dueOn && risk.reportedOn <= risk.dueOn)
        cme.highRiskReportedWithinStandard++;
    }
  }
  function countEhe(history: CaseHistory): void {
    if (isOpenOn(history, to)) ehe.openAtEnd++;
    if (within(history.receivedOn, earlierFrom, earlierTo)) ehe.newRegistrationsYearBefore++;
    ehe.returnsToSchool += countWithin(history.returnsToSchool, from, to);
    ehe.visitsOffered += countWithin(history.visitsOffered, from, to);
    ehe.visitsAccepted += countWithin(history.visitsAccepted, from, to);
    ehe.sao.section437Notices += countWithin(history.section437Notices, from, to);
    ehe.sao.section438Notices += countWithin(history.section438Notices, from, to);
    ehe.sao.ordersServed += countWithin(history.ordersServed, from, to);
    ehe.sao.ordersRevoked += countWithin(history.ordersRevoked, from, to);
    for (const closure of history.closures) {
      if (within(closure.on, from, to)) tally(ehe.closuresByReason, closure.reason);
    }
    if (!within(history.receivedOn, from, to)) return;
    ehe.newRegistrations++;
    tally(ehe.bySource, history.source);
    tally(ehe.byPrimaryReason, history.primaryReason ?? 'unknown');
    const group = yearGroupKey(history.dateOfBirth, history.receivedOn);
    tally(ehe.byYearGroup, group);
    // Reasons by year group, as the councils' committee reports show them.
    const reasons = ehe.primaryReasonByYearGroup[group] ?? emptyCounts();
    ehe.primaryReasonByYearGroup[group] = reasons;
    tally(reasons, history.primaryReason ?? 'unknown');
    tally(ehe.bySenStatus, senStatusOf(history));
    for (const flag of flagsOn(history, history.receivedOn)) tally(ehe.byPriorityFlag, flag);
    tally(ehe.byMosaicGroup, history.mosaicGroup ?? 'not_recorded');
    if (history.primaryReason === 'school_suggestion' && history.deletionSchool) {
      tally(ehe.schoolSuggestionBySchool, history.deletionSchool);
    }
    if (history.firstContactDueOn) {
      ehe.firstContact.referrals++;
      if (history.firstContactOn && history.firstContactOn <= history.firstContactDueOn) {
        ehe.firstContact.withinStandard++;
      }
    }
    if (history.firstContactOn)
      daysToContact.push(calendar.workingDaysBetween(history.receivedOn, history.firstContactOn));
    if (history.firstVisitOn)
      daysToVisit.push(calendar.workingDaysBetween(history.receivedOn, history.firstVisitOn));
  }
  const count: CaseTypeTable<CaseHistory, void> = { ehe: countEhe, cme: countCme };
  for (const history of view.values()) byCaseType(count, history);
  const { firstContact } = ehe;
  firstContact.rate =
    firstContact.referrals === 0 ? null : firstContact.withinStandard / firstContact.referrals;
  firstContact.averageWorkingDays = average(daysToContact);
  firstContact.medianWorkingDays = median(daysToContact);
  ehe.firstVisit = { averageWorkingDays: average(daysToVisit), medianWorkingDays: median(daysToVisit) };
  const rates = populationRates(
    schoolPopulation,
    to,
    { ehe: ehe.openAtEnd, cme: cme.openAtEnd },
    (label) => academicYearReport(view, label).ehe.atAnyPoint,
  );
  return { from, to, ehe, cme, rates, byMonth: byMonth(view, from, to) };
}

/** The case's history after the event, or undefined when the event left it as it was. May throw. */
function historyAfter(view: StatisticsView, change: CaseEvent): CaseHistory | undefined {
  const before = view.get(change.caseId);
  const after = evolveCaseHistory(before, change);
  return after === before ? undefined : after;
}

/** Each case's history by business date and the reports read from it (`statistics.ts`). */
export const statisticsView: View<
  'statistics',
  StatisticsView,
  Pick<ViewQueries, 'statistics'>,
  CaseHistory | undefined
> = {
  name: 'statistics',
  create: createStatisticsView,
  prepare: historyAfter,
  evolve(view, _before, _after, change, history) {
    if (history) view.set(change.caseId, history);
  },
  queries: (view, { calendar }) => ({
    statistics: {
      dfeReturn: (censusDate, rounding) => dfeReturn(view, censusDate, rounding),
      academicYear: (label, population) => academicYearReport(view, label, population),
      committee: (from, to, population) => committeeReport(view, from, to, calendar, population),
      senStatusOn(caseId, date) {
        const history = view.get(caseId);
        return history ? senStatusOn(history, date) : 'unknown';
      },
    },
  }),
  compare(check, _view, rebuilt, live, today) {
    const year = academicYearOf(today);
    check('DfE return', rebuilt.statistics.dfeReturn(today, 'raw'), live.statistics.dfeReturn(today, 'raw'));
    check(
      `academic year ${year.label}`,
      rebuilt.statistics.academicYear(year.label),
      live.statistics.academicYear(year.label),
    );
    check(
      'committee figures',
      rebuilt.statistics.committee(year.start, today),
      live.statistics.committee(year.start, today),
    );
  },
};
