import type { Role } from '../role-groups.js';
import { casework, clockWorker, management, statutory } from '../role-groups.js';
import type { CmeCommandType } from './commands.js';

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
  // The panel's agreement and the place it allocated, recorded by the senior officer who sits on it.
  AgreeFairAccessConsideration: statutory,
  RecordFairAccessPlaceAllocated: statutory,
  HandToAnotherCouncil: casework,
  RecordBecameEhe: management,
  RecordUntracedReview: casework,
  // Facts of the case the DfE return reads: any caseworker of the service may correct them.
  ChangeCmePrimaryReason: casework,
  RecordMissingSince: casework,
  RecordLeftRoll: casework,
  EstimateDateOfBirth: casework,
  // Sent by the new pupil return's intake as the school that made the return; no case route takes it.
  RecordFoundOnRollByReturn: ['referrer', ...casework],
  CloseCase: management,
  ReopenCase: management,
  RecordDeadlineMissed: clockWorker,
  EscalateCase: clockWorker,
  CloseAtEndOfSchoolAge: clockWorker,
} as const satisfies Record<CmeCommandType, readonly Role[]>;
