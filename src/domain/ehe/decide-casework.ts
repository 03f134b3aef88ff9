import { fail } from '../decider.js';
import { checkDate, checkNotBefore, type Handlers, startClock } from './decide-support.js';
import { eheEvent } from './events.js';
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

export type CaseworkCommandType =
  | 'RecordContactAttempt'
  | 'OfferVisit'
  | 'RecordVisitAccepted'
  | 'RecordVisitHeld'
  | 'RecordVisitDeclined'
  | 'SendInformalEnquiry'
  | 'RecordEvidence'
  | 'JudgeSuitability'
  | 'RecordEhcpAnnualReview';

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

export const caseworkHandlers: Handlers<CaseworkCommandType> = {
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
