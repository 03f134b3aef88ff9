import type { Role } from '../role-groups.js';
import { casework } from '../role-groups.js';
import type { CnisCommandType } from './commands.js';

/**
 * Who may issue each arranged-absence command: the school (a referrer's token, as for deletion returns)
 * reports, changes and ends its own arrangement; casework staff may record what a school told them.
 */
export const cnisCommandRoles = {
  RecordArrangedAbsence: ['referrer', ...casework],
  ChangeArrangedAbsence: ['referrer', ...casework],
  EndArrangedAbsence: ['referrer', ...casework],
} as const satisfies Record<CnisCommandType, readonly Role[]>;
