import { z } from 'zod';
import type { EheCommandType } from './ehe/commands.js';

/** DOMAIN.md "Roles": who may issue which command. The API enforces it from this table. */
export const RoleSchema = z.enum(['referrer', 'officer', 'senior', 'manager', 'panel', 'auditor', 'admin']);
export type Role = z.infer<typeof RoleSchema>;
export const roles = RoleSchema.options;

/** Day-to-day casework: officers, and everyone who may do what an officer does. */
const casework = ['officer', 'senior', 'manager'] as const satisfies readonly Role[];
/** SAO steps, consent decisions, panel referrals, statutory sign-off. */
const statutory = ['senior', 'manager'] as const satisfies readonly Role[];
/** Allocation, closure and reopening. */
const management = ['manager'] as const satisfies readonly Role[];
/**
 * Clock events are no person's to record: the deadline worker appends them in-process through the command
 * handler under the service identity, and no API route takes them (an answer to one was a free read).
 */
const clockWorker = [] as const satisfies readonly Role[];

export const eheCommandRoles = {
  ReceiveEheReferral: ['referrer', ...casework],
  RequestSpecialSchoolConsent: casework,
  GiveSpecialSchoolConsent: statutory,
  RefuseSpecialSchoolConsent: statutory,
  AllocateCase: management,
  ReallocateCase: management,
  RecordContactAttempt: casework,
  OfferVisit: casework,
  RecordVisitAccepted: casework,
  RecordVisitHeld: casework,
  RecordVisitDeclined: casework,
  SendInformalEnquiry: casework,
  RecordEvidence: casework,
  JudgeSuitability: casework,
  ChangePriorityFlags: casework,
  RecordEhcpAnnualReview: casework,
  ReferToPanel: statutory,
  RecordPanelDecision: ['panel', 'manager'],
  ServeSection437Notice: statutory,
  JudgeSection437Response: statutory,
  DecideAttendanceExpediency: statutory,
  ConsultSchool: statutory,
  ServeSection438Notice: statutory,
  RecordParentSchoolChoice: statutory,
  ServeSchoolAttendanceOrder: statutory,
  AmendSchoolAttendanceOrder: statutory,
  RecordSaoRevocationRequest: statutory,
  RevokeSchoolAttendanceOrder: statutory,
  RefuseSaoRevocation: statutory,
  ReferSaoRefusalToSecretaryOfState: statutory,
  RecordSaoCompliance: statutory,
  ConsiderEso: statutory,
  StartProsecution: statutory,
  RecordProsecutionOutcome: statutory,
  RecordEsoDirection: statutory,
  AnswerEsoDirection: statutory,
  RecordReturnToSchool: casework,
  ReclassifyAsCme: management,
  CloseCase: management,
  ReopenCase: management,
  RecordDeadlineMissed: clockWorker,
  EscalateCase: clockWorker,
  RecordAnnualContactDue: clockWorker,
} as const satisfies Record<EheCommandType, readonly Role[]>;

/** Read access, for the API's queries. `referrer` and `admin` read no case data. */
export const readRoles = {
  ownService: ['officer', 'senior', 'manager'],
  panelCases: ['panel'],
  fullHistory: ['auditor', 'manager'],
  accessLog: ['auditor'],
  dashboards: ['manager', 'auditor'],
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
