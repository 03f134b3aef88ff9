import { describe, expect, it } from 'vitest';
import type { EheCommand } from '../../src/domain/ehe/index.js';
import * as cme from './cme/fixtures.js';
import * as ehe from './ehe/fixtures.js';
import { orderServedOn, springReferral, springRoute } from './ehe/sao-route.js';

/**
 * EA 1996 s.8(3)-(4): a child ceases to be of compulsory school age at the end of the school leaving date, the
 * last Friday in June of the school year in which they turn 16. Children referred on 1 June 2026, asked about
 * on the 2026-27 census days (autumn, spring, summer) and the Monday after the 2027 leaving date.
 */
const children = [
  // born, leaving date (s.8(4)), closed on (the day after)
  ['2010-08-31', '2026-06-26', '2026-06-27'], // 16 on 31 August 2026: leaves in the 2025-26 school year
  ['2010-09-01', '2027-06-25', '2027-06-26'], // 16 on 1 September 2026: the oldest of the next cohort
  ['2010-12-31', '2027-06-25', '2027-06-26'],
  ['2012-02-29', '2028-06-30', '2028-07-01'], // 16 on 29 February 2028
] as const;
const days = ['2026-10-01', '2027-01-21', '2027-05-20', '2027-06-28'] as const;
/** Each child swept on each day: the day it closes on, or undefined while still of school age. */
const table = children.flatMap(([born, leaving, closedOn]) =>
  days.map((day) => [born, day, leaving, day > leaving ? closedOn : undefined] as const),
);
const at = (day: string) => ehe.on(`${day}T09:00:00Z`);
const sweepEhe = (leavingDate: string): EheCommand =>
  ehe.command({ type: 'CloseAtEndOfSchoolAge', data: { leavingDate } });

describe('an EHE case closes once its child has passed the school leaving date (EA 1996 s.8(3))', () => {
  it.each(table)('born %s, swept on %s (leaving date %s): closed on %s', (born, day, leaving, closedOn) => {
    const child = { ...(ehe.referral().data as { child: object }).child, dateOfBirth: born };
    const { events } = ehe.history(ehe.referral({ child } as never));
    const decided = ehe.given(events).when(sweepEhe(leaving), at(day)).events();
    if (closedOn === undefined) return expect(decided).toEqual([]);
    expect(decided).toEqual([
      {
        type: 'EheCaseClosed',
        data: {
          closedOn,
          reason: 'end_of_compulsory_school_age',
          reasonText: `The school leaving date was ${leaving} (EA 1996 s.8(3)); closed by the daily sweep.`,
          closedBy: 'manager-1',
        },
      },
    ]);
  });

  it('on the leaving date itself the child is still of school age: nothing closes', () => {
    const child = { ...(ehe.referral().data as { child: object }).child, dateOfBirth: '2010-08-31' };
    const { events } = ehe.history(ehe.referral({ child } as never));
    ehe.given(events).when(sweepEhe('2026-06-26'), at('2026-06-26')).then([]);
  });

  it('a date of birth corrected since the sweep read it closes nothing', () => {
    const { events } = ehe.history(ehe.referral());
    ehe.given(events).when(sweepEhe('2026-06-26'), at('2026-10-01')).then([]);
  });

  const leaver = springReferral('2010-08-31');
  const spring = ehe.on('2026-05-01T09:00:00Z');
  const toOrder = [...springRoute, orderServedOn('2026-04-14')].map((s): [EheCommand, typeof spring] => [
    s,
    spring,
  ]);

  it('an order still in force is recorded as lapsed (s.437(4)) before the case closes', () => {
    const { events } = ehe.history(leaver, ...toOrder);
    const decided = ehe.given(events).when(sweepEhe('2026-06-26'), at('2026-06-29')).events();
    expect(decided.map((e) => e.type)).toEqual(['SchoolAttendanceOrderLapsed', 'EheCaseClosed']);
    expect(decided[0]?.data).toMatchObject({ inForceUntil: '2026-06-26', legalBasis: 'EA1996_s437_4' });
  });

  it('not while a s.443 prosecution is pending: the case stays open for the court', () => {
    const prosecution = [
      ehe.command({
        type: 'ConsiderEso',
        data: { consideredOn: '2026-05-01', decision: 'prosecute', rationale: 'none' },
      }),
      ehe.command({
        type: 'StartProsecution',
        data: { startedOn: '2026-05-01', offencePeriod: { from: '2026-04-20', to: '2026-04-30' } },
      }),
    ].map((s): [EheCommand, typeof spring] => [s, spring]);
    const { events } = ehe.history(leaver, ...toOrder, ...prosecution);
    ehe.given(events).when(sweepEhe('2026-06-26'), at('2026-06-29')).then([]);
  });

  it('a closed case decides nothing, however often the sweep asks', () => {
    const child = { ...(ehe.referral().data as { child: object }).child, dateOfBirth: '2010-08-31' };
    const { events } = ehe.history(ehe.referral({ child } as never), [
      sweepEhe('2026-06-26'),
      at('2026-06-29'),
    ]);
    ehe.given(events).when(sweepEhe('2026-06-26'), at('2026-06-30')).then([]);
  });
});

describe('a CME case closes once its child has passed the school leaving date, traced or not (s.436A)', () => {
  const sweepCme = (leavingDate: string) => cme.command('CloseAtEndOfSchoolAge', { leavingDate });
  it.each(table)('born %s, swept on %s (leaving date %s): closed on %s', (born, day, leaving, closedOn) => {
    const child = { ...cme.referralData.child, dateOfBirth: born };
    const events = cme.history([
      cme.referral({ child, receivedOn: '2026-06-01' }),
      { now: new Date('2026-06-01T10:00:00Z') },
    ]);
    const decided = cme
      .given(events)
      .when(sweepCme(leaving), { now: new Date(`${day}T09:00:00Z`) })
      .events();
    if (closedOn === undefined) return expect(decided).toEqual([]);
    expect(decided).toEqual([
      {
        type: 'CmeCaseClosed',
        data: {
          closedOn,
          destination: 'end_of_compulsory_school_age',
          reasonText: `The school leaving date was ${leaving} (EA 1996 s.8(3)); closed by the daily sweep.`,
          legalBasis: 'EA1996_s436A',
          decidedBy: cme.context.actor.id,
        },
      },
    ]);
  });

  it('a child with no known date of birth is never closed for age', () => {
    const { dateOfBirth: _, ...child } = cme.referralData.child;
    const events = cme.history(cme.referral({ child }));
    cme
      .given(events)
      .when(sweepCme('2026-06-26'), { now: new Date('2027-09-01T09:00:00Z') })
      .then([]);
  });
});
