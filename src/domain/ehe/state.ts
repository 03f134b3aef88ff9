import type { IsoDate } from '../calendar/index.js';
import type { ClockName, OpenClock } from '../clocks.js';
import type { PriorityFlag } from '../policy.js';
import type { School } from './commands.js';
import { type EhcPlanHistory, initialEhcPlan } from './ehc-plan.js';

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
  | 'order_ended';

export interface SaoState {
  stage: SaoStage;
  notice437?: { issuedOn: IsoDate; servedOn: IsoDate; periodEndsOn: IsoDate };
  consultedSchools: School[];
  noticeOfIntention?: { servedOn: IsoDate; choiceEndsOn: IsoDate; schools: School[] };
  parentChoice?: School;
  order?: { school: School; servedOn: IsoDate; complied: boolean };
  revocation: 'none' | 'requested' | 'refused' | 'referred_to_secretary_of_state';
  esoConsidered: boolean;
  prosecution: 'none' | 'started' | 'convicted' | 'acquitted' | 'withdrawn';
  esoDirection: 'none' | 'awaiting_answer' | 'answered';
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
  revocation: 'none',
  esoConsidered: false,
  prosecution: 'none',
  esoDirection: 'none',
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
  flaggedForSupportToReturn: false,
  consent: 'not_needed',
  firstContactOn: null,
  visits: {},
  suitability: null,
  informalEnquirySentOn: null,
  panels: [],
  sao: initialSao(),
  returnedToSchool: null,
  reclassifiedAsCme: null,
  possibleDuplicateOf: [],
  closure: null,
  statusBeforeClosure: null,
  clocks: {},
});

/** From the s437(1) notice until the route ends, the case stays in `sao` whatever else is recorded. */
export function isSaoRouteActive(sao: SaoState): boolean {
  return !['none', 'satisfied', 'not_expedient', 'order_revoked', 'order_ended'].includes(sao.stage);
}

/** The status a case returns to when allocated or given consent. */
export const workingStatus = (state: EheState): EheStatus => (state.allocatedOfficer ? 'open' : 'referred');
