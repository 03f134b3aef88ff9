import type { IsoDate } from '../domain/calendar/index.js';
import { yearGroup } from '../domain/calendar/index.js';
import type { ClockName } from '../domain/clocks.js';
import type { CmeCase } from '../domain/cme/state.js';
import { evolve as evolveCme } from '../domain/cme/state.js';
import type { EheState } from '../domain/ehe/state.js';
import { evolve as evolveEhe, initialEheState } from '../domain/ehe/state.js';
import type { PriorityFlag } from '../domain/policy.js';
import type { ClockEscalation } from '../domain/shared-commands.js';
import type { CaseEvent } from './case-event.js';
import type { CaseClock, CaseSummary, CaseType } from './types.js';

/**
 * One record per case: the decider's own state (so status, clocks and the SAO stage follow exactly the rules
 * `decide` sees) plus what a list row shows that the decider does not keep. Records are replaced, never
 * mutated: `evolveCaseRecord` returns a new record, so an event that throws leaves the old one standing.
 */
export interface CaseDetails {
  caseId: string;
  child: Omit<CaseSummary['child'], 'ehcp' | 'yearGroup'>;
  source: string;
  lastContactOn?: IsoDate;
  lastVisitOn?: IsoDate;
  lastAssessment?: CaseSummary['lastAssessment'];
  revision: bigint;
  position: bigint;
}
export type CaseRecord =
  | (CaseDetails & { caseType: 'ehe'; state: EheState })
  | (CaseDetails & { caseType: 'cme'; state: CmeCase });

export type CaseRecords = Map<string, CaseRecord>;

const reviewClocks: readonly ClockName[] = ['annualContact', 'ehcpAnnualReview', 'cmeTracingReview'];

function touched<R extends Omit<CaseRecord, 'revision' | 'position'>>(
  record: R,
  change: CaseEvent,
): R & { revision: bigint; position: bigint } {
  return { ...record, revision: change.revision, position: change.position };
}

/**
 * Two case types under one id: the views key by id alone, so the second case would vanish from every
 * caseload, dashboard and return. The API refuses such an id before writing; if one is ever stored anyway
 * (another writer, an old bug), the views say so loudly rather than skip it in silence.
 */
export class CaseIdConflictError extends Error {
  override readonly name = 'CaseIdConflictError';
  constructor(
    readonly caseId: string,
    readonly known: CaseType,
    readonly found: CaseType,
  ) {
    super(`case ${caseId} is a ${known} case; a ${found} stream under the same id cannot be shown`);
  }
}

function evolveEheRecord(previous: CaseRecord | undefined, change: CaseEvent & { caseType: 'ehe' }) {
  const { event } = change;
  if (!previous) {
    // A stream that does not open with a referral has no case to show.
    if (event.type !== 'EheReferralReceived') return undefined;
    const { child, source } = event.data;
    return touched(
      {
        caseType: 'ehe' as const,
        caseId: change.caseId,
        state: evolveEhe(initialEheState(), event),
        child: {
          givenName: child.givenName,
          familyName: child.familyName,
          dateOfBirth: child.dateOfBirth,
          sex: child.sex,
          upn: child.upn,
          senStatus: child.senStatus,
        },
        source,
      },
      change,
    );
  }
  if (previous.caseType !== 'ehe') throw new CaseIdConflictError(change.caseId, previous.caseType, 'ehe');
  const record = touched({ ...previous, state: evolveEhe(previous.state, event) }, change);
  switch (event.type) {
    case 'FirstContactMade':
    case 'ContactAttempted':
      if (event.data.outcome === 'contact_made') record.lastContactOn = event.data.attemptedOn;
      break;
    case 'VisitHeld':
      record.lastVisitOn = event.data.heldOn;
      break;
    case 'SuitabilityJudged':
      record.lastAssessment = { kind: 'suitability', outcome: event.data.outcome, on: event.data.judgedOn };
      break;
  }
  return record;
}

function evolveCmeRecord(previous: CaseRecord | undefined, change: CaseEvent & { caseType: 'cme' }) {
  const { event } = change;
  if (!previous) {
    if (event.type !== 'CmeReferralReceived') return undefined;
    const state = evolveCme({ status: 'none' }, event);
    if (state.status === 'none') return undefined;
    const { child, source } = event.data;
    return touched(
      {
        caseType: 'cme' as const,
        caseId: change.caseId,
        state,
        child: {
          givenName: child.givenName,
          familyName: child.familyName,
          dateOfBirth: child.dateOfBirth,
          sex: child.sex,
          upn: child.upn,
          senStatus: child.senStatus,
        },
        source,
      },
      change,
    );
  }
  if (previous.caseType !== 'cme') throw new CaseIdConflictError(change.caseId, previous.caseType, 'cme');
  const state = evolveCme(previous.state, event);
  if (state.status === 'none') return previous;
  const record = touched({ ...previous, state }, change);
  if (event.type === 'CmeRiskAssessed') {
    record.lastAssessment = { kind: 'risk', outcome: event.data.level, on: event.data.assessedOn };
  }
  return record;
}

/** The record after the event; undefined while the stream has not opened a case. Never mutates `previous`. */
export function evolveCaseRecord(
  previous: CaseRecord | undefined,
  change: CaseEvent,
): CaseRecord | undefined {
  return change.caseType === 'ehe' ? evolveEheRecord(previous, change) : evolveCmeRecord(previous, change);
}

export function isOpen(record: CaseRecord): boolean {
  return record.state.status !== 'closed';
}

export function officerOf(record: CaseRecord): string | undefined {
  const officer = record.caseType === 'ehe' ? record.state.allocatedOfficer : record.state.allocatedTo;
  return officer ?? undefined;
}

/** EHE: the decider's priority (CPP, CIN, EHCP, youth justice, ...); CME: judged high risk. */
export function isPriority(record: CaseRecord): boolean {
  return record.caseType === 'ehe' ? record.state.priority : record.state.riskLevel === 'high';
}

export function priorityFlagsOf(record: CaseRecord): PriorityFlag[] {
  return record.caseType === 'ehe' ? record.state.priorityFlags : [];
}

export function hasEhcp(record: CaseRecord): boolean {
  return record.child.senStatus === 'E' || priorityFlagsOf(record).includes('ehcp');
}

export function clocksOf(record: CaseRecord): CaseClock[] {
  const clocks: CaseClock[] = [];
  for (const [clock, open] of Object.entries(record.state.clocks)) {
    if (!open) continue;
    const entry: CaseClock = {
      clock: clock as ClockName,
      startedOn: open.startedOn,
      dueOn: open.dueOn,
      missed: open.missed,
      escalation: open.escalation as ClockEscalation,
    };
    const remindOn = 'remindOn' in open ? open.remindOn : undefined;
    if (typeof remindOn === 'string') entry.remindOn = remindOn;
    clocks.push(entry);
  }
  return clocks.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}

export function nextDueOn(record: CaseRecord): IsoDate | undefined {
  let next: IsoDate | undefined;
  for (const open of Object.values(record.state.clocks)) {
    if (open && (next === undefined || open.dueOn < next)) next = open.dueOn;
  }
  return next;
}

export function childName(record: CaseRecord): string {
  return `${record.child.givenName} ${record.child.familyName}`;
}

export function receivedOnOf(record: CaseRecord): IsoDate {
  return record.caseType === 'ehe' ? (record.state.receivedOn ?? '') : record.state.referredOn;
}

function closureOf(record: CaseRecord): { closedOn: IsoDate; reason: string } | undefined {
  if (record.caseType === 'ehe') return record.state.closed ?? undefined;
  const closure = record.state.closure;
  return closure ? { closedOn: closure.closedOn, reason: closure.destination } : undefined;
}

const summaries = new WeakMap<CaseRecord, { today: IsoDate; summary: Readonly<CaseSummary> }>();

/**
 * The row or header the API shows, with the year group for the academic year of `today`. Records are never
 * mutated, so a summary is computed once per record and day and shared: callers copy, never change it.
 */
export function toCaseSummary(record: CaseRecord, today: IsoDate): Readonly<CaseSummary> {
  const cached = summaries.get(record);
  if (cached?.today === today) return cached.summary;
  const summary = buildCaseSummary(record, today);
  summaries.set(record, { today, summary });
  return summary;
}

function buildCaseSummary(record: CaseRecord, today: IsoDate): CaseSummary {
  const caseType: CaseType = record.caseType;
  const { child } = record;
  const clocks = clocksOf(record);
  const summary: CaseSummary = {
    caseId: record.caseId,
    caseType,
    stream: `${caseType}-${record.caseId}`,
    status: record.state.status,
    open: isOpen(record),
    child: { ...child, ehcp: hasEhcp(record) },
    priority: isPriority(record),
    priorityFlags: [...priorityFlagsOf(record)],
    source: record.source,
    receivedOn: receivedOnOf(record),
    openedOn: record.caseType === 'ehe' ? receivedOnOf(record) : record.state.openedOn,
    clocks,
    revision: record.revision,
    position: record.position,
  };
  if (child.dateOfBirth) summary.child.yearGroup = yearGroup(child.dateOfBirth, today);
  const officerId = officerOf(record);
  if (officerId !== undefined) summary.officerId = officerId;
  const closure = closureOf(record);
  if (closure) {
    summary.closedOn = closure.closedOn;
    summary.closeReason = closure.reason;
  }
  if (clocks[0]) summary.nextDueOn = clocks[0].dueOn;
  const review = clocks.find((c) => reviewClocks.includes(c.clock));
  if (review) summary.nextReviewOn = review.dueOn;
  if (record.lastContactOn) summary.lastContactOn = record.lastContactOn;
  if (record.lastVisitOn) summary.lastVisitOn = record.lastVisitOn;
  if (record.lastAssessment) summary.lastAssessment = { ...record.lastAssessment };
  const { possibleDuplicateOf } = record.state;
  if (possibleDuplicateOf.length > 0) summary.possibleDuplicateOf = [...possibleDuplicateOf];
  if (record.caseType === 'ehe') {
    summary.saoStage = record.state.sao.stage;
  } else {
    if (record.state.riskLevel) summary.riskLevel = record.state.riskLevel;
    summary.located = record.state.whereabouts !== null;
  }
  return summary;
}
