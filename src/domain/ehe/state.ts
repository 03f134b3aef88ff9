import type { IsoDate } from '../calendar/index.js';
import type { ClockName } from '../clocks.js';
import { clockEffects } from '../clocks.js';
import type { DayType, PriorityFlag } from '../policy.js';
import type { ClockEscalation } from '../shared-commands.js';
import type { School } from './commands.js';
import type { EheEvent } from './events.js';

export type EheStatus =
  | 'none'
  | 'awaiting_consent'
  | 'consent_refused'
  | 'referred'
  | 'open'
  | 'monitoring'
  | 'sao'
  | 'closed';

export interface OpenClock {
  startedOn: IsoDate;
  dueOn: IsoDate;
  remindOn?: IsoDate;
  policyVersion: string;
  dayType: DayType;
  missed: boolean;
  escalation: ClockEscalation;
  /** The annual-contact reminder has been recorded for this due date. */
  reminded: boolean;
}

/** Where the case stands on the School Attendance Order route. */
export type SaoStage =
  | 'none'
  | 'notice_served'
  | 'satisfied'
  | 'not_satisfied'
  | 'expedient'
  | 'not_expedient'
  | 'notice_of_intention_served'
  | 'school_chosen'
  | 'order_in_force'
  | 'order_revoked'
  | 'order_ended';

export interface SaoState {
  stage: SaoStage;
  notice437?: { issuedOn: IsoDate; servedOn: IsoDate; periodEndsOn: IsoDate };
  consultedSchools: School[];
  noticeOfIntention?: { servedOn: IsoDate; choiceEndsOn: IsoDate; schools: School[] };
  parentChoice?: School;
  order?: { school: School; servedOn: IsoDate; complied: boolean };
  revocation: 'none' | 'requested' | 'refused' | 'referred_to_secretary_of_state';
  esoConsidered: boolean;
  prosecution: 'none' | 'started' | 'convicted' | 'acquitted' | 'withdrawn';
  esoDirection: 'none' | 'awaiting_answer' | 'answered';
}

export interface VisitState {
  status: 'offered' | 'accepted' | 'held' | 'declined';
  offeredOn: IsoDate;
  proposedFor: IsoDate;
}

export interface EheState {
  status: EheStatus;
  caseId: string | null;
  referredOn: IsoDate | null;
  eheStartDate: IsoDate | null;
  dateOfBirth: IsoDate | null;
  allocatedOfficer: string | null;
  priorityFlags: PriorityFlag[];
  priority: boolean;
  flaggedForSupportToReturn: boolean;
  consent: 'not_needed' | 'needed' | 'requested' | 'given' | 'refused';
  firstContactOn: IsoDate | null;
  visits: Record<string, VisitState>;
  suitability: {
    outcome: 'suitable' | 'not_yet_able_to_judge' | 'appears_unsuitable';
    judgedOn: IsoDate;
  } | null;
  informalEnquirySentOn: IsoDate | null;
  panels: {
    panel: 'children_not_in_school' | 'fair_access';
    referredOn: IsoDate;
    decidedOn: IsoDate | null;
  }[];
  sao: SaoState;
  returnedToSchool: { school: School; startDate: IsoDate } | null;
  reclassifiedAsCme: string | null;
  /** Open cases the child may already have, flagged at referral for the co-ordinator's triage. */
  possibleDuplicateOf: string[];
  closure: { closedOn: IsoDate; reason: string } | null;
  /** The status to go back to on reopening. */
  statusBeforeClosure: EheStatus | null;
  clocks: Partial<Record<ClockName, OpenClock>>;
}

/** The state once a referral has opened the case (as `CmeCase` is for a CME case): what the views read. */
export type EheCase = EheState & { status: Exclude<EheStatus, 'none'>; caseId: string; referredOn: IsoDate };

export const isEheCase = (state: EheState): state is EheCase => state.status !== 'none';

const initialSao = (): SaoState => ({
  stage: 'none',
  consultedSchools: [],
  revocation: 'none',
  esoConsidered: false,
  prosecution: 'none',
  esoDirection: 'none',
});

export const initialEheState = (): EheState => ({
  status: 'none',
  caseId: null,
  referredOn: null,
  eheStartDate: null,
  dateOfBirth: null,
  allocatedOfficer: null,
  priorityFlags: [],
  priority: false,
  flaggedForSupportToReturn: false,
  consent: 'not_needed',
  firstContactOn: null,
  visits: {},
  suitability: null,
  informalEnquirySentOn: null,
  panels: [],
  sao: initialSao(),
  returnedToSchool: null,
  reclassifiedAsCme: null,
  possibleDuplicateOf: [],
  closure: null,
  statusBeforeClosure: null,
  clocks: {},
});

/** Clocks move exactly as the shared clock table says, so the case and the deadlines view agree. */
function applyClockEffects(clocks: EheState['clocks'], event: EheEvent): EheState['clocks'] {
  const { started, stopped } = clockEffects(event);
  if (started.length === 0 && stopped.length === 0) return clocks;
  const next = { ...clocks };
  for (const name of stopped) delete next[name];
  for (const { clock, ...rest } of started)
    next[clock] = { ...rest, missed: false, escalation: 'none', reminded: false };
  return next;
}

function updateClock(state: EheState, name: ClockName, dueOn: IsoDate, change: Partial<OpenClock>): EheState {
  const clock = state.clocks[name];
  if (!clock || clock.dueOn !== dueOn) return state;
  return { ...state, clocks: { ...state.clocks, [name]: { ...clock, ...change } } };
}

/** From the s437(1) notice until the route ends, the case stays in `sao` whatever else is recorded. */
export function isSaoRouteActive(sao: SaoState): boolean {
  return !['none', 'satisfied', 'not_expedient', 'order_revoked', 'order_ended'].includes(sao.stage);
}

/** The status a case returns to when allocated or given consent. */
const workingStatus = (state: EheState): EheStatus => (state.allocatedOfficer ? 'open' : 'referred');

/** The events `evolveStatutory` handles, then `evolveOutcomes`: each step of the chain takes only what the
 * one before left, so an event type no step handles fails to compile instead of being ignored. */
type StatutoryEvent = Extract<
  EheEvent,
  {
    type:
      | 'Section437NoticeServed'
      | 'Section437ResponseJudged'
      | 'AttendanceExpediencyDecided'
      | 'SchoolConsulted'
      | 'Section438NoticeServed'
      | 'SchoolChosenByParent'
      | 'SchoolAttendanceOrderServed'
      | 'SchoolAttendanceOrderAmended'
      | 'SaoRevocationRequested'
      | 'SchoolAttendanceOrderRevoked'
      | 'SaoRevocationRefused'
      | 'SaoRefusalReferredToSecretaryOfState'
      | 'SchoolAttendanceOrderComplied'
      | 'EsoConsidered'
      | 'ProsecutionStarted'
      | 'ProsecutionOutcomeRecorded'
      | 'EsoDirectionReceived'
      | 'EsoDirectionAnswered';
  }
>;
type OutcomeEvent = Extract<
  EheEvent,
  {
    type:
      | 'ReturnedToSchool'
      | 'ReclassifiedAsCme'
      | 'EheCaseClosed'
      | 'EheCaseReopened'
      | 'DeadlineMissed'
      | 'CaseEscalated'
      | 'AnnualContactDue';
  }
>;

function evolveCase(state: EheState, event: EheEvent): EheState {
  switch (event.type) {
    case 'EheReferralReceived': {
      const d = event.data;
      return {
        ...state,
        status: d.consentNeeded ? 'awaiting_consent' : 'referred',
        caseId: d.caseId,
        referredOn: d.receivedOn,
        eheStartDate: d.eheStartDate,
        dateOfBirth: d.child.dateOfBirth,
        priorityFlags: d.priorityFlags,
        priority: d.priority,
        flaggedForSupportToReturn: d.flaggedForSupportToReturn,
        consent: d.consentNeeded ? 'needed' : 'not_needed',
      };
    }
    case 'PossibleDuplicateFlagged':
      return { ...state, possibleDuplicateOf: event.data.caseIds };
    case 'SpecialSchoolConsentRequested':
      return { ...state, consent: 'requested' };
    case 'SpecialSchoolConsentGiven':
      return { ...state, consent: 'given', status: workingStatus(state) };
    case 'SpecialSchoolConsentRefused':
      return { ...state, consent: 'refused', status: 'consent_refused' };
    case 'CaseAllocated':
    case 'CaseReallocated': {
      const status = state.status === 'referred' ? 'open' : state.status;
      return { ...state, allocatedOfficer: event.data.officerId, status };
    }
    case 'FirstContactMade':
      return { ...state, firstContactOn: event.data.attemptedOn };
    case 'ContactAttempted':
      return state;
    case 'VisitOffered': {
      const { visitId, offeredOn, proposedFor } = event.data;
      return {
        ...state,
        visits: { ...state.visits, [visitId]: { status: 'offered', offeredOn, proposedFor } },
      };
    }
    case 'VisitAccepted':
    case 'VisitHeld':
    case 'VisitDeclined': {
      const visitId = event.data.visitId;
      const visit = visitId === undefined ? undefined : state.visits[visitId];
      if (visitId === undefined || !visit) return state;
      const status =
        event.type === 'VisitAccepted' ? 'accepted' : event.type === 'VisitHeld' ? 'held' : 'declined';
      return { ...state, visits: { ...state.visits, [visitId]: { ...visit, status } } };
    }
    case 'InformalEnquirySent':
      return { ...state, informalEnquirySentOn: event.data.sentOn };
    case 'EvidenceReceived':
      return state;
    case 'SuitabilityJudged': {
      const { outcome, judgedOn } = event.data;
      const judged = outcome === 'suitable' ? 'monitoring' : workingStatus(state);
      return {
        ...state,
        suitability: { outcome, judgedOn },
        status: isSaoRouteActive(state.sao) ? state.status : judged,
      };
    }
    case 'PriorityFlagsChanged':
      return { ...state, priorityFlags: event.data.flags, priority: event.data.priority };
    case 'EhcpAnnualReviewHeld':
      return state;
    case 'PanelReferralMade': {
      const { panel, referredOn } = event.data;
      return { ...state, panels: [...state.panels, { panel, referredOn, decidedOn: null }] };
    }
    case 'PanelDecisionRecorded': {
      const { panel, decidedOn } = event.data;
      const index = state.panels.findLastIndex((p) => p.panel === panel && p.decidedOn === null);
      const panels = state.panels.map((p, i) => (i === index ? { ...p, decidedOn } : p));
      return { ...state, panels };
    }
    default:
      return evolveStatutory(state, event);
  }
}

/** While the route is active the case is in `sao`; when a step ends it, the case takes `endedStatus`. */
function withSao(
  state: EheState,
  change: Partial<SaoState>,
  endedStatus: EheStatus = state.status,
): EheState {
  const sao = { ...state.sao, ...change };
  return { ...state, sao, status: isSaoRouteActive(sao) ? 'sao' : endedStatus };
}

function evolveStatutory(state: EheState, event: StatutoryEvent | OutcomeEvent): EheState {
  const { sao } = state;
  switch (event.type) {
    case 'Section437NoticeServed': {
      const { issuedOn, servedOn, periodEndsOn } = event.data;
      return withSao(state, {
        ...initialSao(),
        stage: 'notice_served',
        notice437: { issuedOn, servedOn, periodEndsOn },
      });
    }
    case 'Section437ResponseJudged':
      // Satisfied that education is suitable: the judgement the notice questioned is replaced.
      return event.data.satisfied
        ? {
            ...withSao(state, { stage: 'satisfied' }, 'monitoring'),
            suitability: { outcome: 'suitable', judgedOn: event.data.judgedOn },
          }
        : withSao(state, { stage: 'not_satisfied' });
    case 'AttendanceExpediencyDecided':
      return event.data.expedient
        ? withSao(state, { stage: 'expedient' })
        : withSao(state, { stage: 'not_expedient' }, workingStatus(state));
    case 'SchoolConsulted':
      return withSao(state, { consultedSchools: [...sao.consultedSchools, event.data.school] });
    case 'Section438NoticeServed': {
      const { servedOn, choiceEndsOn, intendedSchool, alternativeSchools } = event.data;
      const noticeOfIntention = { servedOn, choiceEndsOn, schools: [intendedSchool, ...alternativeSchools] };
      return withSao(state, { stage: 'notice_of_intention_served', noticeOfIntention });
    }
    case 'SchoolChosenByParent':
      return withSao(state, { stage: 'school_chosen', parentChoice: event.data.school });
    case 'SchoolAttendanceOrderServed':
    case 'SchoolAttendanceOrderAmended': {
      const servedOn =
        event.type === 'SchoolAttendanceOrderServed' ? event.data.servedOn : event.data.amendedOn;
      return withSao(state, {
        stage: 'order_in_force',
        order: { school: event.data.school, servedOn, complied: false },
      });
    }
    case 'SaoRevocationRequested':
      return withSao(state, { revocation: 'requested' });
    case 'SchoolAttendanceOrderRevoked':
      // s442 revokes an order only for suitable education otherwise: that is the judgement now.
      return {
        ...withSao(state, { stage: 'order_revoked', revocation: 'none' }, 'monitoring'),
        suitability: { outcome: 'suitable', judgedOn: event.data.revokedOn },
      };
    case 'SaoRevocationRefused':
      return withSao(state, { revocation: 'refused' });
    case 'SaoRefusalReferredToSecretaryOfState':
      return withSao(state, { revocation: 'referred_to_secretary_of_state' });
    case 'SchoolAttendanceOrderComplied':
      return sao.order ? withSao(state, { order: { ...sao.order, complied: true } }) : state;
    case 'EsoConsidered':
      return withSao(state, { esoConsidered: true });
    case 'ProsecutionStarted':
      // s447(1) asks for an ESO to be considered before each prosecution, so the last one is used up.
      return withSao(state, { prosecution: 'started', esoConsidered: false });
    case 'ProsecutionOutcomeRecorded': {
      const ends = event.data.outcome === 'acquitted' && event.data.orderCeases;
      return withSao(
        state,
        { prosecution: event.data.outcome, ...(ends ? { stage: 'order_ended' as const } : {}) },
        workingStatus(state),
      );
    }
    case 'EsoDirectionReceived':
      return withSao(state, { esoDirection: 'awaiting_answer' });
    case 'EsoDirectionAnswered':
      return withSao(state, { esoDirection: 'answered' });
    default:
      return evolveOutcomes(state, event);
  }
}

function evolveOutcomes(state: EheState, event: OutcomeEvent): EheState {
  switch (event.type) {
    case 'ReturnedToSchool':
      return { ...state, returnedToSchool: { school: event.data.school, startDate: event.data.startDate } };
    case 'ReclassifiedAsCme':
      return { ...state, reclassifiedAsCme: event.data.cmeCaseId };
    case 'EheCaseClosed':
      return {
        ...state,
        status: 'closed',
        statusBeforeClosure: state.status,
        closure: { closedOn: event.data.closedOn, reason: event.data.reason },
      };
    case 'EheCaseReopened':
      return {
        ...state,
        status: state.statusBeforeClosure ?? workingStatus(state),
        statusBeforeClosure: null,
        closure: null,
        // Reopened: the child is not (or no longer) at school or with the CME team.
        returnedToSchool: null,
        reclassifiedAsCme: null,
      };
    case 'DeadlineMissed':
      return updateClock(state, event.data.clock, event.data.dueOn, { missed: true });
    case 'CaseEscalated':
      return updateClock(state, event.data.clock, event.data.dueOn, {
        missed: true,
        escalation: event.data.level,
      });
    case 'AnnualContactDue':
      return updateClock(state, 'annualContact', event.data.dueOn, { reminded: true });
    default:
      return unhandled(event);
  }
}

/** Compile-time exhaustiveness: every event type is handled above, so nothing reaches here. */
function unhandled(event: never): never {
  throw new Error(`no evolve step for ${(event as { type: string }).type}`);
}

export function evolve(state: EheState, event: EheEvent): EheState {
  const next = evolveCase(state, event);
  return { ...next, clocks: applyClockEffects(next.clocks, event) };
}
