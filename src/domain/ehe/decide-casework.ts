import type { StartedClock } from '../clocks.js';
import { fail } from '../decider.js';
import { isPriorityCase } from '../policy.js';
import { type Handlers, startClock } from './decide-support.js';
import { planOn } from './ehc-plan.js';
import { eheEvent } from './events.js';
import { checkDate, checkNotBefore } from './guards.js';
import { type EheState, isSaoRouteActive, type VisitState } from './state.js';

function visitFor(state: EheState, visitId: string): VisitState {
  const visit = state.visits[visitId];
  if (!visit) fail.conflict('visit_not_found', `no visit ${visitId} was offered`, 'visitId');
  return visit;
}

function checkVisitOpen(visit: VisitState): void {
  if (visit.status === 'held' || visit.status === 'declined') {
    fail.conflict('visit_step_out_of_order', `the visit was already ${visit.status}`, 'visitId');
  }
}

const firstVisitSettled = (state: EheState) =>
  Object.values(state.visits).some((v) => v.status === 'held' || v.status === 'declined');

/** Who works the case and what it is flagged and referred for (a CME case's casework allocates too). */
type ManagementCommandType =
  | 'AllocateCase'
  | 'ReallocateCase'
  | 'ChangePriorityFlags'
  | 'ReferToPanel'
  | 'RecordPanelDecision';

/** The officer's contact, visits and judgement (the API's examples are grouped by it). */
export type CaseworkCommandType =
  | 'RecordContactAttempt'
  | 'OfferVisit'
  | 'RecordVisitAccepted'
  | 'RecordVisitHeld'
  | 'RecordVisitDeclined'
  | 'SendInformalEnquiry'
  | 'RecordEvidence'
  | 'JudgeSuitability'
  | 'RecordEhcpAnnualReview'
  | 'RecordSenSupport';

/**
 * Once a School Attendance Order route is under way, the council's finding that education is suitable has one
 * place: before an order, the response to the s.437(1) notice (the parent has satisfied it, s.437(3)(a)), which
 * ends the route; after it, the order's revocation (s.442). A bare judgement would leave the route running and
 * an order could still be served on a finding the council no longer holds.
 */
function refuseSuitableMidRoute(state: EheState): never {
  return state.sao.stage === 'order_in_force'
    ? fail.conflict(
        'sao_route_active',
        'a School Attendance Order is in force: record a request to revoke it (s.442), or revoke it',
        'outcome',
      )
    : fail.conflict(
        'sao_route_active',
        'a School Attendance Order route is under way: record that the parent has satisfied the council, as the response to the s.437(1) notice',
        'outcome',
      );
}

export const caseworkHandlers: Handlers<ManagementCommandType | CaseworkCommandType> = {
  AllocateCase(data, state, ctx) {
    checkDate(ctx, state, data.allocatedOn, 'allocatedOn');
    if (state.allocatedOfficer !== null) {
      fail.conflict(
        'already_allocated',
        `allocated to ${state.allocatedOfficer}: reallocate instead`,
        'officerId',
      );
    }
    return [eheEvent('CaseAllocated', { ...data, allocatedBy: ctx.actor.id })];
  },

  ReallocateCase(data, state, ctx) {
    checkDate(ctx, state, data.reallocatedOn, 'reallocatedOn');
    const previousOfficerId = state.allocatedOfficer;
    if (previousOfficerId === null)
      fail.conflict('not_allocated', 'the case has no officer to reallocate from');
    if (previousOfficerId === data.officerId)
      fail.conflict('already_allocated', 'already allocated to this officer', 'officerId');
    return [eheEvent('CaseReallocated', { ...data, previousOfficerId, reallocatedBy: ctx.actor.id })];
  },

  /**
   * SEN support (Children and Families Act 2014 s.20; SEND Code of Practice 2015 6.44-6.56, the school
   * census's K) is what a child without an EHC plan may have: while a plan is maintained the child's status
   * is E (s.37), so ending the plan comes first, through the `ehcp` flag.
   */
  RecordSenSupport(data, state, ctx) {
    checkDate(ctx, state, data.changedOn, 'changedOn');
    if (planOn(state.ehcPlan, data.changedOn) !== null) {
      fail.conflict(
        'not_for_child_with_ehc_plan',
        `an EHC plan is maintained on ${data.changedOn}: remove the ehcp priority flag when the plan ends`,
        'senStatus',
      );
    }
    return [eheEvent('SenSupportRecorded', { ...data, recordedBy: ctx.actor.id })];
  },

  ChangePriorityFlags(data, state, ctx) {
    checkDate(ctx, state, data.changedOn, 'changedOn');
    const flags = [...new Set(data.flags)];
    const unchanged =
      flags.length === state.priorityFlags.length && flags.every((f) => state.priorityFlags.includes(f));
    if (unchanged) fail.conflict('flags_unchanged', 'the flags are already these', 'flags');
    const priority = isPriorityCase(ctx.policy, flags);
    const clocksStarted: StartedClock[] = [];
    // Priority moves the local first-contact and first-visit standards, counted from when each clock started.
    for (const name of ['firstContact', 'firstVisit'] as const) {
      const open = state.clocks[name];
      if (!open || priority === state.priority) continue;
      const moved = startClock(ctx, name, open.startedOn, { priority });
      if (moved.dueOn !== open.dueOn) clocksStarted.push(moved);
    }
    const hadEhcp = state.priorityFlags.includes('ehcp');
    const hasEhcp = flags.includes('ehcp');
    if (hasEhcp && !hadEhcp && !state.clocks.ehcpAnnualReview) {
      clocksStarted.push(startClock(ctx, 'ehcpAnnualReview', data.changedOn));
    }
    const clocksStopped = !hasEhcp && state.clocks.ehcpAnnualReview ? (['ehcpAnnualReview'] as const) : [];
    return [
      eheEvent('PriorityFlagsChanged', {
        ...data,
        flags,
        previousFlags: state.priorityFlags,
        priority,
        recordedBy: ctx.actor.id,
        clocksStarted,
        clocksStopped: [...clocksStopped],
      }),
    ];
  },

  ReferToPanel(data, state, ctx) {
    checkDate(ctx, state, data.referredOn, 'referredOn');
    if (state.panels.some((p) => p.panel === data.panel && p.decidedOn === null)) {
      fail.conflict('panel_referral_pending', `the case already awaits the ${data.panel} panel`, 'panel');
    }
    return [eheEvent('PanelReferralMade', { ...data, decidedBy: ctx.actor.id })];
  },

  RecordPanelDecision(data, state, ctx) {
    checkDate(ctx, state, data.decidedOn, 'decidedOn');
    const referral = state.panels.find((p) => p.panel === data.panel && p.decidedOn === null);
    if (!referral)
      fail.conflict('no_panel_referral', `the case was not referred to the ${data.panel} panel`, 'panel');
    if (data.decidedOn < referral.referredOn)
      fail.invalid('date_before_previous_step', 'decided before referral', 'decidedOn');
    if (data.placementSchool && data.panel !== 'fair_access') {
      fail.invalid(
        'contradictory_fields',
        'only a Fair Access panel places a child at a school',
        'placementSchool',
      );
    }
    const clocksStarted = data.placementSchool
      ? [startClock(ctx, 'fairAccessPlacement', data.decidedOn, { schoolId: data.placementSchool.schoolId })]
      : [];
    return [eheEvent('PanelDecisionRecorded', { ...data, decidedBy: ctx.actor.id, clocksStarted })];
  },

  RecordContactAttempt(data, state, ctx) {
    checkDate(ctx, state, data.attemptedOn, 'attemptedOn');
    const recordedBy = ctx.actor.id;
    if (data.outcome === 'contact_made' && state.firstContactOn === null) {
      const clocksStarted = firstVisitSettled(state)
        ? []
        : [startClock(ctx, 'firstVisit', data.attemptedOn, { priority: state.priority })];
      return [eheEvent('FirstContactMade', { ...data, recordedBy, clocksStarted })];
    }
    // While monitoring, each contact made is the "last contact" the annual clock runs from.
    const clocksStarted =
      data.outcome === 'contact_made' && state.status === 'monitoring'
        ? [startClock(ctx, 'annualContact', data.attemptedOn)]
        : [];
    return [eheEvent('ContactAttempted', { ...data, recordedBy, clocksStarted })];
  },

  OfferVisit(data, state, ctx) {
    checkDate(ctx, state, data.offeredOn, 'offeredOn');
    if (state.visits[data.visitId])
      fail.conflict('visit_already_exists', `visit ${data.visitId} exists`, 'visitId');
    checkNotBefore(data.proposedFor, data.offeredOn, 'proposedFor', 'the offer');
    return [eheEvent('VisitOffered', { ...data, recordedBy: ctx.actor.id })];
  },

  RecordVisitAccepted(data, state, ctx) {
    checkDate(ctx, state, data.acceptedOn, 'acceptedOn');
    const visit = visitFor(state, data.visitId);
    if (visit.status !== 'offered')
      fail.conflict('visit_step_out_of_order', `the visit was already ${visit.status}`, 'visitId');
    checkNotBefore(data.acceptedOn, visit.offeredOn, 'acceptedOn', 'the offer');
    return [eheEvent('VisitAccepted', { ...data, recordedBy: ctx.actor.id })];
  },

  RecordVisitHeld(data, state, ctx) {
    checkDate(ctx, state, data.heldOn, 'heldOn');
    const visit = visitFor(state, data.visitId);
    checkVisitOpen(visit);
    checkNotBefore(data.heldOn, visit.offeredOn, 'heldOn', 'the offer');
    return [eheEvent('VisitHeld', { ...data, recordedBy: ctx.actor.id })];
  },

  RecordVisitDeclined(data, state, ctx) {
    checkDate(ctx, state, data.declinedOn, 'declinedOn');
    if (data.visitId !== undefined) {
      const visit = visitFor(state, data.visitId);
      checkVisitOpen(visit);
      checkNotBefore(data.declinedOn, visit.offeredOn, 'declinedOn', 'the offer');
    }
    const formalEnquiryPrompted =
      state.priority && ctx.policy.visitRefusalByVulnerableFamilyPromptsFormalEnquiry;
    return [eheEvent('VisitDeclined', { ...data, formalEnquiryPrompted, recordedBy: ctx.actor.id })];
  },

  SendInformalEnquiry(data, state, ctx) {
    checkDate(ctx, state, data.sentOn, 'sentOn');
    const clocksStarted = [startClock(ctx, 'informalEnquiry', data.sentOn)];
    return [eheEvent('InformalEnquirySent', { ...data, recordedBy: ctx.actor.id, clocksStarted })];
  },

  RecordEvidence(data, state, ctx) {
    checkDate(ctx, state, data.receivedOn, 'receivedOn');
    return [eheEvent('EvidenceReceived', { ...data, recordedBy: ctx.actor.id })];
  },

  JudgeSuitability(data, state, ctx) {
    checkDate(ctx, state, data.judgedOn, 'judgedOn');
    if (data.outcome === 'suitable' && data.informationRefused) {
      fail.invalid(
        'contradictory_fields',
        'education cannot be judged suitable on no information',
        'informationRefused',
      );
    }
    if (data.outcome === 'suitable' && isSaoRouteActive(state.sao)) refuseSuitableMidRoute(state);
    const clocksStarted =
      data.outcome === 'suitable' ? [startClock(ctx, 'annualContact', data.judgedOn)] : [];
    return [eheEvent('SuitabilityJudged', { ...data, decidedBy: ctx.actor.id, clocksStarted })];
  },

  RecordEhcpAnnualReview(data, state, ctx) {
    checkDate(ctx, state, data.heldOn, 'heldOn');
    if (!state.priorityFlags.includes('ehcp')) fail.conflict('no_ehcp', 'the child has no EHCP to review');
    const clocksStarted = [startClock(ctx, 'ehcpAnnualReview', data.heldOn)];
    return [eheEvent('EhcpAnnualReviewHeld', { ...data, recordedBy: ctx.actor.id, clocksStarted })];
  },
};
