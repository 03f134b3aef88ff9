import type { IsoDate } from '../calendar/index.js';
import { type ClockName, clockEffects, type OpenClock } from '../clocks.js';
import type { CmeEvent } from './events.js';
import type { CmeCase, CmeState, HighRiskReport } from './state.js';

/** Clocks move only as the shared clock table says, so this state, the deadlines view and the schedulers agree. */
function applyClockEffects(clocks: CmeCase['clocks'], event: CmeEvent): CmeCase['clocks'] {
  const { started, stopped } = clockEffects(event);
  if (started.length === 0 && stopped.length === 0) return clocks;
  const next = { ...clocks };
  for (const name of stopped) delete next[name];
  for (const { clock, startedOn, dueOn, policyVersion, dayType } of started) {
    next[clock] = { startedOn, dueOn, policyVersion, dayType, missed: false, escalation: 'none' };
  }
  return next;
}

/** Worker events apply to the clock they were decided for; a clock since moved is left alone. */
function updateClock(
  clocks: CmeCase['clocks'],
  name: ClockName,
  dueOn: IsoDate,
  change: (clock: OpenClock) => OpenClock,
): CmeCase['clocks'] {
  const clock = clocks[name];
  return clock && clock.dueOn === dueOn ? { ...clocks, [name]: change(clock) } : clocks;
}

/** A report counts toward a high-risk judgement when it is the first to that agency since the judgement. */
function countsForReport(
  report: HighRiskReport | null,
  told: 'socialCareToldOn' | 'policeToldOn',
  reportedOn: IsoDate,
): report is HighRiskReport {
  return report !== null && report[told] === null && reportedOn >= report.judgedOn;
}

function evolveCase(state: CmeCase, event: CmeEvent): CmeCase {
  switch (event.type) {
    case 'CmeReferralReceived':
      return state;
    case 'PossibleDuplicateFlagged':
      return { ...state, possibleDuplicateOf: event.data.caseIds };
    case 'CaseAllocated':
      return { ...state, allocatedOfficer: event.data.officerId };
    case 'CaseReallocated':
      return { ...state, allocatedOfficer: event.data.officerId };
    case 'CmeEnquiryMade': {
      const { enquiryId, agency, madeOn } = event.data;
      return { ...state, enquiries: { ...state.enquiries, [enquiryId]: { agency, madeOn, outcome: null } } };
    }
    case 'CmeEnquiryOutcomeRecorded': {
      const { enquiryId, outcome } = event.data;
      const enquiry = state.enquiries[enquiryId];
      if (!enquiry) return state;
      return { ...state, enquiries: { ...state.enquiries, [enquiryId]: { ...enquiry, outcome } } };
    }
    case 'CmeRiskAssessed': {
      const { level, assessedOn } = event.data;
      // Newly judged high: the reports are owed afresh. Still high: the reports already owed stand.
      const newlyHigh = level === 'high' && state.riskLevel !== 'high';
      const highRiskReport = newlyHigh
        ? { judgedOn: assessedOn, socialCareToldOn: null, policeToldOn: null }
        : state.highRiskReport;
      return { ...state, riskLevel: level, highRiskReport };
    }
    case 'ReportedToSocialCare':
    case 'ReportedToPolice': {
      const told = event.type === 'ReportedToSocialCare' ? 'socialCareToldOn' : 'policeToldOn';
      const report = state.highRiskReport;
      return {
        ...state,
        highRiskReport: countsForReport(report, told, event.data.reportedOn)
          ? { ...report, [told]: event.data.reportedOn }
          : report,
      };
    }
    case 'WhereaboutsEstablished':
      return { ...state, whereabouts: event.data.whereabouts };
    case 'CmeSchoolPlaceAppliedFor':
      return { ...state, schoolPlaceAppliedOn: event.data.appliedOn };
    case 'CmeFairAccessReferralMade':
      return {
        ...state,
        fairAccessReferredOn: event.data.referredOn,
        fairAccess: { referredOn: event.data.referredOn, agreedOn: null, place: null },
      };
    case 'CmeFairAccessConsiderationAgreed':
      return state.fairAccess
        ? { ...state, fairAccess: { ...state.fairAccess, agreedOn: event.data.agreedOn } }
        : state;
    case 'CmeFairAccessPlaceAllocated': {
      const place = { allocatedOn: event.data.allocatedOn, school: event.data.school };
      return state.fairAccess ? { ...state, fairAccess: { ...state.fairAccess, place } } : state;
    }
    case 'CmeCaseHandedToAnotherCouncil':
      return { ...state, handedToCouncil: event.data.council };
    case 'CmeChildBecameEhe':
      return { ...state, eheCaseId: event.data.eheCaseId };
    case 'CmeUntracedReviewRecorded':
      return state;
    case 'CmePrimaryReasonChanged':
      return { ...state, primaryReason: event.data.primaryReason };
    case 'CmeDateOfBirthEstimated': {
      const { dateOfBirth, estimatedOn, basis } = event.data;
      return { ...state, estimatedDateOfBirth: { dateOfBirth, estimatedOn, basis } };
    }
    case 'CmeMissingSinceRecorded':
      return { ...state, missingSince: event.data.missingSince };
    case 'CmeFoundOnRollByNewPupilReturn': {
      const { school, onRollFrom, receivedOn, returnId } = event.data;
      return {
        ...state,
        whereabouts: { kind: 'on_roll', school, onRollFrom },
        closureProposal: { destination: 'on_roll', proposedOn: receivedOn, returnId },
      };
    }
    case 'CmeChildLeftRoll':
      return { ...state, rollStatus: 'off_roll', leftRollOn: event.data.deletedOn };
    case 'CmeCaseClosed':
      return {
        ...state,
        status: 'closed',
        closureProposal: null,
        closure: { closedOn: event.data.closedOn, destination: event.data.destination },
      };
    case 'CmeCaseReopened':
      // A case reopens because the child is missing again: the trace starts afresh.
      return {
        ...state,
        status: 'open',
        closure: null,
        openedOn: event.data.reopenedOn,
        whereabouts: null,
        handedToCouncil: null,
        eheCaseId: null,
      };
    case 'DeadlineMissed':
      return {
        ...state,
        clocks: updateClock(state.clocks, event.data.clock, event.data.dueOn, (clock) => ({
          ...clock,
          missed: true,
        })),
      };
    case 'CaseEscalated':
      return {
        ...state,
        clocks: updateClock(state.clocks, event.data.clock, event.data.dueOn, (clock) => ({
          ...clock,
          escalation: event.data.level,
        })),
      };
  }
}

function openCase(event: CmeEvent): CmeState {
  if (event.type !== 'CmeReferralReceived') return { status: 'none' };
  const { data } = event;
  return {
    status: 'open',
    caseId: data.caseId,
    referredOn: data.receivedOn,
    openedOn: data.receivedOn,
    source: data.source,
    child: data.child,
    parentsCarers: data.parentsCarers,
    primaryReason: data.primaryReason,
    missingSince: data.missingSince,
    ...(data.timeMissingAtReferral ? { timeMissingAtReferral: data.timeMissingAtReferral } : {}),
    rollStatus: data.rollStatus,
    leftRollOn: null,
    closureProposal: null,
    allocatedOfficer: null,
    enquiries: {},
    riskLevel: null,
    highRiskReport: null,
    whereabouts: null,
    schoolPlaceAppliedOn: null,
    fairAccessReferredOn: null,
    fairAccess: null,
    estimatedDateOfBirth: null,
    handedToCouncil: null,
    eheCaseId: null,
    possibleDuplicateOf: [],
    closure: null,
    clocks: applyClockEffects({}, event),
  };
}

export function evolve(state: CmeState, event: CmeEvent): CmeState {
  if (state.status === 'none') return openCase(event);
  const next = evolveCase(state, event);
  return { ...next, clocks: applyClockEffects(next.clocks, event) };
}
