import type { IsoDate } from '../calendar/index.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import { type RegisterBasis, registerBasisOn } from '../register/commencement.js';
import { nextProviderRequestOn } from '../register/duties.js';
import type { registerCommandBodies } from './commands-register.js';
import { type Handlers, startClock } from './decide-support.js';
import { type EheEvent, eheEvent } from './events.js';
import { checkDate, checkNotBefore, today } from './guards.js';
import { legalBasisFor, type StatutoryStep } from './legal-basis.js';
import type { ParentInformationRequest } from './register-duties.js';
import type { EheState } from './state.js';

export type RegisterCommandType = keyof typeof registerCommandBodies;

/**
 * The Children Not In School register's duties on an EHE case (issue 18 items 3 and 4; EA 1996 ss.436B,
 * 436D–436G inserted by CWSA 2026 s.38). Before the register commences (`commencement.cnisRegister`) each
 * step may still be recorded, marked `voluntary`: no clock runs, no limit applies, and no failure becomes a
 * ground for a School Attendance Order.
 */

/** The basis of a step dated `on`, with the section it is taken under. */
function registerStep(ctx: DecideContext, on: IsoDate, step: StatutoryStep) {
  return {
    basis: registerBasisOn(ctx.policy.commencement.cnisRegister, on),
    legalBasis: legalBasisFor(step),
  };
}

/** The day a case becomes a register entry: the referral, or the day home education began if later. */
export function registeredOn(receivedOn: IsoDate, eheStartDate: IsoDate): IsoDate {
  return eheStartDate > receivedOn ? eheStartDate : receivedOn;
}

/** The s.436B consideration clock, for a referral registered under the duty. */
export function homeVisitClockOnReferral(ctx: DecideContext, receivedOn: IsoDate, eheStartDate: IsoDate) {
  const on = registeredOn(receivedOn, eheStartDate);
  return registerBasisOn(ctx.policy.commencement.cnisRegister, on) === 'statutory'
    ? [startClock(ctx, 'registerHomeVisitDecision', on)]
    : [];
}

function awaitingParentRequest(state: EheState, requestId: string): ParentInformationRequest {
  const request = state.register.parentRequests[requestId];
  if (!request)
    fail.conflict('register_request_not_awaiting', `no request ${requestId} on this case`, 'requestId');
  if (request.status !== 'awaiting')
    fail.conflict(
      'register_request_not_awaiting',
      `request ${requestId} is ${request.status.replace('_', ' ')}`,
      'requestId',
    );
  return request;
}

function requireParent(state: EheState, parentId: string): void {
  if (!state.parents[parentId])
    fail.conflict('parent_not_on_case', `${parentId} is not a parent or carer of this case`, 'parentId');
}

/** A failure under the duty is a ground the new School Attendance Order regime may start from. */
function saoGround(
  ctx: DecideContext,
  basis: RegisterBasis,
  ground: 'register_information_not_provided' | 'home_visit_refused',
  aroseOn: IsoDate,
): EheEvent[] {
  if (basis !== 'statutory') return [];
  const legalBasis = legalBasisFor(
    ground === 'home_visit_refused' ? 'registerHomeVisit' : 'registerParentInformation',
  );
  return [eheEvent('RegisterSaoGroundRecorded', { ground, aroseOn, legalBasis, recordedBy: ctx.actor.id })];
}

export const registerHandlers: Handlers<RegisterCommandType> = {
  /**
   * The clock worker, on or after the register's commencement: a child on the register from before it was
   * kept under the duty is registered under the duty from commencement, so the s.436B consideration runs
   * from that day. Silent ([]) when there is nothing to start: the case is closed, the register has not
   * commenced on that date, the child came onto it later (the referral started the clock), or the council
   * has already decided or started.
   */
  StartRegisterDuties({ commencedOn }, state, ctx) {
    if (state.status === 'none' || state.status === 'closed' || state.referredOn === null) return [];
    if (ctx.policy.commencement.cnisRegister !== commencedOn || today(ctx) < commencedOn) return [];
    const { register } = state;
    if (register.homeVisit || register.dutiesCommencedOn || state.clocks.registerHomeVisitDecision) return [];
    const registered = registeredOn(state.referredOn, state.eheStartDate ?? state.referredOn);
    if (registered >= commencedOn) return [];
    return [
      eheEvent('RegisterDutiesCommenced', {
        commencedOn,
        registeredOn: registered,
        legalBasis: legalBasisFor('registerHomeVisit'),
        recordedBy: ctx.actor.id,
        clocksStarted: [startClock(ctx, 'registerHomeVisitDecision', commencedOn)],
      }),
    ];
  },

  DecideRegisterHomeVisit(data, state, ctx) {
    checkDate(ctx, state, data.decidedOn, 'decidedOn');
    if (state.register.homeVisit)
      fail.conflict('register_home_visit_decided', `decided on ${state.register.homeVisit.decidedOn}`);
    if (data.homeVisit === 'not_requested' && data.proposedFor !== undefined)
      fail.invalid('contradictory_fields', 'a day is proposed only for a visit requested', 'proposedFor');
    if (data.proposedFor !== undefined)
      checkNotBefore(data.proposedFor, data.decidedOn, 'proposedFor', 'the decision');
    return [
      eheEvent('RegisterHomeVisitDecided', {
        ...data,
        ...registerStep(ctx, data.decidedOn, 'registerHomeVisit'),
        decidedBy: ctx.actor.id,
      }),
    ];
  },

  RecordRegisterHomeVisitAnswer(data, state, ctx) {
    const visit = state.register.homeVisit;
    if (!visit?.requested || visit.answer !== null)
      fail.conflict(
        'register_home_visit_not_requested',
        visit?.answer ? `already ${visit.answer}` : 'no home visit was requested',
      );
    checkDate(ctx, state, data.answeredOn, 'answeredOn');
    checkNotBefore(data.answeredOn, visit.decidedOn, 'answeredOn', 'the request');
    const step = registerStep(ctx, data.answeredOn, 'registerHomeVisit');
    return [
      eheEvent('RegisterHomeVisitAnswered', { ...data, ...step, recordedBy: ctx.actor.id }),
      ...(data.answer === 'refused' ? saoGround(ctx, step.basis, 'home_visit_refused', data.answeredOn) : []),
    ];
  },

  RequestParentRegisterInformation(data, state, ctx) {
    checkDate(ctx, state, data.requestedOn, 'requestedOn');
    requireParent(state, data.parentId);
    if (state.register.parentRequests[data.requestId])
      fail.conflict('register_request_exists', `request ${data.requestId} is already recorded`, 'requestId');
    const awaiting = Object.values(state.register.parentRequests).find((r) => r.status === 'awaiting');
    if (awaiting)
      fail.conflict(
        'register_request_awaiting',
        `request ${awaiting.requestId} awaits an answer until ${awaiting.respondBy}`,
      );
    const step = registerStep(ctx, data.requestedOn, 'registerParentInformation');
    // The period is left to regulations (s.436D): the policy's `clocks.registerParentResponse`.
    const clock = startClock(ctx, 'registerParentResponse', data.requestedOn);
    return [
      eheEvent('RegisterInformationRequestedFromParent', {
        ...data,
        respondBy: clock.dueOn,
        ...step,
        recordedBy: ctx.actor.id,
        clocksStarted: step.basis === 'statutory' ? [clock] : [],
      }),
    ];
  },

  RecordParentRegisterInformation(data, state, ctx) {
    checkDate(ctx, state, data.receivedOn, 'receivedOn');
    requireParent(state, data.parentId);
    const request = data.requestId === undefined ? undefined : awaitingParentRequest(state, data.requestId);
    if (request) checkNotBefore(data.receivedOn, request.requestedOn, 'receivedOn', 'the request');
    return [
      eheEvent('RegisterInformationReceivedFromParent', {
        ...data,
        requestId: data.requestId ?? null,
        ...registerStep(ctx, data.receivedOn, 'registerParentInformation'),
        recordedBy: ctx.actor.id,
        clocksStopped: request && state.clocks.registerParentResponse ? ['registerParentResponse'] : [],
      }),
    ];
  },

  RecordParentRegisterInformationNotProvided(data, state, ctx) {
    const request = awaitingParentRequest(state, data.requestId);
    checkDate(ctx, state, data.recordedOn, 'recordedOn');
    if (data.recordedOn <= request.respondBy)
      fail.conflict(
        'response_period_running',
        `the parent has until ${request.respondBy} to answer`,
        'recordedOn',
      );
    // Under the duty only if the request was: a voluntary request binds nobody.
    const { basis } = request;
    const aroseOn = ctx.calendar.addCalendarDays(request.respondBy, 1);
    return [
      eheEvent('RegisterInformationNotProvided', {
        ...data,
        parentId: request.parentId,
        requestedOn: request.requestedOn,
        respondBy: request.respondBy,
        basis,
        legalBasis: legalBasisFor('registerParentInformation'),
        recordedBy: ctx.actor.id,
      }),
      ...saoGround(ctx, basis, 'register_information_not_provided', aroseOn),
    ];
  },

  RequestProviderRegisterInformation(data, state, ctx) {
    checkDate(ctx, state, data.requestedOn, 'requestedOn');
    const requests = state.register.providerRequests;
    if (requests[data.requestId])
      fail.conflict('register_request_exists', `request ${data.requestId} is already recorded`, 'requestId');
    const step = registerStep(ctx, data.requestedOn, 'registerProviderInformation');
    if (step.basis === 'statutory') {
      // s.436E: no sooner than the interval after the last request to this provider under the duty.
      const earlier = Object.values(requests)
        .filter(
          (r) =>
            r.providerId === data.providerId && r.basis === 'statutory' && r.requestedOn <= data.requestedOn,
        )
        .map((r) => r.requestedOn);
      const nextOn = nextProviderRequestOn(earlier, ctx.policy.register.providerRequestIntervalMonths);
      if (nextOn !== undefined && data.requestedOn < nextOn)
        fail.conflict(
          'provider_request_too_soon',
          `this provider was last asked less than ${ctx.policy.register.providerRequestIntervalMonths} months before: the next request may be made on ${nextOn} (s.436E)`,
          'requestedOn',
        );
    }
    return [
      eheEvent('RegisterInformationRequestedFromProvider', { ...data, ...step, recordedBy: ctx.actor.id }),
    ];
  },

  RecordProviderRegisterInformation(data, state, ctx) {
    const request = state.register.providerRequests[data.requestId];
    if (!request || request.answered)
      fail.conflict(
        'register_request_not_awaiting',
        `request ${data.requestId} is not awaiting an answer`,
        'requestId',
      );
    checkDate(ctx, state, data.receivedOn, 'receivedOn');
    checkNotBefore(data.receivedOn, request.requestedOn, 'receivedOn', 'the request');
    return [
      eheEvent('RegisterInformationReceivedFromProvider', {
        ...data,
        providerId: request.providerId,
        ...registerStep(ctx, data.receivedOn, 'registerProviderInformation'),
        recordedBy: ctx.actor.id,
      }),
    ];
  },

  RecordRegisterSupportOffer(data, state, ctx) {
    checkDate(ctx, state, data.askedOn, 'askedOn');
    checkDate(ctx, state, data.offeredOn, 'offeredOn');
    checkNotBefore(data.offeredOn, data.askedOn, 'offeredOn', 'the family asked');
    return [
      eheEvent('RegisterSupportOffered', {
        ...data,
        ...registerStep(ctx, data.offeredOn, 'registerSupport'),
        recordedBy: ctx.actor.id,
      }),
    ];
  },

  RecordRegisterDisclosure(data, state, ctx) {
    checkDate(ctx, state, data.disclosedOn, 'disclosedOn');
    return [
      eheEvent('RegisterInformationDisclosed', {
        ...data,
        ...registerStep(ctx, data.disclosedOn, 'registerDisclosure'),
        recordedBy: ctx.actor.id,
      }),
    ];
  },
};
