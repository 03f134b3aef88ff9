import type { CmeState } from '../domain/cme/state.js';
import type { Panel } from '../domain/ehe/commands.js';
import type { EheState } from '../domain/ehe/state.js';
import type { EventStore } from '../eventstore/types.js';
import type { Actor } from './auth.js';
import { caseStateAsOf } from './case-history.js';
import { findCaseType } from './case-streams.js';
import { HttpProblem } from './errors.js';

/**
 * A panel member reads only the cases referred to their own panel: EHE cases referred to it, and for the
 * Fair Access panel also the CME cases referred to it. An unknown case is referred to no panel.
 */
export async function isReferredToPanel(store: EventStore, caseId: string, panel: Panel): Promise<boolean> {
  const caseType = await findCaseType(store, caseId);
  if (!caseType) return false;
  const { state } = await caseStateAsOf(store, caseType, caseId, undefined, 'recorded');
  if (caseType === 'ehe') return (state as EheState).panels.some((referral) => referral.panel === panel);
  const cme = state as CmeState;
  return panel === 'fair_access' && cme.status !== 'none' && cme.fairAccessReferredOn !== null;
}

/**
 * The first check of a case route for a panel member, before the case is looked up or the command decided:
 * an unknown case answers the same 403 as another panel's case, so a panel member cannot learn from a 404
 * or a 409 whether a case exists or what state it is in. Other roles pass.
 */
export async function assertPanelMayAct(store: EventStore, actor: Actor, caseId: string): Promise<void> {
  if (actor.role !== 'panel') return;
  if (actor.panel && (await isReferredToPanel(store, caseId, actor.panel))) return;
  throw new HttpProblem(
    403,
    'forbidden',
    'a panel member reads and acts only on cases referred to their panel',
  );
}
