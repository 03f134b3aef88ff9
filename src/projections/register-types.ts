import type { IsoDate } from '../domain/calendar/index.js';
import type { CaseTypeName } from '../domain/case-types.js';
import type { SenStatus, Sex } from '../domain/child.js';
import type { RegisterBasis } from '../domain/register/commencement.js';
import type { Ground } from '../domain/register/eligibility.js';

/*
 * The register's answers (register.ts), apart from the view so that types.ts can name them without importing
 * the view and what it reads.
 */

/** Why a child left the register (the "leaves the register with a reason"). */
export type RegisterLeaveReason =
  | 'on_roll'
  | 'moved_out_of_area'
  | 'past_compulsory_school_age'
  | 'died'
  | 'case_closed'
  | 'continued_in_cme_case'
  | 'continued_in_ehe_case'
  | 'whereabouts_unknown'
  /** An arranged-absence pupil (s.436B(5)(b)-(c)) whose school's arrangement reached its agreed last day. */
  | 'arrangement_ended'
  /** An arranged-absence pupil who left the school: the child's next school or case says what follows. */
  | 'left_school';

/** A pupil's identifiers as their school reported them (register-export.ts reads them). */
export interface ReportedChild {
  upn?: string;
  sex: Sex;
  senStatus?: SenStatus;
}

/** One stretch of time on the register, and why it ended. */
export interface RegisterPeriod {
  from: IsoDate;
  to?: IsoDate;
  leftBecause?: RegisterLeaveReason;
}

export type RegisterStanding = 'entry' | 'candidate';

export interface RegisterEntry {
  caseId: string;
  caseType: CaseTypeName;
  standing: RegisterStanding;
  givenName: string;
  familyName: string;
  dateOfBirth: IsoDate;
  yearGroup: number;
  /** The conditions met on the day, as the Act labels them: A, B and the limb(s) of C. */
  grounds: Ground[];
  /** The first day of the child's current stretch on the register. */
  onRegisterSince: IsoDate;
  /** Kept under the s.436B duty on the day asked, or voluntarily before its commencement. */
  basis: RegisterBasis;
  /** The first day of the current stretch kept under the duty: the later of its start and commencement. */
  statutorySince?: IsoDate;
  /** The s.436C mandatory information the council does not yet hold, by field (content.ts). */
  missing: string[];
}

export interface RegisterLeaver {
  caseId: string;
  caseType: CaseTypeName;
  standing: RegisterStanding;
  givenName: string;
  familyName: string;
  /** The last day on the register. */
  lastDay: IsoDate;
  reason: RegisterLeaveReason;
  /** Whether the register was kept under the duty on that last day. */
  basis: RegisterBasis;
}

export interface RegisterQuery {
  on: IsoDate;
  condition?: Ground;
  yearGroup?: number;
  standing?: RegisterStanding;
  /** `commencement.cnisRegister` of the policy; absent or null: not in force, every entry voluntary. */
  commencement?: IsoDate | null;
}

export interface RegisterQueries {
  /** The children on the register on the day, by family name, given name and case id. */
  on(query: RegisterQuery): RegisterEntry[];
  /** The children who left the register with a last day from `from` to `to` (both included), by day. */
  leavers(from: IsoDate, to: IsoDate, commencement?: IsoDate | null): RegisterLeaver[];
  /** One case's stretches on the register. */
  periods(caseId: string): RegisterPeriod[];
  /**
   * The EHE cases on the register on `on`, kept under the duty (on or after `commencement`), whose s.436B
   * consideration has not started: children on the register from before it commenced (the daily sweep
   * starts their duties, `StartRegisterDuties`).
   */
  awaitingDuties(on: IsoDate, commencement: IsoDate): string[];
  /**
   * The child as a school's arranged-absence report gave them (an entry with no case record, so the export
   * reads its identifiers here); undefined for any other entry.
   */
  reportedChild(caseId: string): ReportedChild | undefined;
}
