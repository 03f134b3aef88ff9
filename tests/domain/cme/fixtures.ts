import { createCalendar } from '../../../src/domain/calendar/index.js';
import type { ClockName, DayType, StartedClock } from '../../../src/domain/clocks.js';
import {
  type CmeCommand,
  type CmeCommandOf,
  type CmeCommandType,
  type CmeEvent,
  cmeDecider,
} from '../../../src/domain/cme/index.js';
import type { DecideContext } from '../../../src/domain/context.js';
import { defaultPolicy } from '../../../src/domain/policy.js';
import { scenarios } from '../given.js';

/** Monday 23 November 2026, mid-morning in London; the case was referred on Monday 2 November. */
export const now = new Date('2026-11-23T10:00:00Z');
export const officer = { id: 'officer-asha', role: 'officer' as const };
export const manager = { id: 'manager-ben', role: 'manager' as const };

export const context: DecideContext = {
  now,
  policy: defaultPolicy,
  calendar: createCalendar(),
  actor: officer,
};

export const { given } = scenarios(cmeDecider, context);

export const caseId = '0b7d8f5e-3c1a-4e2b-9a6d-1f2e3d4c5b6a';
export const eheCaseId = '7a1e2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b';

export const command = <T extends CmeCommandType>(type: T, data: CmeCommandOf<T>['data']): CmeCommand =>
  ({ type, data }) as CmeCommand;

export function startedClock(
  clock: ClockName,
  startedOn: string,
  dueOn: string,
  dayType: DayType,
): StartedClock {
  return { clock, startedOn, dueOn, policyVersion: defaultPolicy.version, dayType };
}

export const referralData: CmeCommandOf<'ReceiveCmeReferral'>['data'] = {
  caseId,
  receivedOn: '2026-11-02',
  source: 'deletion_return_no_destination',
  child: {
    givenName: 'Maya',
    familyName: 'Okafor',
    dateOfBirth: '2015-03-14',
    sex: 'F',
    address: { lines: ['12 Dock Street'], town: 'Southampton', postcode: 'SO14 7LY' },
  },
  whatIsKnown:
    'Deleted from roll at Bitterne Park School; family believed to have moved, no forwarding address.',
  parentsCarers: [],
  primaryReason: { code: 'whereabouts_unknown' },
  missingSince: null,
  lastSchool: { name: 'Bitterne Park School', urn: '116427' },
};

export const referral = (data: Partial<CmeCommandOf<'ReceiveCmeReferral'>['data']> = {}) =>
  command('ReceiveCmeReferral', { ...referralData, ...data });

/** Runs commands through the decider, in order, as officers would; returns the events they made. */
export function history(...commands: (CmeCommand | [CmeCommand, Partial<DecideContext>])[]): CmeEvent[] {
  const events: CmeEvent[] = [];
  for (const entry of commands) {
    const [next, overrides] = Array.isArray(entry) ? entry : [entry, {}];
    const state = events.reduce(cmeDecider.evolve, cmeDecider.initialState());
    events.push(...cmeDecider.decide(next, state, { ...context, ...overrides }));
  }
  return events;
}

export const inArea = {
  kind: 'in_area' as const,
  address: { lines: ['4 Canal Walk'], town: 'Southampton', postcode: 'SO14 3AB' },
};

export const found = (whereabouts: CmeCommandOf<'EstablishWhereabouts'>['data']['whereabouts'] = inArea) =>
  command('EstablishWhereabouts', { establishedOn: '2026-11-10', whereabouts });

export const closed = (data: Partial<CmeCommandOf<'CloseCase'>['data']> = {}) =>
  command('CloseCase', { closedOn: '2026-11-20', destination: 'on_roll', ...data });

/** One well-formed command of every type but the referral, dated on the Saturday after the closure below. */
export const everyCommandButTheReferral: CmeCommand[] = [
  command('AllocateCase', { officerId: 'officer-asha', allocatedOn: '2026-11-21' }),
  command('ReallocateCase', { officerId: 'officer-chen', reallocatedOn: '2026-11-21', reason: 'Leave.' }),
  command('MakeCmeEnquiry', { enquiryId: 'e2', agency: 'school', madeOn: '2026-11-21' }),
  command('RecordCmeEnquiryOutcome', { enquiryId: 'e2', outcome: 'no_reply', receivedOn: '2026-11-21' }),
  command('AssessCmeRisk', { assessedOn: '2026-11-21', level: 'high', rationale: 'New concern.' }),
  command('ReportToSocialCare', { reportedAt: '2026-11-21T10:00:00Z' }),
  command('ReportToPolice', { reportedAt: '2026-11-21T10:00:00Z' }),
  command('EstablishWhereabouts', { establishedOn: '2026-11-21', whereabouts: inArea }),
  command('ApplyForSchoolPlace', { appliedOn: '2026-11-21' }),
  command('ReferToFairAccess', { referredOn: '2026-11-21' }),
  command('HandToAnotherCouncil', { handedOn: '2026-11-21', council: 'Portsmouth City Council' }),
  command('RecordBecameEhe', { eheCaseId, establishedOn: '2026-11-21' }),
  command('RecordUntracedReview', { reviewedOn: '2026-11-21', notes: 'Check.' }),
  command('ChangeCmePrimaryReason', {
    changedOn: '2026-11-21',
    primaryReason: { code: 'awaiting_school_place' },
  }),
  command('RecordMissingSince', { recordedOn: '2026-11-21', missingSince: '2026-10-01' }),
  command('RecordLeftRoll', { deletedOn: '2026-11-21' }),
  command('CloseCase', { closedOn: '2026-11-21', destination: 'died' }),
  command('ReopenCase', { reopenedOn: '2026-11-21', reason: 'Missing again.' }),
  command('RecordDeadlineMissed', { clock: 'cmeTracingReview', dueOn: '2026-11-16' }),
  command('EscalateCase', { clock: 'cmeTracingReview', level: 'manager' }),
];

/** Tracing work needs the case allocated; the fixture officer has it from the day of referral. */
export const allocated = (allocatedOn = referralData.receivedOn) =>
  command('AllocateCase', { officerId: officer.id, allocatedOn });
