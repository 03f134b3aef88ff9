import type { IsoDate } from '../calendar/index.js';
import { type ClockName, clockEffects } from '../clocks.js';
import { planFromFlags, withPlanSchool } from './ehc-plan.js';
import type { EheEvent } from './events.js';
import { evolveSao, isSaoEvent, withLegacyInForceClock } from './evolve-sao.js';
import { evolveSaoLife, isSaoLifeEvent } from './evolve-sao-life.js';
import { withConsentGiven, withConsentWithdrawn, withParent } from './parents.js';
import { evolveRegisterDuties, isRegisterEvent } from './register-duties.js';
import { type EheOpenClock, type EheState, isSaoRouteActive, workingStatus } from './state.js';

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

function updateClock(
  state: EheState,
  name: ClockName,
  dueOn: IsoDate,
  change: Partial<EheOpenClock>,
): EheState {
  const clock = state.clocks[name];
  if (!clock || clock.dueOn !== dueOn) return state;
  return { ...state, clocks: { ...state.clocks, [name]: { ...clock, ...change } } };
}

/** The events `evolveOutcomes` handles: what `evolveCase` and the SAO route leave, so an event type no step
 * handles fails to compile instead of being ignored. */
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
      const withParents = d.parentsCarers.reduce(
        (next, { parentId, ...parent }) => withParent(next, parentId, parent),
        state,
      );
      return {
        ...withParents,
        status: d.consentNeeded ? 'awaiting_consent' : 'referred',
        caseId: d.caseId,
        referredOn: d.receivedOn,
        eheStartDate: d.eheStartDate,
        dateOfBirth: d.child.dateOfBirth,
        priorityFlags: d.priorityFlags,
        priority: d.priority,
        ehcPlan: planFromFlags(state.ehcPlan, d.priorityFlags, d.receivedOn),
        flaggedForSupportToReturn: d.flaggedForSupportToReturn,
        consent: d.consentNeeded ? 'needed' : 'not_needed',
      };
    }
    case 'ParentCarerRecorded':
      return withParent(state, event.data.parentId, event.data.parent);
    case 'ElectronicServiceConsentRecorded':
      return withConsentGiven(state, event.data.parentId, event.data.email, event.data.givenOn);
    case 'ElectronicServiceConsentWithdrawn':
      return withConsentWithdrawn(state, event.data.parentId, event.data.withdrawnOn);
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
    case 'PriorityFlagsChanged': {
      const { flags, priority, changedOn } = event.data;
      return {
        ...state,
        priorityFlags: flags,
        priority,
        ehcPlan: planFromFlags(state.ehcPlan, flags, changedOn),
      };
    }
    case 'EhcPlanSchoolRecorded':
      return {
        ...state,
        ehcPlan: withPlanSchool(state.ehcPlan, event.data.namedSchool, event.data.recordedOn),
      };
    case 'EhcPlanAmendmentRequested':
      return { ...state, ehcPlan: { ...state.ehcPlan, amendmentRequestedOn: event.data.requestedOn } };
    case 'EhcpAnnualReviewHeld':
    case 'SenSupportRecorded':
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
      if (isSaoEvent(event)) return evolveSao(state, event);
      if (isRegisterEvent(event)) return { ...state, register: evolveRegisterDuties(state.register, event) };
      return isSaoLifeEvent(event) ? evolveSaoLife(state, event) : evolveOutcomes(state, event);
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
  return { ...next, clocks: withLegacyInForceClock(applyClockEffects(next.clocks, event), next, event) };
}
