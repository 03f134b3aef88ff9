import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isOfCompulsorySchoolAge } from '../../src/domain/calendar/index.js';
import type { CmeCommandInput, CmeEvent } from '../../src/domain/cme/index.js';
import { cmeDecider } from '../../src/domain/cme/index.js';
import { type CnisCommand, type CnisEvent, cnisDecider } from '../../src/domain/cnis/index.js';
import { DomainError } from '../../src/domain/decider.js';
import type { EheCommandInput, EheEvent } from '../../src/domain/ehe/index.js';
import { eheDecider } from '../../src/domain/ehe/index.js';
import { address, cmeReferral, createLog, eheReferral, newCaseId, toNewEvents, viewsOf } from './fixtures.js';
import { contextOn } from './history.js';

/*
 * The property of issue 18: the register on a date is the set of children who satisfy conditions A–C on that
 * date, computed here independently, by replaying each case's events dated on or before it. A school's
 * arranged-absence pupils (every fourth case) meet C(b) or C(c) while their arrangement lasts.
 */

// Compulsory school age: ends Fri 26 June 2026; throughout; starts Mon 31 August 2026; throughout.
const birthDates = ['2010-05-01', '2014-03-03', '2021-04-15', '2013-10-04'];

const eheActions = (on: string, variant: number): EheCommandInput[] => [
  { type: 'RecordReturnToSchool', data: { school: { name: 'Redbridge Community School' }, startDate: on } },
  { type: 'CloseCase', data: { closedOn: on, reason: 'moved_out_of_area', receivingCouncil: 'Hampshire' } },
  {
    type: 'CloseCase',
    data: { closedOn: on, reason: variant % 2 ? 'died' : 'other', reasonText: 'recorded' },
  },
  { type: 'CloseCase', data: { closedOn: on, reason: 'returned_to_school' } },
  { type: 'CloseCase', data: { closedOn: on, reason: 'end_of_compulsory_school_age' } },
  { type: 'ReopenCase', data: { reopenedOn: on, reason: 'home educated again' } },
];

const cmeActions = (on: string, variant: number): CmeCommandInput[] => [
  { type: 'EstablishWhereabouts', data: { establishedOn: on, whereabouts: { kind: 'in_area', address } } },
  {
    type: 'EstablishWhereabouts',
    data: {
      establishedOn: on,
      whereabouts: { kind: 'on_roll', school: { name: 'Bitterne Park' }, onRollFrom: on },
    },
  },
  {
    type: 'EstablishWhereabouts',
    data: {
      establishedOn: on,
      whereabouts:
        variant % 2
          ? { kind: 'other_council_area', council: 'Hampshire' }
          : { kind: 'abroad', confirmedBy: 'Home Office record' },
    },
  },
  { type: 'HandToAnotherCouncil', data: { handedOn: on, council: 'Hampshire' } },
  { type: 'CloseCase', data: { closedOn: on, destination: variant % 2 ? 'on_roll' : 'died' } },
  { type: 'ReopenCase', data: { reopenedOn: on, reason: 'missing again' } },
];

const arrangement = (on: string, variant: number) => ({
  kind: variant % 2 ? ('part_time_student' as const) : ('off_site_provision' as const),
  absentFor: 'some' as const,
  from: on,
  ...(variant % 3 === 0 ? { until: addCalendarDays(on, 20 + variant) } : {}),
});

const cnisActions = (on: string, variant: number): CnisCommand[] => [
  { type: 'ChangeArrangedAbsence', data: { arrangement: arrangement(on, variant) } },
  {
    type: 'EndArrangedAbsence',
    data: {
      lastDay: on,
      ...(variant % 2
        ? { reason: variant === 1 ? 'returned_full_time' : 'left_school' }
        : { reason: 'other', reasonText: 'recorded' }),
    },
  },
];

type Case =
  | {
      kind: 'cnis';
      caseId: string;
      dateOfBirth: string;
      state: ReturnType<typeof cnisDecider.initialState>;
      events: CnisEvent[];
    }
  | {
      kind: 'ehe';
      caseId: string;
      dateOfBirth: string;
      state: ReturnType<typeof eheDecider.initialState>;
      events: EheEvent[];
    }
  | {
      kind: 'cme';
      caseId: string;
      dateOfBirth?: string;
      state: ReturnType<typeof cmeDecider.initialState>;
      events: CmeEvent[];
    };

interface Step {
  caseIndex: number;
  action: number;
  variant: number;
  daysLater: number;
}

/** Runs the steps through the real deciders; a refused command appends nothing. */
function history(caseCount: number, steps: Step[]): Case[] {
  let on = '2026-06-01';
  const cases: Case[] = Array.from({ length: caseCount }, (_, index) => {
    const caseId = newCaseId();
    const dateOfBirth = birthDates[index % birthDates.length] as string;
    if (index % 2 === 0)
      return { kind: 'ehe', caseId, dateOfBirth, state: eheDecider.initialState(), events: [] };
    if (index % 4 === 3)
      return { kind: 'cnis', caseId, dateOfBirth, state: cnisDecider.initialState(), events: [] };
    // Every third CME child's date of birth is unknown: never shown eligible.
    return index % 3 === 0
      ? { kind: 'cme', caseId, state: cmeDecider.initialState(), events: [] }
      : { kind: 'cme', caseId, dateOfBirth, state: cmeDecider.initialState(), events: [] };
  });
  const run = (target: Case, command: EheCommandInput | CmeCommandInput | CnisCommand, day: string) => {
    try {
      if (target.kind === 'cnis') {
        const events = cnisDecider.decide(command as never, target.state, contextOn(day));
        for (const event of events) target.state = cnisDecider.evolve(target.state, event);
        target.events.push(...events);
      } else if (target.kind === 'ehe') {
        const events = eheDecider.decide(command as never, target.state, contextOn(day));
        for (const event of events) target.state = eheDecider.evolve(target.state, event);
        target.events.push(...events);
      } else {
        const events = cmeDecider.decide(command as never, target.state, contextOn(day));
        for (const event of events) target.state = cmeDecider.evolve(target.state, event);
        target.events.push(...events);
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  };
  for (const c of cases) {
    if (c.kind === 'ehe') {
      const child = {
        givenName: 'Amira',
        familyName: 'Khan',
        dateOfBirth: c.dateOfBirth,
        sex: 'F' as const,
        address,
      };
      run(c, eheReferral(c.caseId, { child }), on);
    } else if (c.kind === 'cnis') {
      const pupil = {
        givenName: 'Leo',
        familyName: 'Marsh',
        dateOfBirth: c.dateOfBirth,
        sex: 'M' as const,
        address,
      };
      const school = { name: 'Weston Lane School' };
      const data = {
        caseId: c.caseId,
        receivedOn: on,
        pupil,
        school,
        arrangement: arrangement(on, c.caseId.charCodeAt(0)),
      };
      run(c, { type: 'RecordArrangedAbsence', data }, on);
    } else {
      const child = {
        givenName: 'Maya',
        familyName: 'Okafor',
        sex: 'F' as const,
        address,
        ...(c.dateOfBirth ? { dateOfBirth: c.dateOfBirth } : {}),
      };
      run(c, cmeReferral(c.caseId, { child }), on);
      run(c, { type: 'AllocateCase', data: { officerId: 'officer-1', allocatedOn: on } }, on);
    }
  }
  for (const step of steps) {
    on = addCalendarDays(on, step.daysLater);
    const target = cases[step.caseIndex % caseCount] as Case;
    const actions =
      target.kind === 'ehe'
        ? eheActions(on, step.variant)
        : target.kind === 'cme'
          ? cmeActions(on, step.variant)
          : cnisActions(on, step.variant);
    run(target, actions[step.action % actions.length] as EheCommandInput | CmeCommandInput | CnisCommand, on);
  }
  return cases;
}

/**
 * An arranged-absence pupil's limb of condition C on `on`: the last arrangement (in the order recorded)
 * begun by then, unless its agreed last day or the end of the whole arrangement has passed.
 */
function arrangedLimbOn(events: readonly CnisEvent[], on: string): 'C(b)' | 'C(c)' | undefined {
  let limb: 'C(b)' | 'C(c)' | undefined;
  for (const event of events) {
    if (event.type === 'ArrangedAbsenceEnded') {
      if (event.data.lastDay < on) limb = undefined;
      continue;
    }
    const { from, until, kind } = event.data.arrangement;
    if (from > on) continue;
    limb = until !== undefined && until < on ? undefined : kind === 'part_time_student' ? 'C(c)' : 'C(b)';
  }
  return limb;
}

/** The conditions met, as the register names them, or undefined when the child is not eligible. */
function groundsOn(c: Case, on: string): string[] | undefined {
  if (c.kind !== 'cnis') return eligibleOn(c, on) ? ['A', 'B', 'C(a)'] : undefined;
  const limb = arrangedLimbOn(c.events, on);
  return limb && isOfCompulsorySchoolAge(c.dateOfBirth, on) ? ['A', 'B', limb] : undefined;
}

/** The reference: replay the events dated on or before `on`, in order, and ask A, B and C directly. */
function eligibleOn(c: Case & { kind: 'ehe' | 'cme' }, on: string): boolean {
  let inArea = false;
  let onRoll = false;
  for (const event of c.events as (EheEvent | CmeEvent)[]) {
    switch (event.type) {
      case 'EheReferralReceived':
        // Known from the later of the referral and the day home education began.
        if (event.data.receivedOn <= on && event.data.eheStartDate <= on) [inArea, onRoll] = [true, false];
        break;
      case 'ReturnedToSchool':
        if (event.data.startDate <= on) onRoll = true;
        break;
      case 'EheCaseClosed':
        if (event.data.closedOn <= on) {
          if (event.data.reason === 'returned_to_school') onRoll = true;
          else inArea = false;
        }
        break;
      case 'EheCaseReopened':
        if (event.data.reopenedOn <= on) [inArea, onRoll] = [true, false];
        break;
      case 'WhereaboutsEstablished': {
        const { whereabouts, establishedOn } = event.data;
        if (whereabouts.kind === 'on_roll') {
          if (whereabouts.onRollFrom <= on) onRoll = true;
        } else if (establishedOn <= on) {
          [inArea, onRoll] = whereabouts.kind === 'in_area' ? [true, false] : [false, onRoll];
        }
        break;
      }
      case 'CmeCaseHandedToAnotherCouncil':
        if (event.data.handedOn <= on) inArea = false;
        break;
      case 'CmeCaseReopened':
        if (event.data.reopenedOn <= on) inArea = false;
        break;
      case 'CmeCaseClosed':
        if (event.data.closedOn <= on) {
          if (event.data.destination === 'on_roll') onRoll = true;
          else inArea = false;
        }
        break;
    }
  }
  const ofAge = c.dateOfBirth !== undefined && isOfCompulsorySchoolAge(c.dateOfBirth, on);
  return inArea && !onRoll && ofAge;
}

const stepArbitrary = fc.record({
  caseIndex: fc.nat({ max: 7 }),
  action: fc.nat({ max: 5 }),
  variant: fc.nat({ max: 3 }),
  daysLater: fc.nat({ max: 9 }),
});

describe('the register equals the children satisfying A–C', () => {
  it('on any date, computed independently from the case histories', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(stepArbitrary, { maxLength: 60 }),
        fc.array(fc.integer({ min: -20, max: 420 }), { minLength: 1, maxLength: 6 }),
        (caseCount, steps, offsets) => {
          const cases = history(caseCount, steps);
          const log = createLog();
          for (const c of cases) {
            if (c.kind === 'ehe') log.add(`ehe-${c.caseId}`, toNewEvents(c.events, 'ehe'));
            else if (c.kind === 'cme') log.add(`cme-${c.caseId}`, toNewEvents(c.events, 'cme'));
            else log.add(`cnis-${c.caseId}`, toNewEvents(c.events, 'cnis'));
          }
          const { query } = viewsOf(log.recorded, '2026-06-01');
          for (const offset of offsets) {
            const on = addCalendarDays('2026-06-01', offset);
            const expected = cases.flatMap((c) => {
              const grounds = groundsOn(c, on);
              return grounds
                ? [{ caseId: c.caseId, grounds, standing: c.kind === 'cme' ? 'candidate' : 'entry' }]
                : [];
            });
            const entries = query.register.on({ on });
            const shown = entries.map(({ caseId, grounds, standing }) => ({ caseId, grounds, standing }));
            const byId = (a: { caseId: string }, b: { caseId: string }) => a.caseId.localeCompare(b.caseId);
            expect(shown.sort(byId)).toEqual(expected.sort(byId));
          }
        },
      ),
      { numRuns: 150, seed: 1818 },
    );
  });
});
