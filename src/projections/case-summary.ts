import type { IsoDate } from '../domain/calendar/index.js';
import { compulsorySchoolAge, yearGroup } from '../domain/calendar/index.js';
import { byCaseType, type CaseTypeTable, caseTypes, streamOf } from '../domain/case-types.js';
import type { ClockName } from '../domain/clocks.js';
import { ageDateOfBirth, type CmeCase } from '../domain/cme/state.js';
import type { EheCase } from '../domain/ehe/state.js';
import { isEheCase } from '../domain/ehe/state.js';
import type { PriorityFlag } from '../domain/policy.js';
import type { ClockEscalation } from '../domain/shared-commands.js';
import type { CaseEvent } from './case-event.js';
import { evolveSaoDocuments } from './sao-documents.js';
import type { CaseClock, CaseSummary, CaseType, SaoDates, SaoServedDocument } from './types.js';

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
  /** EHE: the School Attendance Order documents of the current route (sao-documents.ts). */
  saoDocuments?: readonly SaoServedDocument[];
  revision: bigint;
  position: bigint;
}
export type CaseRecord =
  | (CaseDetails & { caseType: 'ehe'; state: EheCase })
  | (CaseDetails & { caseType: 'cme'; state: CmeCase });

export type CaseRecords = Map<string, CaseRecord>;

const reviewClocks: readonly ClockName[] = ['annualContact', 'ehcpAnnualReview', 'cmeTracingReview'];

function touched<R extends object>(record: R, change: CaseEvent): R & { revision: bigint; position: bigint } {
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

/** The record already kept under the event's case id, which must be a case of the event's type. */
function sameType<K extends CaseType>(previous: CaseRecord, change: CaseEvent & { caseType: K }) {
  if (previous.caseType !== change.caseType) {
    throw new CaseIdConflictError(change.caseId, previous.caseType, change.caseType);
  }
  return previous as CaseRecord & { caseType: K };
}

/** What the summary shows of the child, picked alike from either case type's referral. */
function identityOf<Child extends CaseRecord['child']>(child: Child): CaseRecord['child'] {
  const { givenName, familyName, dateOfBirth, sex, upn, senStatus } = child;
  return { givenName, familyName, dateOfBirth, sex, upn, senStatus };
}

/** The record a case's referral opens: the decider's first state, and who the child is and who referred. */
function openedBy<K extends CaseType, State>(
  change: CaseEvent & { caseType: K },
  state: State,
  referral: { child: CaseRecord['child']; source: string },
) {
  const { caseType, caseId } = change;
  return touched(
    { caseType, caseId, state, child: identityOf(referral.child), source: referral.source },
    change,
  );
}

function evolveEheRecord(previous: CaseRecord | undefined, change: CaseEvent & { caseType: 'ehe' }) {
  const { event } = change;
  if (!previous) {
    // A stream that does not open with a referral has no case to show.
    if (event.type !== 'EheReferralReceived') return undefined;
    const state = caseTypes.ehe.decider.evolve(caseTypes.ehe.decider.initialState(), event);
    if (!isEheCase(state)) return undefined;
    return openedBy(change, state, event.data);
  }
  const before = sameType(previous, change);
  const state = caseTypes.ehe.decider.evolve(before.state, event);
  if (!isEheCase(state)) return previous;
  const record = touched({ ...before, state }, change);
  const saoDocuments = evolveSaoDocuments(before.saoDocuments, event);
  if (saoDocuments) record.saoDocuments = saoDocuments;
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
    const state = caseTypes.cme.decider.evolve(caseTypes.cme.decider.initialState(), event);
    if (state.status === 'none') return undefined;
    return openedBy(change, state, event.data);
  }
  const before = sameType(previous, change);
  const state = caseTypes.cme.decider.evolve(before.state, event);
  if (state.status === 'none') return previous;
  const record = touched({ ...before, state }, change);
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
  return byCaseType<CaseEvent, CaseRecord | undefined>(
    {
      ehe: (ehe) => evolveEheRecord(previous, ehe),
      cme: (cme) => evolveCmeRecord(previous, cme),
      // A school's arranged-absence pupil is on the register only: no case the service works (case-types.ts).
      cnis: () => undefined,
    },
    change,
  );
}

export function isOpen(record: CaseRecord): boolean {
  return record.state.status !== 'closed';
}

export function officerOf(record: CaseRecord): string | undefined {
  return record.state.allocatedOfficer ?? undefined;
}

/** EHE: the decider's priority (CPP, CIN, EHCP, youth justice, ...); CME: judged high risk. */
const priority: CaseTypeTable<CaseRecord, boolean> = {
  ehe: ({ state }) => state.priority,
  cme: ({ state }) => state.riskLevel === 'high',
};
export const isPriority = (record: CaseRecord): boolean => byCaseType(priority, record);

/** Only an EHE case keeps priority flags. */
const priorityFlags: CaseTypeTable<CaseRecord, readonly PriorityFlag[]> = {
  ehe: ({ state }) => state.priorityFlags,
  cme: () => [],
};
export const priorityFlagsOf = (record: CaseRecord): readonly PriorityFlag[] =>
  byCaseType(priorityFlags, record);

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

/**
 * The date of birth the age and year group are worked out from: the child's, or a CME officer's estimate
 * while it is not known (issue 15 item 10), flagged so that every answer can show it as an estimate.
 */
export function ageDateOfBirthOf(record: CaseRecord): { dateOfBirth: IsoDate; estimated: boolean } | null {
  if (record.caseType === 'cme') return ageDateOfBirth(record.state);
  return record.child.dateOfBirth ? { dateOfBirth: record.child.dateOfBirth, estimated: false } : null;
}

export const referredOnOf = (record: CaseRecord): IsoDate => record.state.referredOn;

/** The date no later step may precede: a CME case keeps its latest reopening, an EHE case its referral. */
const openedOn: CaseTypeTable<CaseRecord, IsoDate> = {
  ehe: ({ state }) => state.referredOn,
  cme: ({ state }) => state.openedOn,
};

/** A closed EHE case keeps the reason, a closed CME case where the child went: the row shows either. */
function closureOf({ state: { closure } }: CaseRecord): { closedOn: IsoDate; reason: string } | undefined {
  if (!closure) return undefined;
  return { closedOn: closure.closedOn, reason: 'reason' in closure ? closure.reason : closure.destination };
}

/** What only one case type's row shows: the SAO stage of an EHE case, the risk and whereabouts of a CME case. */
const typeFields: CaseTypeTable<
  CaseRecord,
  Pick<CaseSummary, 'saoStage' | 'sao' | 'riskLevel' | 'located' | 'fairAccess' | 'closureProposal'>
> = {
  ehe: ({ state, saoDocuments }) => ({
    saoStage: state.sao.stage,
    ...(state.sao.stage === 'none'
      ? {}
      : { sao: saoDatesOf(state.sao, state.dateOfBirth, saoDocuments ?? []) }),
  }),
  cme: ({ state }) => ({
    ...(state.riskLevel ? { riskLevel: state.riskLevel } : {}),
    located: state.whereabouts !== null,
    ...(state.fairAccess && { fairAccess: fairAccessOf(state) }),
    ...(state.closureProposal && { closureProposal: { ...state.closureProposal } }),
  }),
};

/** Where a Fair Access referral stands (School Admissions Code 2021: a place within 20 school days). */
function fairAccessOf({ fairAccess, clocks }: CmeCase): CaseSummary['fairAccess'] {
  if (!fairAccess) return undefined;
  const due = clocks.fairAccessPlacement?.dueOn;
  return {
    referredOn: fairAccess.referredOn,
    ...(fairAccess.agreedOn && { agreedOn: fairAccess.agreedOn }),
    ...(due && { placeDueBy: due }),
    ...(fairAccess.place && {
      place: { allocatedOn: fairAccess.place.allocatedOn, school: { ...fairAccess.place.school } },
    }),
  };
}

function saoDatesOf(
  sao: EheCase['sao'],
  dateOfBirth: IsoDate | null,
  documents: readonly SaoServedDocument[],
): SaoDates {
  const { notice437, noticeOfIntention, order } = sao;
  return {
    stage: sao.stage,
    // The only procedure modelled: a policy naming a CWSA 2026 commencement date is refused (issue 14 item 8).
    regime: 'EA1996',
    documents: documents.map((d) => ({ ...d })),
    ...(notice437 && {
      section437Notice: { servedOn: notice437.servedOn, periodEndsOn: notice437.periodEndsOn },
    }),
    ...(noticeOfIntention && {
      section438Notice: {
        servedOn: noticeOfIntention.servedOn,
        choiceEndsOn: noticeOfIntention.choiceEndsOn,
      },
    }),
    ...(order && {
      order: {
        servedOn: order.servedOn,
        ...(dateOfBirth && { inForceUntil: compulsorySchoolAge(dateOfBirth).end }),
      },
    }),
  };
}

/** A case's summary: the row or header the API shows, with the year group for the academic year of `today`. */
export type SummaryOf = (record: CaseRecord, today: IsoDate) => Readonly<CaseSummary>;

/**
 * `SummaryOf`, remembering each answer. Records are never mutated, so a summary is computed once per record
 * and day and shared: callers copy, never change it. One per instance of the views (createViewQueries).
 */
export function createSummaryOf(): SummaryOf {
  const summaries = new WeakMap<CaseRecord, { today: IsoDate; summary: Readonly<CaseSummary> }>();
  return (record, today) => {
    const cached = summaries.get(record);
    if (cached?.today === today) return cached.summary;
    const summary = buildCaseSummary(record, today);
    summaries.set(record, { today, summary });
    return summary;
  };
}

function buildCaseSummary(record: CaseRecord, today: IsoDate): CaseSummary {
  const caseType: CaseType = record.caseType;
  const { child } = record;
  const clocks = clocksOf(record);
  const summary: CaseSummary = {
    caseId: record.caseId,
    caseType,
    stream: streamOf(caseType, record.caseId),
    status: record.state.status,
    open: isOpen(record),
    child: { ...child, ehcp: hasEhcp(record) },
    priority: isPriority(record),
    priorityFlags: [...priorityFlagsOf(record)],
    source: record.source,
    receivedOn: referredOnOf(record),
    openedOn: byCaseType(openedOn, record),
    clocks,
    revision: record.revision,
    position: record.position,
  };
  const birth = ageDateOfBirthOf(record);
  if (birth) {
    if (birth.estimated) summary.child.estimatedDateOfBirth = birth.dateOfBirth;
    summary.child.yearGroup = yearGroup(birth.dateOfBirth, today);
    summary.child.compulsorySchoolAge = compulsorySchoolAge(birth.dateOfBirth);
  }
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
  return Object.assign(summary, byCaseType(typeFields, record));
}
