import type { CmeCommandOf } from './cme/commands.js';
import { cmeDecider } from './cme/decider.js';
import type { CmeEvent } from './cme/events.js';
import type { DecideContext } from './context.js';
import { fail } from './decider.js';
import type { EheCommandOf } from './ehe/commands.js';
import { eheDecider } from './ehe/decider.js';
import type { EheEvent } from './ehe/events.js';
import { ChildSchema } from './ehe/values.js';
import type { CaseReferral } from './referral-checks.js';

/*
 * Two steps close one case type and open the other: an EHE case reclassified as CME, and a CME child found
 * to be home educated. The deciders record the step; the referral that opens the other case is worked out
 * here from the source case's events (read through its codec), and the application sends it with the same
 * idempotency key, so that a retry completes whichever half is missing.
 */

/** The CME referral an EHE case reclassified as CME opens: the child as the EHE referral knew them. */
export function cmeReferralFromEheCase(
  eheCaseId: string,
  history: readonly EheEvent[],
  step: EheCommandOf<'ReclassifyAsCme'>['data'],
): CmeCommandOf<'ReceiveCmeReferral'> {
  const referral = history.find((event) => event.type === 'EheReferralReceived');
  if (!referral) return fail.notFound('case_not_found', `EHE case ${eheCaseId} has no referral`);
  return {
    type: 'ReceiveCmeReferral',
    data: {
      caseId: step.cmeCaseId,
      receivedOn: step.reclassifiedOn,
      source: 'ehe_judged_unsuitable',
      child: referral.data.child,
      whatIsKnown: step.reason,
      parentsCarers: [],
      // The CME statutory guidance (2025) and the DfE's collection count unsuitable home education as CME.
      primaryReason: { code: 'unsuitable_home_education' },
      // Missing education from the day the education was judged unsuitable (the reclassification's date).
      missingSince: step.reclassifiedOn,
      eheCaseId,
    },
  };
}

/**
 * The EHE referral a CME child found home educated opens. An EHE case needs a date of birth and an address:
 * the address of the latest whereabouts established, else the one the CME referral gave.
 */
export function eheReferralFromCmeCase(
  cmeCaseId: string,
  history: readonly CmeEvent[],
  step: CmeCommandOf<'RecordBecameEhe'>['data'],
): EheCommandOf<'ReceiveEheReferral'> {
  const known = history.find((event) => event.type === 'CmeReferralReceived')?.data.child;
  const found = history
    .flatMap((event) => (event.type === 'WhereaboutsEstablished' ? [event.data.whereabouts] : []))
    .at(-1);
  const foundAddress = found && 'address' in found ? found.address : undefined;
  const child = ChildSchema.safeParse({ ...known, address: foundAddress ?? known?.address });
  if (!child.success) {
    const issue = child.error.issues[0];
    return fail.invalid(
      'field_required',
      `an EHE case needs the child's ${issue?.path.join('.') || 'details'}: record the whereabouts (in area, with the address) and the date of birth first`,
    );
  }
  return {
    type: 'ReceiveEheReferral',
    data: {
      caseId: step.eheCaseId,
      receivedOn: step.establishedOn,
      source: 'cme_case',
      cmeCaseId,
      child: child.data,
      parentsCarers: [],
      previousSchoolType: 'other_or_unknown',
      placedAtSpecialSchoolByCouncil: false,
      eheStartDate: step.establishedOn,
      otherReasons: [],
      priorityFlags: [],
    },
  };
}

/**
 * Throws the refusal the linked case's decider would give its referral, so that a step whose other half
 * cannot be recorded records nothing at all.
 */
export function checkReferralAccepted(referral: CaseReferral, context: DecideContext): void {
  if (referral.caseType === 'ehe') eheDecider.decide(referral.command, eheDecider.initialState(), context);
  else cmeDecider.decide(referral.command, cmeDecider.initialState(), context);
}
