import type { CaseTypeName, StateOf } from '../../domain/case-types.js';
import type { Panel } from '../../domain/ehe/commands.js';
import type { EventStore } from '../../eventstore/types.js';
import type { Actor } from '../plugins/auth.js';
import { HttpProblem } from '../plugins/errors.js';
import { caseStateAsOf } from './history.js';
import type { CaseTypeOf } from './streams.js';

/** The store, and the app's way to tell which kind of case an id is. */
export interface Cases {
  store: EventStore;
  caseTypeOf: CaseTypeOf;
}

/**
 * A panel member reads only the cases referred to their own panel: EHE cases referred to it, and for the
 * Fair Access panel also the CME cases referred to it. An unknown case is referred to no panel.
 */
export async function isReferredToPanel(cases: Cases, caseId: string, panel: Panel): Promise<boolean> {
  const caseType = await cases.caseTypeOf(caseId);
  return caseType !== undefined && (await referredPanels(cases.store, caseType, caseId)).includes(panel);
}

/** The panels each case type refers its cases to: any panel for an EHE case, only Fair Access for a CME case. */
const panelsOf: { [K in CaseTypeName]: (state: StateOf<K>) => readonly Panel[] } = {
  ehe: (state) => state.panels.map((referral) => referral.panel),
  cme: (state) => (state.status !== 'none' && state.fairAccessReferredOn !== null ? ['fair_access'] : []),
  // An arranged-absence entry is referred to no panel.
  cnis: () => [],
};

async function referredPanels<K extends CaseTypeName>(store: EventStore, caseType: K, caseId: string) {
  const { state } = await caseStateAsOf(store, caseType, caseId, undefined, 'recorded');
  return panelsOf[caseType](state);
}

/**
 * The first check of a case route for a panel member, before the case is looked up or the command decided:
 * an unknown case answers the same 403 as another panel's case, so a panel member cannot learn from a 404
 * or a 409 whether a case exists or what state it is in. Other roles pass.
 */
export async function assertPanelMayAct(cases: Cases, actor: Actor, caseId: string): Promise<void> {
  if (actor.role !== 'panel') return;
  if (actor.panel && (await isReferredToPanel(cases, caseId, actor.panel))) return;
  throw new HttpProblem(
    403,
    'forbidden',
    'a panel member reads and acts only on cases referred to their panel',
  );
}
