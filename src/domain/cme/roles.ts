import type { Role } from '../roles.js';
import type { CmeCommandType } from './commands.js';

const casework = ['officer', 'senior', 'manager'] as const satisfies readonly Role[];
const statutory = ['senior', 'manager'] as const satisfies readonly Role[];
const management = ['manager'] as const satisfies readonly Role[];
/**
 * Clock events are no person's to record: the deadline worker appends them in-process through the command
 * handler under the service identity, and no API route takes them (an answer to one was a free read).
 */
const clockWorker = [] as const satisfies readonly Role[];

/** DOMAIN.md "Roles" for CME commands; the API checks them with `mayIssue(role, type, cmeCommandRoles)`. */
export const cmeCommandRoles = {
  ReceiveCmeReferral: ['referrer', ...casework],
  AllocateCase: management,
  ReallocateCase: management,
  MakeCmeEnquiry: casework,
  RecordCmeEnquiryOutcome: casework,
  AssessCmeRisk: casework,
  ReportToSocialCare: casework,
  ReportToPolice: casework,
  EstablishWhereabouts: casework,
  ApplyForSchoolPlace: casework,
  // Panel referrals are a senior officer's step.
  ReferToFairAccess: statutory,
  HandToAnotherCouncil: casework,
  RecordBecameEhe: management,
  RecordUntracedReview: casework,
  CloseCase: management,
  ReopenCase: management,
  RecordDeadlineMissed: clockWorker,
  EscalateCase: clockWorker,
} as const satisfies Record<CmeCommandType, readonly Role[]>;
