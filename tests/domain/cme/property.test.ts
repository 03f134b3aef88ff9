import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../src/domain/calendar/index.js';
import { type ClockName, clockEffects } from '../../../src/domain/clocks.js';
import {
  type CmeCommand,
  type CmeEvent,
  type CmeState,
  cmeCodec,
  cmeDecider,
} from '../../../src/domain/cme/index.js';
import { DomainError } from '../../../src/domain/decider.js';
import { command, context, eheCaseId, inArea, referral } from './fixtures.js';

/*
 * Random histories: a referral, then any commands an officer or a worker might send, on days around the
 * case's life, some of them invalid. Whatever is accepted must replay to the same state, and a closed case
 * must accept nothing but reopening.
 */

const day = fc.integer({ min: -2, max: 30 }).map((offset) => addCalendarDays('2026-11-02', offset));
const text = fc.constantFrom('Checked.', 'No trace.', 'Family seen.');
const enquiryId = fc.constantFrom('e1', 'e2', 'e3');
const cmeClock = fc.constantFrom<ClockName>(
  'allocation',
  'cmeTracingReview',
  'cmeHighRiskReport',
  'fairAccessPlacement',
);
const whereabouts = fc.constantFrom(
  inArea,
  { kind: 'other_council_area' as const, council: 'Hampshire County Council' },
  { kind: 'abroad' as const, confirmedBy: 'Receiving school in Spain' },
  { kind: 'on_roll' as const, school: { name: 'Redbridge Community School' }, onRollFrom: '2026-11-09' },
);

/** A command, or one resolved against the current state (the due date a worker sees, the closure date). */
type Intent =
  | CmeCommand
  | { worker: 'miss'; clock: ClockName; dueOnFromState: boolean; fallback: string }
  | { worker: 'reopen'; daysAfterClosure: number; reason: string };

const intent: fc.Arbitrary<Intent> = fc.oneof(
  fc
    .record({ officerId: fc.constantFrom('officer-asha', 'officer-chen'), allocatedOn: day })
    .map((d) => command('AllocateCase', d)),
  fc
    .record({ officerId: fc.constantFrom('officer-asha', 'officer-chen'), reallocatedOn: day, reason: text })
    .map((d) => command('ReallocateCase', d)),
  fc
    .record({ enquiryId, agency: fc.constantFrom('school', 'home_office', 'health', 'other'), madeOn: day })
    .map((d) => command('MakeCmeEnquiry', d)),
  fc
    .record({ enquiryId, outcome: fc.constantFrom('no_trace', 'child_located'), receivedOn: day })
    .map((d) => command('RecordCmeEnquiryOutcome', d)),
  fc
    .record({ assessedOn: day, level: fc.constantFrom('low', 'medium', 'high'), rationale: text })
    .map((d) => command('AssessCmeRisk', d)),
  day.map((d) => command('ReportToSocialCare', { reportedAt: `${d}T10:00:00Z` })),
  day.map((d) => command('ReportToPolice', { reportedAt: `${d}T11:00:00Z` })),
  fc.record({ establishedOn: day, whereabouts }).map((d) => command('EstablishWhereabouts', d)),
  day.map((appliedOn) => command('ApplyForSchoolPlace', { appliedOn })),
  day.map((referredOn) => command('ReferToFairAccess', { referredOn })),
  day.map((handedOn) => command('HandToAnotherCouncil', { handedOn, council: 'Hampshire County Council' })),
  day.map((establishedOn) => command('RecordBecameEhe', { eheCaseId, establishedOn })),
  fc.record({ reviewedOn: day, notes: text }).map((d) => command('RecordUntracedReview', d)),
  fc
    .record({
      closedOn: day,
      destination: fc.constantFrom(
        'on_roll',
        'ehe_case_opened',
        'handed_to_another_council',
        'abroad_confirmed',
        'died',
        'other',
      ),
      reasonText: fc.option(text, { nil: undefined }),
    })
    .map(({ reasonText, ...d }) => command('CloseCase', reasonText === undefined ? d : { ...d, reasonText })),
  fc
    .record({ daysAfterClosure: fc.integer({ min: -1, max: 3 }), reason: text })
    .map((d) => ({ worker: 'reopen' as const, ...d })),
  fc
    .record({ clock: cmeClock, level: fc.constantFrom('manager', 'head_of_service') })
    .map((d) => command('EscalateCase', d)),
  fc
    .record({ clock: cmeClock, dueOnFromState: fc.boolean(), fallback: day })
    .map((d) => ({ worker: 'miss' as const, ...d })),
);

const step = fc.record({ intent, nowOffset: fc.integer({ min: 0, max: 30 }) });

function resolve(next: Intent, state: CmeState): CmeCommand {
  if (!('worker' in next)) return next;
  if (next.worker === 'reopen') {
    const closedOn = state.status === 'none' ? undefined : state.closure?.closedOn;
    const reopenedOn = addCalendarDays(closedOn ?? '2026-11-10', next.daysAfterClosure);
    return command('ReopenCase', { reopenedOn, reason: next.reason });
  }
  const open = state.status === 'none' ? undefined : state.clocks[next.clock]?.dueOn;
  const dueOn = next.dueOnFromState && open !== undefined ? open : next.fallback;
  return command('RecordDeadlineMissed', { clock: next.clock, dueOn });
}

/** What a stored stream reads back as: every event encoded and decoded, then folded. */
const replay = (events: CmeEvent[]): CmeState =>
  events
    .map((event) => cmeCodec.decode(cmeCodec.encode(event)))
    .reduce(cmeDecider.evolve, cmeDecider.initialState());

/** The open clocks a deadlines view would hold, built only from the clock table and the events. */
function deadlinesView(events: CmeEvent[]): Record<string, string> {
  const open: Record<string, string> = {};
  for (const event of events) {
    const { started, stopped } = clockEffects(cmeCodec.encode(event));
    for (const name of stopped) delete open[name];
    for (const clock of started) open[clock.clock] = clock.dueOn;
  }
  return open;
}

const isWorkerCommand = (cmd: CmeCommand) =>
  cmd.type === 'RecordDeadlineMissed' || cmd.type === 'EscalateCase';

const seen = new Set<string>();

describe('any history of accepted CME commands', () => {
  it('replays to the state decide saw, agrees with the clock table, and keeps a closed case closed', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 60 }), (steps) => {
        const events = cmeDecider.decide(referral(), cmeDecider.initialState(), context);
        let state = events.reduce(cmeDecider.evolve, cmeDecider.initialState());
        let now = context.now.getTime();
        for (const { intent: next, nowOffset } of steps) {
          now += nowOffset * 3_600_000;
          const cmd = resolve(next, state);
          let decided: CmeEvent[];
          try {
            decided = cmeDecider.decide(cmd, state, { ...context, now: new Date(now) });
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            if (state.status === 'closed' && cmd.type !== 'ReopenCase') {
              expect((error as DomainError).code).toBe('case_closed');
              seen.add('refusedOnClosedCase');
            }
            continue;
          }
          if (state.status === 'closed' && cmd.type !== 'ReopenCase') {
            // A closed case has no open clocks, so the workers' triggers are the only commands that pass, and
            // they decide nothing.
            expect(isWorkerCommand(cmd)).toBe(true);
            expect(decided).toEqual([]);
          }
          events.push(...decided);
          for (const event of decided) seen.add(event.type);
          if (state.status === 'closed' && cmd.type !== 'ReopenCase') seen.add('refusedOnClosedCase');
          state = decided.reduce(cmeDecider.evolve, state);
          expect(replay(events)).toEqual(state);
        }
        if (state.status !== 'none') {
          const view = deadlinesView(events);
          const fromState = Object.fromEntries(
            Object.entries(state.clocks).map(([name, c]) => [name, c?.dueOn]),
          );
          expect(view).toEqual(fromState);
        }
      }),
      { numRuns: 300 },
    );
    // The generator must reach the interesting parts of a case's life, or the property proves little.
    for (const type of [
      'CmeCaseClosed',
      'CmeCaseReopened',
      'DeadlineMissed',
      'CaseEscalated',
      'WhereaboutsEstablished',
      'CmeUntracedReviewRecorded',
      'refusedOnClosedCase',
    ]) {
      expect([...seen], type).toContain(type);
    }
  });
});
