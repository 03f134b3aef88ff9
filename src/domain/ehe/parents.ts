import type { IsoDate } from '../calendar/index.js';
import type { EheState, ElectronicServiceConsent, ParentState } from './state.js';

/** The parents and carers of a case, as the referral and later records give them, and their consents. */

export const referralParentId = (index: number) => `parent-${index + 1}`;

export function withParent(
  state: EheState,
  parentId: string,
  parent: { name: string; relationship: string; livesWithChild: boolean },
): EheState {
  const { name, relationship, livesWithChild } = parent;
  const known: ParentState = { name, relationship, livesWithChild, electronicServiceConsents: [] };
  return { ...state, parents: { ...state.parents, [parentId]: known } };
}

function withConsents(
  state: EheState,
  parentId: string,
  change: (consents: ElectronicServiceConsent[]) => ElectronicServiceConsent[],
): EheState {
  const parent = state.parents[parentId];
  if (!parent) return state;
  const changed = { ...parent, electronicServiceConsents: change(parent.electronicServiceConsents) };
  return { ...state, parents: { ...state.parents, [parentId]: changed } };
}

export const withConsentGiven = (state: EheState, parentId: string, email: string, givenOn: IsoDate) =>
  withConsents(state, parentId, (consents) => [...consents, { email, givenOn, withdrawnOn: null }]);

export const withConsentWithdrawn = (state: EheState, parentId: string, withdrawnOn: IsoDate) =>
  withConsents(state, parentId, (consents) =>
    consents.map((consent) => (consent.withdrawnOn === null ? { ...consent, withdrawnOn } : consent)),
  );

/** The consent not yet withdrawn, if any. */
export const openConsent = (parent: ParentState): ElectronicServiceConsent | undefined =>
  parent.electronicServiceConsents.find((consent) => consent.withdrawnOn === null);

/** The consent in force on a day: given on or before it, and not withdrawn by then. */
export const consentInForceOn = (parent: ParentState, on: IsoDate): ElectronicServiceConsent | undefined =>
  parent.electronicServiceConsents.find(
    (consent) => consent.givenOn <= on && (consent.withdrawnOn === null || on < consent.withdrawnOn),
  );
