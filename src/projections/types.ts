import type { IsoDate } from '../domain/calendar/index.js';
import type { CaseworkTypeName } from '../domain/case-types.js';
import type { ClockName } from '../domain/clocks.js';
import type { PriorityFlag } from '../domain/policy.js';
import type { ClockEscalation } from '../domain/shared-commands.js';
import type { RegisterQueries } from './register-types.js';

export type { IsoDate } from '../domain/calendar/index.js';
export type { ClockName } from '../domain/clocks.js';
export type { Logger } from '../logger.js';

/** The views the API and the workers read, kept current from `$all` by one runtime. */

export type CaseType = CaseworkTypeName;
/** Computed against `today` when asked, never stored: a clock becomes overdue without any event. */
export type DeadlineStatus = 'due' | 'due_soon' | 'overdue' | 'missed' | 'escalated';

export interface CaseClock {
  clock: ClockName;
  startedOn: IsoDate;
  dueOn: IsoDate;
  remindOn?: IsoDate;
  missed: boolean;
  escalation: ClockEscalation;
}

export interface CaseChild {
  givenName: string;
  familyName: string;
  dateOfBirth?: IsoDate;
  /**
   * CME: an officer's estimate while the date of birth is not known. The year group and compulsory school
   * age below are then worked out from it, and are estimates too.
   */
  estimatedDateOfBirth?: IsoDate;
  sex: 'F' | 'M' | 'U';
  upn?: string;
  /** N none, K SEN support, E EHC plan. */
  senStatus?: 'N' | 'K' | 'E';
  ehcp: boolean;
  /** For the academic year of `today` (0 is Reception); absent without a date of birth. */
  yearGroup?: number;
  /**
   * EA 1996 s.8: the first day of compulsory school age (s.8(2)) and the school leaving date, at the end of
   * which it ends (s.8(3)); absent without a date of birth.
   */
  compulsorySchoolAge?: { start: IsoDate; end: IsoDate };
}

/** The statutory dates of an EHE case's School Attendance Order route, as the notices and orders state them. */
export interface SaoDates {
  stage: string;
  /** The procedure the route runs under: only the Education Act 1996 one is modelled (CWSA 2026 not in force). */
  regime: 'EA1996';
  /** s.437(1): the day the notice was served and the last day of the period it gave (s.437(2): at least 15). */
  section437Notice?: { servedOn: IsoDate; periodEndsOn: IsoDate };
  /** s.438: the day the notice of intention was served and the last of the parent's 15 days to choose. */
  section438Notice?: { servedOn: IsoDate; choiceEndsOn: IsoDate };
  /** s.437(3)-(4): served on, and in force at most until the school leaving date. */
  order?: { servedOn: IsoDate; inForceUntil?: IsoDate };
  /** Every service of the route's documents on a parent, and each amendment of the order, in order. */
  documents: SaoServedDocument[];
}

/**
 * One document of the route served on one parent (s.443(1) "a parent on whom a school attendance order is
 * served"), or an amendment of the order (no service of it is recorded: `amendedOn` instead of `servedOn`).
 */
export interface SaoServedDocument {
  document: 'section437Notice' | 'section438Notice' | 'order' | 'amendedOrder';
  /** The id the council gave the notice or order; null on services recorded before ids (v1 events). */
  documentId: string | null;
  /** The parent served; null on services recorded before they named a parent, and on amendments. */
  parentId: string | null;
  issuedOn: IsoDate;
  method?: 'in_person' | 'left_at_address' | 'post' | 'email';
  postedOn?: IsoDate;
  postClass?: 'first' | 'second';
  sentOn?: IsoDate;
  /** The day it counts as served, from which its period runs. */
  servedOn?: IsoDate;
  servedOnBasis?:
    | 'served_that_day'
    | 'deemed_delivery_by_post'
    | 'actual_receipt_proved'
    | 'deemed_email_next_working_day'
    | 'recorded_as_entered';
  /** With `actual_receipt_proved`: the evidence of the earlier receipt ("unless the contrary is proved"). */
  receiptEvidence?: string;
  /** The last day of the period as the notice printed it: s.437(1)-(2)'s period, s.438's window. */
  periodEndsOn?: IsoDate;
  amendedOn?: IsoDate;
  initiatedBy?: 'parent_request' | 'council' | 'ehc_plan';
  legalBasis: string;
}

export interface CaseSummary {
  caseId: string;
  caseType: CaseType;
  stream: string;
  /** The decider's status: EHE `referred | open | monitoring | sao | ...`, CME `open | closed`. */
  status: string;
  open: boolean;
  child: CaseChild;
  priority: boolean;
  priorityFlags: PriorityFlag[];
  officerId?: string;
  source: string;
  receivedOn: IsoDate;
  openedOn: IsoDate;
  closedOn?: IsoDate;
  /** EHE: the closure reason code; CME: the destination. */
  closeReason?: string;
  clocks: CaseClock[];
  /** The earliest due date of the open clocks. */
  nextDueOn?: IsoDate;
  lastContactOn?: IsoDate;
  lastVisitOn?: IsoDate;
  lastAssessment?: { kind: 'suitability' | 'risk'; outcome: string; on: IsoDate };
  /** Annual contact, EHCP review or CME tracing review, whichever is next. */
  nextReviewOn?: IsoDate;
  saoStage?: string;
  /** EHE, once a School Attendance Order route has begun. */
  sao?: SaoDates;
  /** CME only. */
  riskLevel?: 'low' | 'medium' | 'high';
  /** CME only: null while untraced. */
  located?: boolean;
  /** CME only: a closure a school's new pupil return proposed (reg 13(1)), until the case closes. */
  closureProposal?: { destination: 'on_roll'; proposedOn: IsoDate; returnId: string };
  /**
   * CME only, once referred to the Fair Access Protocol: the day the child was agreed to be considered, the
   * place due within 20 school days of it while none is allocated, and the place allocated.
   */
  fairAccess?: {
    referredOn: IsoDate;
    agreedOn?: IsoDate;
    placeDueBy?: IsoDate;
    place?: { allocatedOn: IsoDate; school: { name: string; urn?: string | undefined } };
  };
  /** Open cases the child may already have, flagged at referral for triage. */
  possibleDuplicateOf?: string[];
  revision: bigint;
  position: bigint;
}

export interface CaseListQuery {
  caseType?: CaseType;
  status?: string[];
  open?: boolean;
  officerId?: string;
  unallocated?: boolean;
  priority?: boolean;
  /** Part of the child's name, compared as normaliseName compares. */
  name?: string;
  /** Default 50, at most 500. */
  limit?: number;
  cursor?: string;
}

/** An open clock of a case (its `missed` told by `status`), with what a worklist sorts and filters by. */
export interface OpenDeadline extends Omit<CaseClock, 'missed'> {
  caseId: string;
  caseType: CaseType;
  status: DeadlineStatus;
  officerId?: string;
  priority: boolean;
}

export interface DeadlineQuery {
  dueFrom?: IsoDate;
  dueTo?: IsoDate;
  status?: DeadlineStatus[];
  caseId?: string;
}

export interface DashboardCase {
  caseId: string;
  caseType: CaseType;
  childName: string;
  priority: boolean;
  officerId?: string;
  since: IsoDate;
}

export interface CountedList<T> {
  count: number;
  /** The first `Dashboard.listLimit`, most urgent first. */
  items: T[];
}

export interface Dashboard {
  today: IsoDate;
  listLimit: number;
  unallocated: CountedList<DashboardCase>;
  overdueByClock: Partial<Record<ClockName, number>>;
  overdue: CountedList<OpenDeadline>;
  /** Due today or in the next 7 working days. */
  dueSoon: CountedList<OpenDeadline>;
  escalationsOpen: CountedList<OpenDeadline>;
  highRiskCme: CountedList<DashboardCase>;
  /** Untraced for more than 20 school days since referral. */
  untracedCme: CountedList<DashboardCase>;
  /** Referrals that may be a child with another open case, for the co-ordinator's triage. */
  possibleDuplicates: CountedList<DashboardCase>;
  /**
   * Open cases whose child has passed the school leaving date (EA 1996 s.8(3)), `since` that date: the
   * daily sweep closes them, so what stays is a case it may not close (an EHE case with a prosecution pending).
   */
  pastSchoolAge: CountedList<DashboardCase>;
  /**
   * Open CME cases whose child a school's new pupil return found on roll (School Attendance (Pupil
   * Registration) (England) Regulations 2024 reg 13(1)), `since` the return arrived: the officer closes them.
   */
  closureProposals: CountedList<DashboardCase>;
  saoByStage: Record<string, number>;
  position: bigint;
}

/** An open case whose child is past the school leaving date, as the sweep reads it. */
export interface PastSchoolAgeCase {
  caseId: string;
  caseType: CaseType;
  leavingDate: IsoDate;
}

/** A published figure: rounded to the nearest 10, `low` for a non-zero count that rounds to 0. */
export type Figure = number | 'low';
export type Breakdown = Record<string, Figure>;

export interface DfeReturn {
  censusDate: IsoDate;
  rounding: 'published' | 'raw';
  ehe: {
    total: Figure;
    bySex: Breakdown;
    /** The DfE's labels: 'Reception', 'Year 1' … 'Year 11', 'Not known'. */
    byYearGroup: Breakdown;
    byPrimaryReason: Breakdown;
    senSupport: Figure;
    ehcp: Figure;
    childInNeed: Figure;
    childProtectionPlan: Figure;
  };
  cme: {
    total: Figure;
    bySex: Breakdown;
    byYearGroup: Breakdown;
    /** Length of time missing education at the census date (DfE bands), from each case's `missingSince`. */
    byTimeMissing: Breakdown;
    /** The DfE CME primary reason (policy codes; `not_recorded` for referrals stored before it was asked). */
    byPrimaryReason: Breakdown;
    bySource: Breakdown;
    /** Children whose home education the council judged unsuitable, counted here and not as EHE. */
    fromUnsuitableEhe: Figure;
    /**
     * Children counted whose date of birth is an officer's estimate (issue 15 item 10): their compulsory
     * school age and year group are estimates too.
     */
    withEstimatedDateOfBirth: Figure;
  };
  /** Every figure above as a row carrying the DfE's code and label (`dfe-return-rows.ts`); the CSV's rows. */
  rows: DfeReturnRow[];
}

/** One figure of the DfE return, with the DfE's own code and label of its category (null: none). */
export interface DfeReturnRow {
  section: 'ehe' | 'cme';
  /** The figure's name in the return: `total`, `byPrimaryReason`, `senSupport` … */
  figure: string;
  /** Our code within a breakdown (a year group's DfE label), or the SEN figure's name; null for a total. */
  code: string | null;
  dfeCode: string | null;
  dfeLabel: string | null;
  value: Figure;
}

export interface MonthFigures {
  /** 'YYYY-MM' */
  month: string;
  eheNewRegistrations: number;
  eheClosures: number;
  returnsToSchool: number;
  cmeReferrals: number;
  cmeLocated: number;
}

export interface AcademicYearReport {
  label: string;
  start: IsoDate;
  end: IsoDate;
  ehe: {
    atAnyPoint: number;
    starts: number;
    startsByPreviousSchoolType: Record<string, number>;
    returnsToSchool: number;
    otherLeavers: number;
    section437NoticesIssued: number;
    saosIssued: number;
    saosRevoked: number;
    /** atAnyPoint per 100 pupils of the school population the policy gives for the year; null without one. */
    atAnyPointPer100Pupils: number | null;
  };
  cme: { referrals: number; located: number; closedByDestination: Record<string, number> };
  /** The policy's school population for the year (`schoolPopulation`), or null when it gives none. */
  schoolPopulation: number | null;
  byMonth: MonthFigures[];
}

/** EHE as a share of the school population in one academic year (the committee reports' trend). */
export interface PopulationShare {
  academicYear: string;
  schoolPopulation: number;
  /** Children home educated at any point of the year while of compulsory school age. */
  eheAtAnyPoint: number;
  eheAtAnyPointPer100Pupils: number;
}

export interface CommitteeReport {
  from: IsoDate;
  to: IsoDate;
  ehe: {
    openAtEnd: number;
    newRegistrations: number;
    /** The same period a year earlier, for the trend. */
    newRegistrationsYearBefore: number;
    bySource: Record<string, number>;
    byPrimaryReason: Record<string, number>;
    byYearGroup: Record<string, number>;
    bySenStatus: Record<string, number>;
    byPriorityFlag: Record<string, number>;
    byMosaicGroup: Record<string, number>;
    returnsToSchool: number;
    closuresByReason: Record<string, number>;
    visitsOffered: number;
    visitsAccepted: number;
    firstContact: {
      referrals: number;
      withinStandard: number;
      /** withinStandard / referrals with a first contact due in the period; null when none. */
      rate: number | null;
      averageWorkingDays: number | null;
      medianWorkingDays: number | null;
    };
    firstVisit: { averageWorkingDays: number | null; medianWorkingDays: number | null };
    sao: {
      section437Notices: number;
      section438Notices: number;
      ordersServed: number;
      ordersRevoked: number;
    };
    /** Deletion returns giving reason `school_suggestion`, by school: the off-rolling pattern. */
    schoolSuggestionBySchool: Record<string, number>;
    /** New registrations in the period: year group (at referral) → primary reason → count. */
    primaryReasonByYearGroup: Record<string, Record<string, number>>;
  };
  cme: {
    referrals: number;
    openAtEnd: number;
    located: number;
    untracedAtEnd: number;
    closedByDestination: Record<string, number>;
    highRisk: number;
    highRiskReportedWithinStandard: number;
  };
  /**
   * Rates per 100 pupils of the school population the policy gives for the academic year of `to` (the
   * DfE's rate_per_100), null without one, and EHE's share of the population in each year the policy gives.
   */
  rates: {
    academicYear: string;
    schoolPopulation: number | null;
    eheOpenAtEndPer100Pupils: number | null;
    cmeOpenAtEndPer100Pupils: number | null;
    eheShareByAcademicYear: PopulationShare[];
  };
  byMonth: MonthFigures[];
}

export interface ChildIndexMatch {
  caseId: string;
  caseType: CaseType;
  status: string;
  open: boolean;
  /** How the child matched: the same UPN, or the same normalised names and date of birth. */
  matchedOn: 'upn' | 'name_and_date_of_birth';
}

export interface ChildQuery {
  upn?: string;
  givenName: string;
  familyName: string;
  /** Unknown: only the UPN can match. */
  dateOfBirth?: IsoDate | undefined;
}

export interface Projections {
  /** Catches up from the log, then follows it live; resolves once caught up. */
  start(): Promise<void>;
  close(): Promise<void>;
  /** The last global position applied (-1n before any). */
  position(): bigint;
  /** Read-your-writes: resolves once `position` is applied; rejects after `timeoutMs` (default 5000). */
  waitFor(position: bigint, timeoutMs?: number): Promise<void>;
  /** Head of the log minus the position applied (0n when caught up). */
  lag(): Promise<bigint>;
  caughtUp(): boolean;
  caseSummary: {
    get(caseId: string): CaseSummary | undefined;
    list(query: CaseListQuery): { items: CaseSummary[]; nextCursor?: string };
  };
  caseload: { forOfficer(officerId: string): readonly CaseSummary[] };
  deadlines: { open(query?: DeadlineQuery): OpenDeadline[] };
  dashboard: {
    get(today: IsoDate): Dashboard;
    /** Every open case whose child's school leaving date is before `today`. */
    pastSchoolAge(today: IsoDate): PastSchoolAgeCase[];
  };
  statistics: {
    dfeReturn(censusDate: IsoDate, rounding: 'published' | 'raw'): DfeReturn;
    /** `schoolPopulation`: the policy's school population by academic year label, for the rates. */
    academicYear(label: string, schoolPopulation?: Readonly<Record<string, number>>): AcademicYearReport;
    committee(
      from: IsoDate,
      to: IsoDate,
      schoolPopulation?: Readonly<Record<string, number>>,
    ): CommitteeReport;
    /** A case's child's SEN status as the school census codes it, at the end of `date` (statistics.ts). */
    senStatusOn(caseId: string, date: IsoDate): 'N' | 'K' | 'E' | 'unknown';
  };
  childIndex: { matches(child: ChildQuery): ChildIndexMatch[] };
  /** The Children Not In School register (EA 1996 s.436B): `register.ts`. */
  register: RegisterQueries;
}
