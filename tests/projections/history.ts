import { addCalendarDays } from '../../src/domain/calendar/index.js';
import type { CmeCommandInput } from '../../src/domain/cme/index.js';
import { cmeDecider } from '../../src/domain/cme/index.js';
import type { DecideContext } from '../../src/domain/context.js';
import { DomainError } from '../../src/domain/decider.js';
import type { EheCommandInput } from '../../src/domain/ehe/index.js';
import { eheDecider } from '../../src/domain/ehe/index.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import type { NewEvent } from '../../src/eventstore/types.js';
import { calendar, cmeReferral, eheReferral, newCaseId, toNewEvents } from './fixtures.js';

/** One step of a random council history: which case, what is done, how many days later. */
export interface HistoryStep {
  caseIndex: number;
  action: number;
  variant: number;
  daysLater: number;
}

const eheActions = (on: string, variant: number): EheCommandInput[] => [
  { type: 'AllocateCase', data: { officerId: `officer-${variant % 3}`, allocatedOn: on } },
  {
    type: 'RecordContactAttempt',
    data: { attemptedOn: on, method: 'phone', outcome: variant % 2 ? 'contact_made' : 'no_answer' },
  },
  { type: 'OfferVisit', data: { visitId: `v${variant}`, offeredOn: on, proposedFor: on, location: 'home' } },
  {
    type: 'RecordVisitHeld',
    data: { visitId: `v${variant}`, heldOn: on, notes: 'seen', outcome: 'satisfactory' },
  },
  {
    type: 'JudgeSuitability',
    data: { judgedOn: on, outcome: variant % 2 ? 'suitable' : 'appears_unsuitable', rationale: 'seen' },
  },
  {
    type: 'ServeSection437Notice',
    data: {
      noticeId: 'notice-437',
      issuedOn: on,
      parentId: 'parent-1',
      service: { method: 'left_at_address', servedOn: on },
    },
  },
  {
    type: 'ChangePriorityFlags',
    data: { changedOn: on, flags: variant % 2 ? ['ehcp'] : [], toldBy: 'send_service' },
  },
  { type: 'RecordReturnToSchool', data: { school: { name: 'Redbridge Community School' }, startDate: on } },
  { type: 'CloseCase', data: { closedOn: on, reason: 'other', reasonText: 'family moved abroad' } },
  { type: 'ReopenCase', data: { reopenedOn: on, reason: 'back in the area' } },
];

const cmeActions = (on: string, variant: number): CmeCommandInput[] => [
  { type: 'AllocateCase', data: { officerId: `officer-${variant % 3}`, allocatedOn: on } },
  {
    type: 'AssessCmeRisk',
    data: { assessedOn: on, level: variant % 2 ? 'high' : 'low', rationale: 'as known' },
  },
  { type: 'ReportToSocialCare', data: { reportedAt: `${on}T12:00:00Z` } },
  { type: 'ReportToPolice', data: { reportedAt: `${on}T12:00:00Z` } },
  {
    type: 'EstablishWhereabouts',
    data: { establishedOn: on, whereabouts: { kind: 'abroad', confirmedBy: 'Home Office record' } },
  },
  { type: 'RecordUntracedReview', data: { reviewedOn: on, notes: 'still untraced' } },
  { type: 'CloseCase', data: { closedOn: on, destination: 'abroad_confirmed' } },
  { type: 'ReopenCase', data: { reopenedOn: on, reason: 'missing again' } },
];

export const contextOn = (on: string): DecideContext => ({
  now: new Date(`${on}T18:00:00Z`),
  policy: defaultPolicy,
  calendar,
  actor: { id: 'manager-1', role: 'manager' },
});

/**
 * Runs the steps through the real deciders, keeping what they accept (a refused command appends nothing),
 * and returns the appends in order. Each case is referred on the first day; even cases are EHE, odd CME.
 */
export function councilHistory(
  caseCount: number,
  steps: HistoryStep[],
): { stream: string; events: NewEvent[] }[] {
  let on = '2026-06-01';
  const cases = Array.from({ length: caseCount }, (_, index) => {
    const caseId = newCaseId();
    return index % 2 === 0
      ? { kind: 'ehe' as const, caseId, state: eheDecider.initialState() }
      : { kind: 'cme' as const, caseId, state: cmeDecider.initialState() };
  });
  const appends: { stream: string; events: NewEvent[] }[] = [];
  const run = (index: number, command: (on: string) => EheCommandInput | CmeCommandInput) => {
    const target = cases[index];
    if (!target) return;
    try {
      if (target.kind === 'ehe') {
        const events = eheDecider.decide(command(on) as never, target.state, contextOn(on));
        for (const event of events) target.state = eheDecider.evolve(target.state, event);
        if (events.length > 0)
          appends.push({ stream: `ehe-${target.caseId}`, events: toNewEvents(events, 'ehe') });
      } else {
        const events = cmeDecider.decide(command(on) as never, target.state, contextOn(on));
        for (const event of events) target.state = cmeDecider.evolve(target.state, event);
        if (events.length > 0)
          appends.push({ stream: `cme-${target.caseId}`, events: toNewEvents(events, 'cme') });
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  };
  cases.forEach((c, index) => {
    run(index, (day) =>
      c.kind === 'ehe'
        ? eheReferral(c.caseId, { receivedOn: day })
        : cmeReferral(c.caseId, { receivedOn: day }),
    );
  });
  for (const step of steps) {
    on = addCalendarDays(on, step.daysLater);
    const target = cases[step.caseIndex % caseCount];
    if (!target) continue;
    run(step.caseIndex % caseCount, (day) => {
      const actions = target.kind === 'ehe' ? eheActions(day, step.variant) : cmeActions(day, step.variant);
      return actions[step.action % actions.length] as EheCommandInput | CmeCommandInput;
    });
  }
  return appends;
}
