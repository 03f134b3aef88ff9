import type { IsoDate } from '../calendar/index.js';
import type { StartedClock } from '../clocks.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import type { PriorityFlag } from '../policy.js';
import { hasCode, isPriorityCase } from '../policy.js';
import { homeVisitClockOnReferral } from './decide-register.js';
import { type Handlers, startClock } from './decide-support.js';
import { eheEvent } from './events.js';
import { checkDate, checkReason, reasonFields, today } from './guards.js';
import { legalBasisFor } from './legal-basis.js';
import { referralParentId } from './parents.js';

/** Opening a case (the referral, and consent where the council placed the child at a special school) and reopening it. */

function withImpliedFlags(
  flags: PriorityFlag[],
  senStatus: string | undefined,
  placedByCouncil: boolean,
): PriorityFlag[] {
  const implied: PriorityFlag[] = [...flags];
  if (senStatus === 'E') implied.push('ehcp');
  if (placedByCouncil) implied.push('council_placed_special_school');
  return [...new Set(implied)];
}

/** The day the first-contact standard runs from, as the council's policy anchors it (policy.ts). */
const firstContactAnchorOf = (ctx: DecideContext, data: { receivedOn: IsoDate; eheStartDate: IsoDate }) =>
  ctx.policy.firstContactAnchor === 'home_education_began' ? data.eheStartDate : data.receivedOn;

const consentSteps = (ctx: DecideContext) => ({
  legalBasis: legalBasisFor('specialSchoolConsent'),
  decidedBy: ctx.actor.id,
});

export const referralHandlers: Handlers<
  | 'ReceiveEheReferral'
  | 'RequestSpecialSchoolConsent'
  | 'GiveSpecialSchoolConsent'
  | 'RefuseSpecialSchoolConsent'
  | 'ReopenCase'
> = {
  ReceiveEheReferral({ possibleDuplicateOf, ...data }, state, ctx) {
    checkDate(ctx, state, data.receivedOn, 'receivedOn');
    if (data.child.dateOfBirth > today(ctx))
      fail.invalid('date_in_future', 'the child is not born yet', 'child.dateOfBirth');
    const { codes } = ctx.policy;
    if (!hasCode(codes.previousSchoolTypes, data.previousSchoolType)) {
      fail.invalid(
        'invalid_school_type',
        `${data.previousSchoolType} is not in the policy's list`,
        'previousSchoolType',
      );
    }
    if (data.source === 'deletion_return' && !data.deletionReturn) {
      fail.invalid(
        'field_required',
        'a referral from a deletion return carries the return',
        'deletionReturn',
      );
    }
    if (data.source === 'cme_case' && !data.cmeCaseId) {
      fail.invalid('field_required', 'a referral from a CME case names the case', 'cmeCaseId');
    }
    const primaryReason = data.primaryReason ?? { code: 'no_reason_given' };
    checkReason(codes.primaryReasons, primaryReason, reasonFields('primaryReason'));
    data.otherReasons.forEach((reason, i) => {
      checkReason(codes.primaryReasons, reason, reasonFields(`otherReasons.${i}`));
    });
    const flags = withImpliedFlags(
      data.priorityFlags,
      data.child.senStatus,
      data.placedAtSpecialSchoolByCouncil,
    );
    const priority = isPriorityCase(ctx.policy, flags);
    const clocksStarted: StartedClock[] = [
      startClock(ctx, 'allocation', data.receivedOn),
      startClock(ctx, 'firstContact', firstContactAnchorOf(ctx, data), { priority }),
    ];
    if (flags.includes('ehcp')) clocksStarted.push(startClock(ctx, 'ehcpAnnualReview', data.eheStartDate));
    clocksStarted.push(...homeVisitClockOnReferral(ctx, data.receivedOn, data.eheStartDate));
    const codesGiven = [primaryReason.code, ...data.otherReasons.map((r) => r.code)];
    return [
      eheEvent('EheReferralReceived', {
        ...data,
        // The ids notices and orders are served under (s.443(1) "a parent on whom … is served").
        parentsCarers: data.parentsCarers.map((parent, index) => ({
          ...parent,
          parentId: referralParentId(index),
        })),
        primaryReason,
        priorityFlags: flags,
        priority,
        flaggedForSupportToReturn: codesGiven.includes('school_suggestion'),
        consentNeeded: data.placedAtSpecialSchoolByCouncil,
        recordedBy: ctx.actor.id,
        clocksStarted,
      }),
      ...(possibleDuplicateOf
        ? [eheEvent('PossibleDuplicateFlagged', { caseIds: possibleDuplicateOf, flaggedOn: data.receivedOn })]
        : []),
    ];
  },

  RequestSpecialSchoolConsent(data, state, ctx) {
    checkDate(ctx, state, data.requestedOn, 'requestedOn');
    if (state.consent !== 'needed')
      fail.conflict('consent_not_pending', `consent is ${state.consent.replace('_', ' ')}`);
    return [
      eheEvent('SpecialSchoolConsentRequested', {
        ...data,
        legalBasis: legalBasisFor('specialSchoolConsent'),
        recordedBy: ctx.actor.id,
        clocksStarted: [startClock(ctx, 'specialSchoolConsent', data.requestedOn)],
      }),
    ];
  },

  GiveSpecialSchoolConsent(data, state, ctx) {
    checkDate(ctx, state, data.decidedOn, 'decidedOn');
    if (state.consent !== 'needed' && state.consent !== 'requested')
      fail.conflict('consent_not_pending', `consent is ${state.consent}`);
    return [eheEvent('SpecialSchoolConsentGiven', { ...data, ...consentSteps(ctx) })];
  },

  RefuseSpecialSchoolConsent(data, state, ctx) {
    checkDate(ctx, state, data.decidedOn, 'decidedOn');
    if (state.consent !== 'needed' && state.consent !== 'requested')
      fail.conflict('consent_not_pending', `consent is ${state.consent}`);
    return [eheEvent('SpecialSchoolConsentRefused', { ...data, ...consentSteps(ctx) })];
  },

  ReopenCase(data, state, ctx) {
    if (!state.closure) fail.conflict('case_not_closed', 'only a closed case can be reopened');
    checkDate(ctx, state, data.reopenedOn, 'reopenedOn');
    if (data.reopenedOn < state.closure.closedOn)
      fail.invalid('date_before_previous_step', 'reopened before closure', 'reopenedOn');
    return [eheEvent('EheCaseReopened', { ...data, reopenedBy: ctx.actor.id })];
  },
};
