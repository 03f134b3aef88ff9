import type { IsoDate } from '../domain/calendar/index.js';
import type { StartedClock } from '../domain/clocks.js';
import type { TimeMissing } from '../domain/cme/values.js';
import type { PriorityFlag } from '../domain/policy.js';
import type { CaseEvent } from './case-event.js';
import type { CaseType } from './types.js';

/**
 * Each case's history by business date (the dates in the events themselves), so the reports can be asked
 * "as at" any date: the open intervals, the priority flags over time and the dated steps the DfE return and
 * the committee figures count. Histories are replaced per event (copy of the case touched), never mutated.
 */
export interface CaseHistory {
  caseId: string;
  caseType: CaseType;
  receivedOn: IsoDate;
  /**
   * When the child became the team's to count: for EHE the date home education began if that is later than
   * the referral (a parent may write ahead of withdrawing the child), else the referral; for CME the referral.
   */
  startedOn: IsoDate;
  sex: string;
  /** The child's, or (CME) an officer's estimate while it is not known: then `dateOfBirthEstimated`. */
  dateOfBirth?: IsoDate;
  dateOfBirthEstimated?: true;
  source: string;
  /** As the referral gave it: the committee's breakdown of referrals. */
  senStatus?: string;
  /**
   * SEN support (N, K) by date: the referral's, then each one recorded. An EHC plan is not here but in
   * `flags` (`ehcp`), so its end is dated too (`senStatusOn`).
   */
  sen: { from: IsoDate; status: string }[];
  primaryReason?: string;
  previousSchoolType?: string;
  mosaicGroup?: string;
  /** The school a deletion return came from (the off-rolling pattern). */
  deletionSchool?: string;
  /** CME: missing education since (null: unknown), and a v1 referral's length of time at referral. */
  missingSince?: IsoDate | null;
  timeMissingAtReferral?: TimeMissing;
  /**
   * CME: the day the child left a school's roll, for a child referred while still on it (s.436A(1)(a) covers
   * only children not registered at a school): not counted as CME before it. Absent: off roll from referral.
   */
  onRollUntil?: IsoDate | null;
  /** openings[i] to closures[i] is an open interval; a missing closure means open still. */
  openings: IsoDate[];
  closures: { on: IsoDate; reason: string }[];
  flags: { from: IsoDate; flags: PriorityFlag[] }[];
  firstContactDueOn?: IsoDate;
  firstContactOn?: IsoDate;
  firstVisitOn?: IsoDate;
  visitsOffered: IsoDate[];
  visitsAccepted: IsoDate[];
  returnsToSchool: IsoDate[];
  /**
   * Notices and orders by the day of their first service (the deemed day, for post and email), which every
   * report counts as "issued": the statute acts on service, not on the letter's date (s.437(1) "serve on the
   * parent a notice", s.437(3) "serve … an order", periods "beginning with the day of service"), and a notice
   * issued but never served has no effect. The DfE's collection guidance we could find does not define
   * "issued"; counting by service keeps the academic-year report, the committee report and the route's own
   * dates on one date.
   */
  section437Notices: IsoDate[];
  section438Notices: IsoDate[];
  ordersServed: IsoDate[];
  ordersRevoked: IsoDate[];
  located: IsoDate[];
  /**
   * EHE: the council's dated findings on the education: unsuitable from a judgement that it appears
   * unsuitable, suitable again from a finding that it is (or the parent satisfied the s.437 notice), and no
   * longer a question once the child is on a school's roll.
   */
  suitability: { on: IsoDate; unsuitable: boolean }[];
  /** EHE: each CME case opened by reclassifying this one, from the day it was reclassified. */
  reclassified: { on: IsoDate; cmeCaseId: string }[];
  highRisk: { judgedOn: IsoDate; dueOn?: IsoDate; reportedOn?: IsoDate }[];
}

export type StatisticsView = Map<string, CaseHistory>;

export const createStatisticsView = (): StatisticsView => new Map();

type DatedList =
  | 'openings'
  | 'visitsOffered'
  | 'visitsAccepted'
  | 'returnsToSchool'
  | 'section437Notices'
  | 'section438Notices'
  | 'ordersServed'
  | 'ordersRevoked'
  | 'located';

const dueOf = (clocks: readonly StartedClock[], name: StartedClock['clock']) =>
  clocks.find((c) => c.clock === name)?.dueOn;

function opened(change: CaseEvent): CaseHistory | undefined {
  const empty = {
    caseId: change.caseId,
    closures: [],
    visitsOffered: [],
    visitsAccepted: [],
    returnsToSchool: [],
    section437Notices: [],
    section438Notices: [],
    ordersServed: [],
    ordersRevoked: [],
    located: [],
    suitability: [],
    highRisk: [],
    sen: [],
    reclassified: [],
  };
  const { event } = change;
  if (event.type === 'EheReferralReceived') {
    const d = event.data;
    // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings; Math.max would compare NaN
    const startedOn = d.eheStartDate > d.receivedOn ? d.eheStartDate : d.receivedOn;
    const history: CaseHistory = {
      ...empty,
      caseType: 'ehe',
      receivedOn: d.receivedOn,
      startedOn,
      sex: d.child.sex,
      dateOfBirth: d.child.dateOfBirth,
      source: d.source,
      primaryReason: d.primaryReason.code,
      previousSchoolType: d.previousSchoolType,
      openings: [startedOn],
      // A referral stored before the plan was implied by the status E still dates the plan from referral.
      flags: [
        {
          from: d.receivedOn,
          flags:
            d.child.senStatus === 'E' && !d.priorityFlags.includes('ehcp')
              ? [...d.priorityFlags, 'ehcp']
              : d.priorityFlags,
        },
      ],
    };
    if (d.child.senStatus) {
      history.senStatus = d.child.senStatus;
      history.sen = [{ from: d.receivedOn, status: d.child.senStatus }];
    }
    if (d.mosaicGroup) history.mosaicGroup = d.mosaicGroup;
    if (d.deletionReturn) history.deletionSchool = d.deletionReturn.school.name;
    const firstContactDueOn = dueOf(d.clocksStarted, 'firstContact');
    if (firstContactDueOn) history.firstContactDueOn = firstContactDueOn;
    return history;
  }
  if (event.type === 'CmeReferralReceived') {
    const d = event.data;
    const history: CaseHistory = {
      ...empty,
      caseType: 'cme',
      receivedOn: d.receivedOn,
      startedOn: d.receivedOn,
      sex: d.child.sex,
      source: d.source,
      primaryReason: d.primaryReason.code,
      missingSince: d.missingSince,
      openings: [d.receivedOn],
      flags: [],
    };
    if (d.child.dateOfBirth) history.dateOfBirth = d.child.dateOfBirth;
    if (d.child.senStatus) {
      history.senStatus = d.child.senStatus;
      history.sen = [{ from: d.receivedOn, status: d.child.senStatus }];
    }
    if (d.timeMissingAtReferral) history.timeMissingAtReferral = d.timeMissingAtReferral;
    if (d.rollStatus === 'on_roll') history.onRollUntil = null;
    return history;
  }
  return undefined;
}

/** The events a report counts; any other leaves the history as it is (no copy). */
const countedEvents: ReadonlySet<string> = new Set([
  'FirstContactMade',
  'PriorityFlagsChanged',
  'SenSupportRecorded',
  'VisitOffered',
  'VisitAccepted',
  'VisitHeld',
  'ReturnedToSchool',
  'Section437NoticeServed',
  'Section438NoticeServed',
  'SchoolAttendanceOrderServed',
  'SchoolAttendanceOrderRevoked',
  'EheCaseClosed',
  'CmeCaseClosed',
  'EheCaseReopened',
  'CmeCaseReopened',
  'WhereaboutsEstablished',
  'CmeRiskAssessed',
  'SuitabilityJudged',
  'ReclassifiedAsCme',
  'Section437ResponseJudged',
  'SchoolAttendanceOrderComplied',
  'ReportedToSocialCare',
  'ReportedToPolice',
  'CmePrimaryReasonChanged',
  'CmeMissingSinceRecorded',
  'CmeChildLeftRoll',
  'CmeDateOfBirthEstimated',
]);

/** The history after the event, a new object when anything changed. */
export function evolveCaseHistory(
  previous: CaseHistory | undefined,
  change: CaseEvent,
): CaseHistory | undefined {
  if (!previous) return opened(change);
  const { event } = change;
  if (!countedEvents.has(event.type)) return previous;
  const next: CaseHistory = { ...previous };
  const add = (list: DatedList, date: IsoDate) => {
    next[list] = [...previous[list], date];
  };
  const judged = (on: IsoDate, unsuitable: boolean) => {
    next.suitability = [...previous.suitability, { on, unsuitable }];
  };
  switch (event.type) {
    case 'FirstContactMade':
      if (next.firstContactOn === undefined) next.firstContactOn = event.data.attemptedOn;
      break;
    case 'PriorityFlagsChanged': {
      next.flags = [...previous.flags, { from: event.data.changedOn, flags: event.data.flags }];
      // A new flag before first contact moves that clock to the priority standard.
      const due = dueOf(event.data.clocksStarted, 'firstContact');
      if (due && next.firstContactOn === undefined) next.firstContactDueOn = due;
      break;
    }
    case 'SenSupportRecorded': {
      // Kept in date order: a change may be recorded after a later one.
      const entry = { from: event.data.changedOn, status: event.data.senStatus };
      const at = previous.sen.findLastIndex((e) => e.from <= entry.from) + 1;
      next.sen = [...previous.sen.slice(0, at), entry, ...previous.sen.slice(at)];
      break;
    }
    case 'VisitOffered':
      add('visitsOffered', event.data.offeredOn);
      break;
    case 'VisitAccepted':
      add('visitsAccepted', event.data.acceptedOn);
      break;
    case 'VisitHeld':
      if (next.firstVisitOn === undefined) next.firstVisitOn = event.data.heldOn;
      break;
    case 'ReturnedToSchool':
      add('returnsToSchool', event.data.startDate);
      judged(event.data.startDate, false);
      break;
    case 'SuitabilityJudged':
      if (event.data.outcome !== 'not_yet_able_to_judge')
        judged(event.data.judgedOn, event.data.outcome === 'appears_unsuitable');
      break;
    case 'Section437ResponseJudged':
      if (event.data.satisfied) judged(event.data.judgedOn, false);
      break;
    case 'ReclassifiedAsCme':
      next.reclassified = [
        ...previous.reclassified,
        { on: event.data.reclassifiedOn, cmeCaseId: event.data.cmeCaseId },
      ];
      break;
    case 'SchoolAttendanceOrderComplied':
      judged(event.data.registeredOn, false);
      break;
    case 'Section437NoticeServed':
      // A notice or order counts once, however many parents it is served on.
      if (!event.data.additionalService) add('section437Notices', event.data.servedOn);
      break;
    case 'Section438NoticeServed':
      // A notice or order counts once, however many parents it is served on.
      if (!event.data.additionalService) add('section438Notices', event.data.servedOn);
      break;
    case 'SchoolAttendanceOrderServed':
      // A notice or order counts once, however many parents it is served on.
      if (!event.data.additionalService) add('ordersServed', event.data.servedOn);
      break;
    case 'SchoolAttendanceOrderRevoked':
      add('ordersRevoked', event.data.revokedOn);
      break;
    case 'EheCaseClosed':
      next.closures = [...previous.closures, { on: event.data.closedOn, reason: event.data.reason }];
      break;
    case 'CmeCaseClosed':
      next.closures = [...previous.closures, { on: event.data.closedOn, reason: event.data.destination }];
      break;
    case 'EheCaseReopened':
      add('openings', event.data.reopenedOn);
      break;
    case 'CmeCaseReopened':
      add('openings', event.data.reopenedOn);
      break;
    case 'WhereaboutsEstablished':
      add('located', event.data.establishedOn);
      break;
    case 'CmePrimaryReasonChanged':
      next.primaryReason = event.data.primaryReason.code;
      break;
    case 'CmeMissingSinceRecorded':
      next.missingSince = event.data.missingSince;
      break;
    case 'CmeChildLeftRoll':
      next.onRollUntil = event.data.deletedOn;
      break;
    case 'CmeDateOfBirthEstimated':
      // An estimate stands in only for an unknown date of birth (the decider refuses one for a known date).
      if (previous.dateOfBirth === undefined || previous.dateOfBirthEstimated) {
        next.dateOfBirth = event.data.dateOfBirth;
        next.dateOfBirthEstimated = true;
      }
      break;
    case 'CmeRiskAssessed': {
      const last = previous.highRisk.at(-1);
      const stillOwed = last !== undefined && last.reportedOn === undefined;
      if (event.data.level === 'high' && !stillOwed) {
        const entry: CaseHistory['highRisk'][number] = { judgedOn: event.data.assessedOn };
        const dueOn = dueOf(event.data.clocksStarted, 'cmeHighRiskReport');
        if (dueOn) entry.dueOn = dueOn;
        next.highRisk = [...previous.highRisk, entry];
      }
      break;
    }
    case 'ReportedToSocialCare':
    case 'ReportedToPolice': {
      // The second agency told stops the clock: the report is complete on that date.
      const last = previous.highRisk.at(-1);
      if (last && last.reportedOn === undefined && event.data.clocksStopped.includes('cmeHighRiskReport')) {
        next.highRisk = [...previous.highRisk.slice(0, -1), { ...last, reportedOn: event.data.reportedOn }];
      }
      break;
    }
    default:
      return previous;
  }
  return next;
}

/** Open at the end of `date`: opened on or before it and not closed by then. */
export function isOpenOn(history: CaseHistory, date: IsoDate): boolean {
  for (let index = history.openings.length - 1; index >= 0; index--) {
    const from = history.openings[index] as IsoDate;
    if (from > date) continue;
    const closure = history.closures[index];
    return closure === undefined || closure.on > date;
  }
  return false;
}

/** Open at some time between `from` and `to`, both included. */
export function wasOpenDuring(history: CaseHistory, from: IsoDate, to: IsoDate): boolean {
  return history.openings.some((opening, index) => {
    const closure = history.closures[index];
    return opening <= to && (closure === undefined || closure.on >= from);
  });
}

export function flagsOn(history: CaseHistory, date: IsoDate): PriorityFlag[] {
  let flags: PriorityFlag[] = [];
  for (const entry of history.flags) {
    if (entry.from > date) break;
    flags = entry.flags;
  }
  return flags;
}

/**
 * A CME child still on a school's roll on `date` (referred after 10 days' absence or for a joint enquiry
 * before deletion, and not yet deleted): EA 1996 s.436A(1)(a) makes a child CME only when "not registered
 * pupils at a school", so the DfE return leaves them out until the deletion date (CME statutory guidance;
 * the DfE's CME methodology: children "on the roll of a school but persistently or severely absent" are not
 * CME). The day of deletion counts as off roll.
 */
export function stillOnRollOn(history: CaseHistory, date: IsoDate): boolean {
  if (history.onRollUntil === undefined) return false;
  return history.onRollUntil === null || history.onRollUntil > date;
}

/** Whether, at the end of `date`, the council's latest finding was that the home education is unsuitable. */
export function judgedUnsuitableOn(history: CaseHistory, date: IsoDate): boolean {
  let unsuitable = false;
  for (const finding of history.suitability) if (finding.on <= date) unsuitable = finding.unsuitable;
  return unsuitable;
}

/** The last day, on or before `date`, an EHC plan ceased (the `ehcp` flag removed), if one did. */
function planEndedOn(history: CaseHistory, date: IsoDate): IsoDate | undefined {
  let had = false;
  let ended: IsoDate | undefined;
  for (const entry of history.flags) {
    if (entry.from > date) break;
    const has = entry.flags.includes('ehcp');
    if (had && !has) ended = entry.from;
    had = has;
  }
  return ended;
}

/**
 * The child's SEN status as the school census codes it, at the end of `date`: E while an EHC plan is
 * maintained (Children and Families Act 2014 s.37, the `ehcp` flag's dated history), else the SEN support
 * last recorded on or before the date. A plan that has ceased leaves the status unknown until SEN support is
 * recorded again: what the child had before the plan is not what they have after it.
 */
export function senStatusOn(history: CaseHistory, date: IsoDate): 'N' | 'K' | 'E' | 'unknown' {
  if (flagsOn(history, date).includes('ehcp')) return 'E';
  const latest = history.sen.findLast((entry) => entry.from <= date);
  if (!latest || (latest.status !== 'N' && latest.status !== 'K')) return 'unknown';
  const ended = planEndedOn(history, date);
  return ended !== undefined && latest.from < ended ? 'unknown' : latest.status;
}
