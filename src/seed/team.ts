/** The council's team and the other actors that send commands. */

import type { CmeState } from '../domain/cme/index.js';
import type { EheState } from '../domain/ehe/index.js';
import type { Role } from '../domain/roles.js';
import type { Rng } from './random.js';

/** The team: eight officers, two seniors, one manager (src/domain/roles.ts). */
export const councilTeam = {
  officers: [
    'officer-01',
    'officer-02',
    'officer-03',
    'officer-04',
    'officer-05',
    'officer-06',
    'officer-07',
    'officer-08',
  ],
  seniors: ['senior-01', 'senior-02'],
  manager: 'manager-01',
} as const;

export interface Actor {
  id: string;
  role: Role;
}
export const MANAGER: Actor = { id: councilTeam.manager, role: 'manager' };
export const WORKER: Actor = { id: 'deadline-worker', role: 'admin' };
export const PORTAL: Actor = { id: 'school-portal', role: 'referrer' };
export const PANEL: Actor = { id: 'panel-01', role: 'panel' };

export function officerFor(state: EheState | CmeState): Actor {
  const id = 'allocatedOfficer' in state ? state.allocatedOfficer : null;
  return { id: id ?? councilTeam.officers[0], role: 'officer' };
}

export const senior = (rng: Rng): Actor => ({ id: rng.pick(councilTeam.seniors), role: 'senior' });

/** The officer of a CME case's run (typed by its state alone: run.ts imports this file). */
export const cmeOfficer = (run: { readonly state: CmeState }): Actor => officerFor(run.state);
