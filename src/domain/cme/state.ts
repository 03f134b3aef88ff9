import type { IsoDate } from '../calendar/index.js';
import type { ClockName, OpenClock } from '../clocks.js';
import type {
  CmeChild,
  CmeDestination,
  CmeParentCarer,
  CmePrimaryReason,
  EnquiryAgency,
  EnquiryOutcome,
  ReferralSource,
  RiskLevel,
  RollStatus,
  School,
  TimeMissing,
  Whereabouts,
} from './values.js';

/** An open clock, with what the workers have recorded against it (the same shape as an EHE case's). */
export interface CmeEnquiry {
  agency: EnquiryAgency;
  madeOn: IsoDate;
  outcome: EnquiryOutcome | null;
}

/** The reports a high risk judgement calls for; told dates count only from that judgement on. */
export interface HighRiskReport {
  judgedOn: IsoDate;
  socialCareToldOn: IsoDate | null;
  policeToldOn: IsoDate | null;
}

export interface CmeCase {
  status: 'open' | 'closed';
  caseId: string;
  referredOn: IsoDate;
  source: ReferralSource;
  child: CmeChild;
  parentsCarers: CmeParentCarer[];
  /** The DfE collection's primary reason, as last recorded. */
  primaryReason: CmePrimaryReason;
  /** Missing education since this day; null while unknown. */
  missingSince: IsoDate | null;
  /** Only a referral stored before `missingSince` was asked: the length its referrer gave. */
  timeMissingAtReferral?: TimeMissing;
  /** `on_roll`: at risk, still a registered pupil (not yet CME under s.436A) until `leftRollOn`. */
  rollStatus: RollStatus;
  leftRollOn: IsoDate | null;
  /** A closure a new pupil return proposed to the officer (reg 13(1)); cleared when the case closes. */
  closureProposal: { destination: 'on_roll'; proposedOn: IsoDate; returnId: string } | null;
  allocatedOfficer: string | null;
  enquiries: Record<string, CmeEnquiry>;
  riskLevel: RiskLevel | null;
  highRiskReport: HighRiskReport | null;
  /** Null while the child is untraced. */
  whereabouts: Whereabouts | null;
  schoolPlaceAppliedOn: IsoDate | null;
  fairAccessReferredOn: IsoDate | null;
  /** An estimate of the date of birth while the real one is not known (`child.dateOfBirth` absent). */
  estimatedDateOfBirth: { dateOfBirth: IsoDate; estimatedOn: IsoDate; basis: string } | null;
  /**
   * The latest Fair Access referral: the day the child was agreed to be considered under the protocol (the
   * 20 school days run from it) and the place allocated (which stops them). School Admissions Code 2021.
   */
  fairAccess: {
    referredOn: IsoDate;
    agreedOn: IsoDate | null;
    place: { allocatedOn: IsoDate; school: School } | null;
  } | null;
  handedToCouncil: string | null;
  eheCaseId: string | null;
  /** Open cases the child may already have, flagged at referral for the co-ordinator's triage. */
  possibleDuplicateOf: string[];
  closure: { closedOn: IsoDate; destination: CmeDestination } | null;
  /** The date before which no later step may be dated: the referral, or the latest reopening. */
  openedOn: IsoDate;
  clocks: Partial<Record<ClockName, OpenClock>>;
}

export type CmeState = { status: 'none' } | CmeCase;

export const initialCmeState = (): CmeState => ({ status: 'none' });

/**
 * The date of birth compulsory school age (EA 1996 s.8) and the year group are worked out from: the child's,
 * or, while it is not known, the officer's estimate, flagged as such wherever it is shown.
 */
export function ageDateOfBirth(state: CmeCase): { dateOfBirth: IsoDate; estimated: boolean } | null {
  if (state.child.dateOfBirth) return { dateOfBirth: state.child.dateOfBirth, estimated: false };
  const estimate = state.estimatedDateOfBirth;
  return estimate ? { dateOfBirth: estimate.dateOfBirth, estimated: true } : null;
}
