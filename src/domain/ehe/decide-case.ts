import { isOfCompulsorySchoolAge } from '../calendar/index.js';
import type { StartedClock } from '../clocks.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import type { CodedLabel, PriorityFlag } from '../policy.js';
import { hasCode, isPriorityCase } from '../policy.js';
import { checkDate, type Handlers, startClock, today } from './decide-support.js';
import { eheEvent } from './events.js';
import { legalBasisFor } from './legal-basis.js';

/** Checks a coded reason against the policy's list: `other` must say what. */
function checkReason(
  list: readonly CodedLabel[],
  reason: { code: string; text?: string | undefined },
  fields: { code: string; text: string },
) {
  if (!hasCode(list, reason.code))
    fail.invalid('invalid_reason_code', `${reason.code} is not in the policy's list`, fields.code);
  if (reason.code === 'other' && !reason.text)
    fail.invalid('reason_text_required', '"other" needs the reason in words', fields.text);
}

const reasonFields = (prefix: string) => ({ code: `${prefix}.code`, text: `${prefix}.text` });

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

const consentSteps = (ctx: DecideContext, on: string) => ({
  legalBasis: legalBasisFor('specialSchoolConsent', ctx.policy, on),
  decidedBy: ctx.actor.id,
});

export const caseHandlers: Handlers<
  | 'ReceiveEheReferral'
  | 'RequestSpecialSchoolConsent'
  | 'GiveSpecialSchoolConsent'
  | 'RefuseSpecialSchoolConsent'
  | 'AllocateCase'
  | 'ReallocateCase'
  | 'ChangePriorityFlags'
  | 'ReferToPanel'
  | 'RecordPanelDecision'
  | 'RecordReturnToSchool'
  | 'ReclassifyAsCme'
  | 'CloseCase'
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
      startClock(ctx, 'firstContact', data.receivedOn, { priority }),
    ];
    if (flags.includes('ehcp')) clocksStarted.push(startClock(ctx, 'ehcpAnnualReview', data.eheStartDate));
    const codesGiven = [primaryReason.code, ...data.otherReasons.map((r) => r.code)];
    return [
      eheEvent('EheReferralReceived', {
        ...data,
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
        legalBasis: legalBasisFor('specialSchoolConsent', ctx.policy, data.requestedOn),
        recordedBy: ctx.actor.id,
        clocksStarted: [startClock(ctx, 'specialSchoolConsent', data.requestedOn)],
      }),
    ];
  },

  GiveSpecialSchoolConsent(data, state, ctx) {
    checkDate(ctx, state, data.decidedOn, 'decidedOn');
    if (state.consent !== 'needed' && state.consent !== 'requested')
      fail.conflict('consent_not_pending', `consent is ${state.consent}`);
    return [eheEvent('SpecialSchoolConsentGiven', { ...data, ...consentSteps(ctx, data.decidedOn) })];
  },

  RefuseSpecialSchoolConsent(data, state, ctx) {
    checkDate(ctx, state, data.decidedOn, 'decidedOn');
    if (state.consent !== 'needed' && state.consent !== 'requested')
      fail.conflict('consent_not_pending', `consent is ${state.consent}`);
    return [eheEvent('SpecialSchoolConsentRefused', { ...data, ...consentSteps(ctx, data.decidedOn) })];
  },

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

  RecordReturnToSchool(data, state, ctx) {
    // The start date may be a few days ahead (a place accepted for Monday), but not before the referral.
    if (state.referredOn !== null && data.startDate < state.referredOn) {
      fail.invalid('date_before_referral', `startDate ${data.startDate} is before the referral`, 'startDate');
    }
    if (state.returnedToSchool) fail.conflict('already_returned', 'the return to school is already recorded');
    return [eheEvent('ReturnedToSchool', { ...data, recordedBy: ctx.actor.id })];
  },

  ReclassifyAsCme(data, state, ctx) {
    checkDate(ctx, state, data.reclassifiedOn, 'reclassifiedOn');
    return [
      eheEvent('ReclassifiedAsCme', { ...data, decidedBy: ctx.actor.id }),
      eheEvent('EheCaseClosed', {
        closedOn: data.reclassifiedOn,
        reason: 'reclassified_as_cme',
        reasonText: data.reason,
        closedBy: ctx.actor.id,
      }),
    ];
  },

  CloseCase(data, state, ctx) {
    checkDate(ctx, state, data.closedOn, 'closedOn');
    checkReason(
      ctx.policy.codes.eheClosureReasons,
      { code: data.reason, text: data.reasonText },
      { code: 'reason', text: 'reasonText' },
    );
    switch (data.reason) {
      case 'reclassified_as_cme':
        fail.invalid(
          'invalid_reason_code',
          'reclassify the case as CME instead: a CME case is opened',
          'reason',
        );
        break;
      case 'moved_out_of_area':
        if (!data.receivingCouncil)
          fail.invalid('field_required', 'name the council told of the move', 'receivingCouncil');
        break;
      case 'returned_to_school':
        if (!state.returnedToSchool)
          fail.conflict('return_to_school_not_recorded', 'record the return to school first', 'reason');
        break;
      case 'end_of_compulsory_school_age':
        if (state.dateOfBirth && isOfCompulsorySchoolAge(state.dateOfBirth, data.closedOn)) {
          fail.conflict(
            'still_of_compulsory_school_age',
            'the child is still of compulsory school age',
            'closedOn',
          );
        }
        break;
    }
    return [eheEvent('EheCaseClosed', { ...data, closedBy: ctx.actor.id })];
  },

  ReopenCase(data, state, ctx) {
    if (!state.closure) fail.conflict('case_not_closed', 'only a closed case can be reopened');
    checkDate(ctx, state, data.reopenedOn, 'reopenedOn');
    if (data.reopenedOn < state.closure.closedOn)
      fail.invalid('date_before_previous_step', 'reopened before closure', 'reopenedOn');
    return [eheEvent('EheCaseReopened', { ...data, reopenedBy: ctx.actor.id })];
  },
};
