import type { IsoDate } from '../calendar/index.js';
import { londonDate } from '../calendar/index.js';
import { type ClockName, computeDueDate, type StartedClock } from '../clocks.js';
import type { DecideContext } from '../context.js';
import { DomainError } from '../decider.js';
import type { CmeCommand, CmeCommandOf } from './commands.js';
import { decideClockCommand } from './decide-clocks.js';
import { type CmeEvent, cmeEvent } from './events.js';
import {
  codeInPolicy,
  compulsorySchoolAgeAt,
  notInFuture,
  openCase,
  textForOther,
  withinCase,
} from './guards.js';
import type { CmeCase, CmeState } from './state.js';
import type { CmeDestination, Whereabouts } from './values.js';

const decidedBy = (context: DecideContext) => ({ id: context.actor.id, role: context.actor.role });
const s436A = (context: DecideContext) => ({
  legalBasis: 'EA1996_s436A' as const,
  decidedBy: decidedBy(context),
});

function startClock(
  clock: ClockName,
  startedOn: IsoDate,
  context: DecideContext,
  repeat = false,
): StartedClock {
  const { policy, calendar } = context;
  return computeDueDate(clock, startedOn, { policy, calendar, priority: false, repeat });
}

function receiveReferral(
  command: CmeCommandOf<'ReceiveCmeReferral'>,
  state: CmeState,
  context: DecideContext,
) {
  if (state.status !== 'none')
    throw new DomainError('case_already_exists', 'this CME case was already referred');
  const { type: _, ...data } = command;
  notInFuture(data.receivedOn, 'receivedOn', context);
  const dateOfBirth = data.child.dateOfBirth;
  if (dateOfBirth !== undefined) notInFuture(dateOfBirth, 'child.dateOfBirth', context);
  const age = compulsorySchoolAgeAt(dateOfBirth, data.receivedOn);
  if (age === 'before' || age === 'after') {
    throw new DomainError(
      'not_of_compulsory_school_age',
      'a child missing education is of compulsory school age on the day of referral',
      'child.dateOfBirth',
    );
  }
  if (data.source === 'other_agency' && !data.referrer) {
    throw new DomainError(
      'other_requires_text',
      'a referral from another agency names the agency',
      'referrer',
    );
  }
  if (data.source === 'ehe_judged_unsuitable' && !data.eheCaseId) {
    throw new DomainError('field_required', 'a referral from an EHE case names that case', 'eheCaseId');
  }
  codeInPolicy(context.policy.codes.cmeTimeMissing, data.timeMissing, 'timeMissing');
  const clocksStarted = [
    startClock('allocation', data.receivedOn, context),
    startClock('cmeTracingReview', data.receivedOn, context),
  ];
  return [cmeEvent('CmeReferralReceived', { ...data, clocksStarted, ...s436A(context) })];
}

function allocate(command: CmeCommandOf<'AllocateCase'>, state: CmeCase, context: DecideContext) {
  withinCase(command.allocatedOn, 'allocatedOn', state, context);
  if (state.allocatedTo !== null) {
    throw new DomainError(
      'already_allocated',
      `the case is allocated to ${state.allocatedTo}: reallocate it`,
    );
  }
  const { officerId, allocatedOn } = command;
  return [cmeEvent('CaseAllocated', { officerId, allocatedOn, decidedBy: decidedBy(context) })];
}

function reallocate(command: CmeCommandOf<'ReallocateCase'>, state: CmeCase, context: DecideContext) {
  withinCase(command.reallocatedOn, 'reallocatedOn', state, context);
  if (state.allocatedTo === null)
    throw new DomainError('not_allocated', 'the case is not allocated: allocate it');
  if (state.allocatedTo === command.officerId) {
    throw new DomainError('already_allocated', `the case is already with ${command.officerId}`, 'officerId');
  }
  const { officerId, reallocatedOn, reason } = command;
  return [
    cmeEvent('CaseReallocated', {
      fromOfficerId: state.allocatedTo,
      officerId,
      reallocatedOn,
      reason,
      decidedBy: decidedBy(context),
    }),
  ];
}

function makeEnquiry(command: CmeCommandOf<'MakeCmeEnquiry'>, state: CmeCase, context: DecideContext) {
  const { type: _, ...data } = command;
  withinCase(data.madeOn, 'madeOn', state, context);
  textForOther(data.agency, data.agencyDetail, 'agencyDetail');
  if (state.enquiries[data.enquiryId]) {
    throw new DomainError('enquiry_exists', `enquiry ${data.enquiryId} is already recorded`, 'enquiryId');
  }
  return [cmeEvent('CmeEnquiryMade', { ...data, ...s436A(context) })];
}

function recordEnquiryOutcome(
  command: CmeCommandOf<'RecordCmeEnquiryOutcome'>,
  state: CmeCase,
  context: DecideContext,
) {
  const { type: _, ...data } = command;
  const enquiry = state.enquiries[data.enquiryId];
  if (!enquiry) throw new DomainError('enquiry_not_found', `no enquiry ${data.enquiryId}`, 'enquiryId');
  if (enquiry.outcome !== null) {
    throw new DomainError(
      'enquiry_answered',
      `enquiry ${data.enquiryId} already has its outcome`,
      'enquiryId',
    );
  }
  withinCase(data.receivedOn, 'receivedOn', state, context);
  if (data.receivedOn < enquiry.madeOn) {
    throw new DomainError(
      'date_before_enquiry',
      `the answer predates the enquiry (${enquiry.madeOn})`,
      'receivedOn',
    );
  }
  return [cmeEvent('CmeEnquiryOutcomeRecorded', { ...data, ...s436A(context) })];
}

function assessRisk(command: CmeCommandOf<'AssessCmeRisk'>, state: CmeCase, context: DecideContext) {
  const { type: _, ...data } = command;
  withinCase(data.assessedOn, 'assessedOn', state, context);
  // A child newly judged at high risk must be reported; a reassessment that stays high starts nothing new.
  const newlyHigh = data.level === 'high' && state.riskLevel !== 'high';
  const clocksStarted = newlyHigh ? [startClock('cmeHighRiskReport', data.assessedOn, context)] : [];
  return [cmeEvent('CmeRiskAssessed', { ...data, clocksStarted, ...s436A(context) })];
}

function report(
  command: CmeCommandOf<'ReportToSocialCare' | 'ReportToPolice'>,
  state: CmeCase,
  context: DecideContext,
) {
  const { type, ...data } = command;
  if (Date.parse(data.reportedAt) > context.now.getTime()) {
    throw new DomainError('date_in_future', `reportedAt ${data.reportedAt} is in the future`, 'reportedAt');
  }
  const reportedOn = londonDate(data.reportedAt);
  withinCase(reportedOn, 'reportedAt', state, context);
  const episode = state.highRiskReport;
  const otherToldOn = type === 'ReportToSocialCare' ? episode?.policeToldOn : episode?.socialCareToldOn;
  const completes =
    episode !== null &&
    reportedOn >= episode.judgedOn &&
    otherToldOn != null &&
    state.openClocks.cmeHighRiskReport;
  const facts = {
    ...data,
    reportedOn,
    clocksStopped: completes ? (['cmeHighRiskReport'] as ClockName[]) : [],
    legalBasis: 'CA2004_s11' as const,
    decidedBy: decidedBy(context),
  };
  return [
    type === 'ReportToSocialCare'
      ? cmeEvent('ReportedToSocialCare', facts)
      : cmeEvent('ReportedToPolice', facts),
  ];
}

function establishWhereabouts(
  command: CmeCommandOf<'EstablishWhereabouts'>,
  state: CmeCase,
  context: DecideContext,
) {
  const { type: _, ...data } = command;
  withinCase(data.establishedOn, 'establishedOn', state, context);
  const { whereabouts } = data;
  if (whereabouts.kind === 'on_roll') notInFuture(whereabouts.onRollFrom, 'whereabouts.onRollFrom', context);
  const placed = whereabouts.kind === 'on_roll' && state.openClocks.fairAccessPlacement !== undefined;
  const clocksStopped: ClockName[] = placed ? ['fairAccessPlacement'] : [];
  return [cmeEvent('WhereaboutsEstablished', { ...data, clocksStopped, ...s436A(context) })];
}

function requireWhereabouts<K extends Whereabouts['kind']>(state: CmeCase, kind: K, what: string) {
  if (state.whereabouts === null) {
    throw new DomainError('whereabouts_unknown', `the child's whereabouts are unknown: ${what} needs them`);
  }
  if (state.whereabouts.kind !== kind) {
    throw new DomainError(
      `whereabouts_not_${kind}`,
      `${what} needs the child to be found ${kind.replaceAll('_', ' ')}`,
    );
  }
}

function applyForSchoolPlace(
  command: CmeCommandOf<'ApplyForSchoolPlace'>,
  state: CmeCase,
  context: DecideContext,
) {
  const { type: _, ...data } = command;
  withinCase(data.appliedOn, 'appliedOn', state, context);
  requireWhereabouts(state, 'in_area', 'a school place application');
  return [cmeEvent('CmeSchoolPlaceAppliedFor', { ...data, ...s436A(context) })];
}

function referToFairAccess(
  command: CmeCommandOf<'ReferToFairAccess'>,
  state: CmeCase,
  context: DecideContext,
) {
  const { type: _, ...data } = command;
  withinCase(data.referredOn, 'referredOn', state, context);
  requireWhereabouts(state, 'in_area', 'a Fair Access referral');
  if (state.openClocks.fairAccessPlacement) {
    throw new DomainError('fair_access_pending', 'a Fair Access referral is already waiting for a place');
  }
  const clocksStarted = [startClock('fairAccessPlacement', data.referredOn, context)];
  return [cmeEvent('CmeFairAccessReferralMade', { ...data, clocksStarted, ...s436A(context) })];
}

function handToAnotherCouncil(
  command: CmeCommandOf<'HandToAnotherCouncil'>,
  state: CmeCase,
  context: DecideContext,
) {
  const { type: _, ...data } = command;
  withinCase(data.handedOn, 'handedOn', state, context);
  requireWhereabouts(state, 'other_council_area', 'handing over');
  if (state.handedToCouncil !== null) {
    throw new DomainError('already_handed_over', `the case was handed to ${state.handedToCouncil}`);
  }
  return [cmeEvent('CmeCaseHandedToAnotherCouncil', { ...data, ...s436A(context) })];
}

function recordBecameEhe(command: CmeCommandOf<'RecordBecameEhe'>, state: CmeCase, context: DecideContext) {
  const { type: _, ...data } = command;
  withinCase(data.establishedOn, 'establishedOn', state, context);
  requireWhereabouts(state, 'in_area', 'home education here');
  if (state.eheCaseId !== null)
    throw new DomainError('already_ehe', `EHE case ${state.eheCaseId} was opened`);
  return [cmeEvent('CmeChildBecameEhe', { ...data, legalBasis: 'EA1996_s7', decidedBy: decidedBy(context) })];
}

function recordUntracedReview(
  command: CmeCommandOf<'RecordUntracedReview'>,
  state: CmeCase,
  context: DecideContext,
) {
  const { type: _, ...data } = command;
  withinCase(data.reviewedOn, 'reviewedOn', state, context);
  if (state.whereabouts !== null) {
    throw new DomainError('whereabouts_known', 'the child has been found: there is nothing to review');
  }
  if (compulsorySchoolAgeAt(state.child.dateOfBirth, data.reviewedOn) === 'after') {
    throw new DomainError(
      'not_of_compulsory_school_age',
      'reviews run while the child is of compulsory school age: close the case instead',
    );
  }
  const clocksStarted = [startClock('cmeTracingReview', data.reviewedOn, context, true)];
  return [cmeEvent('CmeUntracedReviewRecorded', { ...data, clocksStarted, ...s436A(context) })];
}

/** What must be on the case before it can close to each destination. */
function destinationEstablished(
  destination: CmeDestination,
  state: CmeCase,
  closedOn: IsoDate,
): string | null {
  switch (destination) {
    case 'on_roll':
      return state.whereabouts?.kind === 'on_roll' ? null : 'the child is not recorded on roll at a school';
    case 'ehe_case_opened':
      return state.eheCaseId !== null ? null : 'no EHE case has been recorded';
    case 'handed_to_another_council':
      return state.handedToCouncil !== null ? null : 'the case has not been handed to another council';
    case 'abroad_confirmed':
      return state.whereabouts?.kind === 'abroad' ? null : 'the child is not confirmed abroad';
    case 'end_of_compulsory_school_age': {
      const age = compulsorySchoolAgeAt(state.child.dateOfBirth, closedOn);
      if (age === 'unknown') return 'the date of birth is unknown';
      return age === 'after' ? null : 'the child is still of compulsory school age';
    }
    case 'died':
    case 'other':
      return null;
  }
}

// Reaching the end of compulsory school age or death ends the duty whether or not the child was found.
const closableWhileUntraced: readonly CmeDestination[] = ['end_of_compulsory_school_age', 'died'];

function close(command: CmeCommandOf<'CloseCase'>, state: CmeCase, context: DecideContext) {
  const { type: _, ...data } = command;
  withinCase(data.closedOn, 'closedOn', state, context);
  codeInPolicy(context.policy.codes.cmeClosureReasons, data.destination, 'destination');
  textForOther(data.destination, data.reason, 'reason');
  if (state.whereabouts === null && !closableWhileUntraced.includes(data.destination)) {
    throw new DomainError(
      'whereabouts_unknown',
      'a child whose whereabouts are unknown stays open and under review; an untraced case never closes for age',
      'destination',
    );
  }
  const missing = destinationEstablished(data.destination, state, data.closedOn);
  if (missing !== null) throw new DomainError('destination_not_established', missing, 'destination');
  return [cmeEvent('CmeCaseClosed', { ...data, ...s436A(context) })];
}

function reopen(command: CmeCommandOf<'ReopenCase'>, state: CmeState, context: DecideContext) {
  if (state.status === 'none') throw new DomainError('case_not_found', 'there is no CME case to reopen');
  if (state.status === 'open') throw new DomainError('case_not_closed', 'the case is open');
  const { type: _, ...data } = command;
  notInFuture(data.reopenedOn, 'reopenedOn', context);
  const closedOn = state.closure?.closedOn ?? state.openedOn;
  if (data.reopenedOn < closedOn) {
    throw new DomainError('date_before_closure', `the case closed on ${closedOn}`, 'reopenedOn');
  }
  const clocksStarted = [startClock('cmeTracingReview', data.reopenedOn, context)];
  return [cmeEvent('CmeCaseReopened', { ...data, clocksStarted, ...s436A(context) })];
}

export function decide(command: CmeCommand, state: CmeState, context: DecideContext): CmeEvent[] {
  switch (command.type) {
    case 'ReceiveCmeReferral':
      return receiveReferral(command, state, context);
    case 'ReopenCase':
      return reopen(command, state, context);
    case 'RecordDeadlineMissed':
    case 'EscalateCase':
      return decideClockCommand(command, state, context);
  }
  const open = openCase(state);
  switch (command.type) {
    case 'AllocateCase':
      return allocate(command, open, context);
    case 'ReallocateCase':
      return reallocate(command, open, context);
    case 'MakeCmeEnquiry':
      return makeEnquiry(command, open, context);
    case 'RecordCmeEnquiryOutcome':
      return recordEnquiryOutcome(command, open, context);
    case 'AssessCmeRisk':
      return assessRisk(command, open, context);
    case 'ReportToSocialCare':
    case 'ReportToPolice':
      return report(command, open, context);
    case 'EstablishWhereabouts':
      return establishWhereabouts(command, open, context);
    case 'ApplyForSchoolPlace':
      return applyForSchoolPlace(command, open, context);
    case 'ReferToFairAccess':
      return referToFairAccess(command, open, context);
    case 'HandToAnotherCouncil':
      return handToAnotherCouncil(command, open, context);
    case 'RecordBecameEhe':
      return recordBecameEhe(command, open, context);
    case 'RecordUntracedReview':
      return recordUntracedReview(command, open, context);
    case 'CloseCase':
      return close(command, open, context);
  }
}
