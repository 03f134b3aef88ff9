import type { IsoDate } from '../calendar/index.js';
import type { ClockName, OpenClock } from '../clocks.js';
import type { PriorityFlag } from '../policy.js';
import type { School } from './commands.js';
import { type EhcPlanHistory, initialEhcPlan } from './ehc-plan.js';
import { initialRegisterDuties, type RegisterDutiesState } from './register-duties.js';

export type EheStatus =
  | 'none'
  | 'awaiting_consent'
  | 'consent_refused'
  | 'referred'
  | 'open'
  | 'monitoring'
  | 'sao'
  | 'closed';

/** An EHE case's open clock also says whether the annual-contact reminder was recorded for its due date. */
export interface EheOpenClock extends OpenClock {
  reminded: boolean;
}

/** Where the case stands on the School Attendance Order route. */
export type SaoStage =
  | 'none'
  | 'notice_served'
  | 'satisfied'
  | 'not_satisfied'
  | 'expedient'
  | 'not_expedient'
  | 'notice_of_intention_served'
  | 'school_chosen'
  | 'order_in_force'
  | 'order_revoked'
  | 'order_ended'
  /** Ended by itself with compulsory school age (EA 1996 s.437(4)). */
  | 'order_lapsed';

/** The documents of the route that are served on a parent. */
export type SaoDocument = 'section437Notice' | 'section438Notice' | 'schoolAttendanceOrder';

/** One service of a document on one parent (null: a service recorded before services named the parent). */
export interface SaoService {
  document: SaoDocument;
  parentId: string | null;
  servedOn: IsoDate;
  /** The last day of that parent's s.437(1) period or s.438 window; null for the order. */
  endsOn: IsoDate | null;
}

export interface SaoState {
  stage: SaoStage;
  /** `servedOn` is the first service; `periodEndsOn` the latest period end among the parents served. */
  notice437?: { noticeId: string | null; issuedOn: IsoDate; servedOn: IsoDate; periodEndsOn: IsoDate };
  consultedSchools: School[];
  /** As `notice437`: the first service, and the latest of the parents' windows. */
  noticeOfIntention?: {
    noticeId: string | null;
    servedOn: IsoDate;
    choiceEndsOn: IsoDate;
    schools: School[];
  };
  parentChoice?: School;
  parentChoiceOn?: IsoDate;
  order?: { orderId: string | null; school: School; servedOn: IsoDate; complied: boolean };
  /** Every service of this route's documents, one per parent served. */
  services: SaoService[];
  revocation: 'none' | 'requested' | 'refused' | 'referred_to_secretary_of_state';
  esoConsidered: boolean;
  prosecution: 'none' | 'started' | 'convicted' | 'acquitted' | 'withdrawn';
  esoDirection: 'none' | 'awaiting_answer' | 'answered';
  /** Issue 14 items 5 and 7 (evolve-sao.ts, evolve-sao-life.ts). */
  schools: SaoSchoolsState;
  enforcement: SaoEnforcementState;
}

/** What the council knows of the schools it may name (s.438, s.439) and has told (s.437(5)). */
export interface SaoSchoolsState {
  /** Consulted, with what consultation found: maintained (null: not recorded), child excluded. */
  consulted: { school: School; maintained: boolean | null; childPermanentlyExcluded: boolean }[];
  /** A maintained school's governing body's 15 days to seek a direction, per school. */
  directionPeriods: { school: School; notifiedOn: IsoDate; endsOn: IsoDate }[];
  /** Governing bodies' applications to the Secretary of State (s.439) and what was directed, per school. */
  directionApplications: {
    school: School;
    appliedOn: IsoDate;
    inTime: boolean;
    outcome: 'pending' | 'school_may_be_named' | 'school_not_to_be_named';
  }[];
  /** The parent's application for a place elsewhere, made and notified within the 15 days (s.438). */
  application?: {
    school: School;
    outcome: 'pending' | 'offered' | 'refused';
    applicationMadeOn: IsoDate | null;
  };
  /** s.437(5): the order's school told; false until recorded for the order in force. */
  namedSchoolInformed: boolean;
}

/** After an order: its end with school age, the conviction, and the education supervision order. */
export interface SaoEnforcementState {
  convictedOn?: IsoDate;
  directedOn?: IsoDate;
  /** Children's services consulted since the last direction (s.447(2)). */
  childrensServicesConsulted: boolean;
  eso: 'none' | 'applied' | 'in_force' | 'refused' | 'expired' | 'discharged';
  esoExpiresOn?: IsoDate;
}

/** A consent to receive notices by email, in force from `givenOn` until the day it is withdrawn. */
export interface ElectronicServiceConsent {
  email: string;
  givenOn: IsoDate;
  withdrawnOn: IsoDate | null;
}

/** A parent or carer of the case, under the id services name. */
export interface ParentState {
  name: string;
  relationship: string;
  livesWithChild: boolean;
  electronicServiceConsents: ElectronicServiceConsent[];
}

export interface VisitState {
  status: 'offered' | 'accepted' | 'held' | 'declined';
  offeredOn: IsoDate;
  proposedFor: IsoDate;
}

export interface EheState {
  status: EheStatus;
  caseId: string | null;
  referredOn: IsoDate | null;
  eheStartDate: IsoDate | null;
  dateOfBirth: IsoDate | null;
  allocatedOfficer: string | null;
  priorityFlags: PriorityFlag[];
  priority: boolean;
  /** When an EHC plan was maintained and the school it named (ehc-plan.ts `planOn`). */
  ehcPlan: EhcPlanHistory;
  parents: Record<string, ParentState>;
  flaggedForSupportToReturn: boolean;
  consent: 'not_needed' | 'needed' | 'requested' | 'given' | 'refused';
  firstContactOn: IsoDate | null;
  visits: Record<string, VisitState>;
  suitability: {
    outcome: 'suitable' | 'not_yet_able_to_judge' | 'appears_unsuitable';
    judgedOn: IsoDate;
  } | null;
  informalEnquirySentOn: IsoDate | null;
  panels: {
    panel: 'children_not_in_school' | 'fair_access';
    referredOn: IsoDate;
    decidedOn: IsoDate | null;
  }[];
  sao: SaoState;
  /** The Children Not In School register's duties on this entry (issue 18; register-duties.ts). */
  register: RegisterDutiesState;
  returnedToSchool: { school: School; startDate: IsoDate } | null;
  reclassifiedAsCme: string | null;
  /** Open cases the child may already have, flagged at referral for the co-ordinator's triage. */
  possibleDuplicateOf: string[];
  closure: { closedOn: IsoDate; reason: string } | null;
  /** The status to go back to on reopening. */
  statusBeforeClosure: EheStatus | null;
  clocks: Partial<Record<ClockName, EheOpenClock>>;
}

/** The state once a referral has opened the case (as `CmeCase` is for a CME case): what the views read. */
export type EheCase = EheState & { status: Exclude<EheStatus, 'none'>; caseId: string; referredOn: IsoDate };

export const isEheCase = (state: EheState): state is EheCase => state.status !== 'none';

export const initialSao = (): SaoState => ({
  stage: 'none',
  consultedSchools: [],
  services: [],
  revocation: 'none',
  esoConsidered: false,
  prosecution: 'none',
  esoDirection: 'none',
  schools: { consulted: [], directionPeriods: [], directionApplications: [], namedSchoolInformed: false },
  enforcement: { childrensServicesConsulted: false, eso: 'none' },
});

export const initialEheState = (): EheState => ({
  status: 'none',
  caseId: null,
  referredOn: null,
  eheStartDate: null,
  dateOfBirth: null,
  allocatedOfficer: null,
  priorityFlags: [],
  priority: false,
  ehcPlan: initialEhcPlan(),
  parents: {},
  flaggedForSupportToReturn: false,
  consent: 'not_needed',
  firstContactOn: null,
  visits: {},
  suitability: null,
  informalEnquirySentOn: null,
  panels: [],
  sao: initialSao(),
  register: initialRegisterDuties(),
  returnedToSchool: null,
  reclassifiedAsCme: null,
  possibleDuplicateOf: [],
  closure: null,
  statusBeforeClosure: null,
  clocks: {},
});

/** From the s437(1) notice until the route ends, the case stays in `sao` whatever else is recorded. */
export function isSaoRouteActive(sao: SaoState): boolean {
  return !['none', 'satisfied', 'not_expedient', 'order_revoked', 'order_ended', 'order_lapsed'].includes(
    sao.stage,
  );
}

/** The status a case returns to when allocated or given consent. */
export const workingStatus = (state: EheState): EheStatus => (state.allocatedOfficer ? 'open' : 'referred');
