import { describe, expect, it } from 'vitest';
import {
  type ChildFacts,
  eligibilityOn,
  type SchoolRegistration,
} from '../../../src/domain/register/eligibility.js';

// Born 15 April 2021: fifth birthday after 31 March 2026, so compulsory school age starts 31 August 2026.
const youngest = '2021-04-15';
// Born 1 May 2010: sixteen in 2026, leaving date the last Friday in June 2026, Friday 26 June.
const leaver = '2010-05-01';
// Born 3 March 2014: of compulsory school age throughout 2026.
const midSchool = '2014-03-03';

const inArea = [{ from: '2026-01-01' }];
const notRegistered = (dateOfBirth: string): ChildFacts => ({
  dateOfBirth,
  livesInArea: inArea,
  registrations: [],
});

const fullTime = (from: string, to?: string): SchoolRegistration => ({
  school: 'Redbridge Community School',
  kind: 'school',
  attendance: 'full_time',
  arrangements: [],
  from,
  ...(to ? { to } : {}),
});

describe('condition B: compulsory school age (s.436B(4), EA 1996 s.8)', () => {
  it.each([
    [youngest, '2026-08-30', false, 'below_compulsory_school_age', 'the day before the prescribed day'],
    [youngest, '2026-08-31', true, undefined, 'the prescribed day after the fifth birthday'],
    [leaver, '2026-06-26', true, undefined, 'the school leaving date itself'],
    [leaver, '2026-06-27', false, 'above_compulsory_school_age', 'the day after the school leaving date'],
  ])('born %s, on %s: eligible %s (%s; %s)', (dateOfBirth, on, eligible, notMet, _why) => {
    const answer = eligibilityOn(notRegistered(dateOfBirth), on);
    expect(answer.eligible).toBe(eligible);
    expect(answer.notMet).toEqual(notMet ? [notMet] : []);
    expect(answer.grounds).toEqual(eligible ? ['A', 'B', 'C(a)'] : ['A', 'C(a)']);
  });

  it('a child whose date of birth is unknown cannot be shown to meet condition B', () => {
    const answer = eligibilityOn({ livesInArea: inArea, registrations: [] }, '2026-09-01');
    expect(answer).toMatchObject({
      eligible: false,
      notMet: ['date_of_birth_unknown'],
      grounds: ['A', 'C(a)'],
    });
  });
});

describe('condition A: lives in the area (s.436B(3))', () => {
  const moving: ChildFacts = {
    dateOfBirth: midSchool,
    livesInArea: [{ from: '2026-03-10', to: '2026-05-31' }, { from: '2026-09-15' }],
    registrations: [],
  };
  it.each([
    ['2026-03-09', false, 'the day before moving in'],
    ['2026-03-10', true, 'the day of moving in'],
    ['2026-05-31', true, 'the last day in the area'],
    ['2026-06-01', false, 'the day after moving away'],
    ['2026-09-15', true, 'moved back'],
  ])('on %s eligible %s (%s)', (on, eligible) => {
    const answer = eligibilityOn(moving, on);
    expect(answer.eligible).toBe(eligible);
    expect(answer.notMet).toEqual(eligible ? [] : ['not_living_in_area']);
  });
});

describe('condition C (s.436B(5))', () => {
  it('C(a): a child on no roll is eligible', () => {
    expect(eligibilityOn(notRegistered(midSchool), '2026-10-01')).toMatchObject({
      eligible: true,
      grounds: ['A', 'B', 'C(a)'],
    });
  });

  it('a full-time registered pupil meets no limb of C, from the first day on roll and not before', () => {
    const facts: ChildFacts = { ...notRegistered(midSchool), registrations: [fullTime('2026-10-05')] };
    expect(eligibilityOn(facts, '2026-10-04').grounds).toEqual(['A', 'B', 'C(a)']);
    expect(eligibilityOn(facts, '2026-10-05')).toMatchObject({
      eligible: false,
      notMet: ['registered_at_relevant_school'],
    });
  });

  it('leaving the roll makes the child eligible under C(a) the next day', () => {
    const facts: ChildFacts = {
      ...notRegistered(midSchool),
      registrations: [fullTime('2025-09-01', '2026-02-13')],
    };
    expect(eligibilityOn(facts, '2026-02-13').eligible).toBe(false);
    expect(eligibilityOn(facts, '2026-02-14').grounds).toEqual(['A', 'B', 'C(a)']);
  });

  describe('C(b): the school arranged or agreed education elsewhere with absence', () => {
    const partTimeTimetable: ChildFacts = {
      ...notRegistered(midSchool),
      registrations: [
        {
          ...fullTime('2025-09-01'),
          arrangements: [{ from: '2026-01-05', to: '2026-03-27', absence: 'some' }],
        },
      ],
    };
    it.each([
      ['2026-01-04', false, 'before the part-time timetable starts'],
      ['2026-01-05', true, 'its first day'],
      ['2026-03-27', true, 'its last day'],
      ['2026-03-28', false, 'once it has ended: back full time'],
    ])('on %s eligible %s (%s)', (on, eligible) => {
      const answer = eligibilityOn(partTimeTimetable, on);
      expect(answer.eligible).toBe(eligible);
      expect(answer.grounds).toEqual(eligible ? ['A', 'B', 'C(b)'] : ['A', 'B']);
    });

    it('off-site provision for all of the time is C(b) as well', () => {
      const offSite: ChildFacts = {
        ...notRegistered(midSchool),
        registrations: [
          { ...fullTime('2025-09-01'), arrangements: [{ from: '2025-09-01', absence: 'all' }] },
        ],
      };
      expect(eligibilityOn(offSite, '2026-05-01').grounds).toEqual(['A', 'B', 'C(b)']);
    });
  });

  describe('C(c): a part-time student at a (7)(d) institution and at no other relevant school', () => {
    const student = (attendance: 'part_time' | 'full_time'): SchoolRegistration => ({
      school: 'Redbridge College',
      kind: 'section436B7d',
      attendance,
      arrangements: [],
      from: '2025-09-01',
    });
    it('part time there only: eligible under C(c)', () => {
      const facts: ChildFacts = { ...notRegistered(leaver), registrations: [student('part_time')] };
      expect(eligibilityOn(facts, '2026-01-15').grounds).toEqual(['A', 'B', 'C(c)']);
    });
    it('full time there: not eligible', () => {
      const facts: ChildFacts = { ...notRegistered(leaver), registrations: [student('full_time')] };
      expect(eligibilityOn(facts, '2026-01-15').eligible).toBe(false);
    });
    it('part time there but also a registered pupil at a school: not C(c)', () => {
      const facts: ChildFacts = {
        ...notRegistered(leaver),
        registrations: [student('part_time'), fullTime('2025-09-01')],
      };
      expect(eligibilityOn(facts, '2026-01-15')).toMatchObject({
        eligible: false,
        notMet: ['registered_at_relevant_school'],
      });
    });
    it('part time at an institution not recorded as (7)(d): not C(c)', () => {
      const facts: ChildFacts = {
        ...notRegistered(leaver),
        registrations: [{ ...student('part_time'), kind: 'school' }],
      };
      expect(eligibilityOn(facts, '2026-01-15').eligible).toBe(false);
    });
  });
});

it('every failing condition is named, not just the first', () => {
  const facts: ChildFacts = {
    dateOfBirth: youngest,
    livesInArea: [],
    registrations: [fullTime('2026-01-01')],
  };
  expect(eligibilityOn(facts, '2026-06-01').notMet).toEqual([
    'not_living_in_area',
    'below_compulsory_school_age',
    'registered_at_relevant_school',
  ]);
});
