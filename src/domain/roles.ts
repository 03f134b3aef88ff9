export { type Role, RoleSchema, roles } from './role-groups.js';

import { eheCommandRoles } from './ehe/roles.js';
import type { Role } from './role-groups.js';

/** Read access, for the API's queries. `referrer` and `admin` read no case data. */
export const readRoles = {
  ownService: ['officer', 'senior', 'manager'],
  panelCases: ['panel'],
  fullHistory: ['auditor', 'manager'],
  accessLog: ['auditor'],
  dashboards: ['manager', 'auditor'],
  /** The Children Not In School register (EA 1996 s.436B): the officers who keep it, managers, auditors. */
  register: ['officer', 'senior', 'manager', 'auditor'],
  /** The register as a record-level return: the manager who submits the council's returns, and auditors. */
  registerExport: ['manager', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * Whether `role` may issue `commandType`, looked up in the tables given (the EHE table by default; the CME
 * decider passes its own). An unknown command type is refused.
 */
export function mayIssue(
  role: Role,
  commandType: string,
  table: Readonly<Record<string, readonly Role[]>> = eheCommandRoles,
): boolean {
  return table[commandType]?.includes(role) ?? false;
}
