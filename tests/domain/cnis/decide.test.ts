import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../src/domain/calendar/index.js';
import { type CnisCommand, type CnisEvent, cnisDecider } from '../../../src/domain/cnis/index.js';
import type { DecideContext } from '../../../src/domain/context.js';
import { defaultPolicy } from '../../../src/domain/policy.js';
import { scenarios } from '../given.js';

/** Monday 23 November 2026 in London; the register not yet commenced (defaultPolicy). */
const context: DecideContext = {
  now: new Date('2026-11-23T10:00:00Z'),
  policy: defaultPolicy,
  calendar: createCalendar(),
  actor: { id: 'school-eastmere', role: 'referrer' },
};
const { given } = scenarios(cnisDecider, context);
const commenced = (on: string) => ({
  policy: { ...defaultPolicy, commencement: { ...defaultPolicy.commencement, cnisRegister: on } },
});

const caseId = '3f6c2d1a-8b47-4e09-a5d2-7c1e9b0f4a36';
const pupil = {
  givenName: 'Maya',
  familyName: 'Okafor',
  dateOfBirth: '2016-03-02',
  sex: 'F' as const,
  address: { lines: ['14 Chapel Lane'], town: 'Eastmere', postcode: 'SO19 9QA' },
};
const flexi = { kind: 'flexi_schooling' as const, absentFor: 'some' as const, from: '2026-11-02' };
const report = {
  caseId,
  receivedOn: '2026-11-20',
  pupil,
  school: { name: 'Eastmere Primary School', urn: '116402' },
  arrangement: flexi,
};
const record: CnisCommand = { type: 'RecordArrangedAbsence', data: report };
const recorded: CnisEvent = {
  type: 'ArrangedAbsenceRecorded',
  data: { ...report, basis: 'voluntary', legalBasis: 'CWSA2026_s436B' },
};

describe("a school's arranged-absence report (EA 1996 s.436B(5)(b)-(c))", () => {
  it('is recorded as voluntary before the register commences', () => {
    given().when(record).then([recorded]);
  });

  it('is recorded under the duty once the register has commenced', () => {
    const [event] = given().when(record, commenced('2026-09-01')).thenAccepted();
    expect(event?.data).toMatchObject({ basis: 'statutory', legalBasis: 'CWSA2026_s436B' });
  });

  it('is refused for a pupil already past compulsory school age (s.436B(4))', () => {
    const old = { ...pupil, dateOfBirth: '2009-06-01' };
    given()
      .when({ type: 'RecordArrangedAbsence', data: { ...report, pupil: old } })
      .then('not_of_compulsory_school_age', 'pupil.dateOfBirth');
  });

  it('is recorded once', () => {
    given([recorded]).when(record).then('case_already_exists');
  });
});

describe('a change to the arrangement', () => {
  const partTime = { ...flexi, kind: 'part_time_timetable' as const, from: '2026-11-16' };

  it('applies from its own first day', () => {
    given([recorded])
      .when({ type: 'ChangeArrangedAbsence', data: { arrangement: partTime } })
      .then([
        {
          type: 'ArrangedAbsenceChanged',
          data: { arrangement: partTime, basis: 'voluntary', legalBasis: 'CWSA2026_s436B' },
        },
      ]);
  });

  it('cannot start before the arrangement it changes', () => {
    given([recorded])
      .when({ type: 'ChangeArrangedAbsence', data: { arrangement: { ...partTime, from: '2026-10-30' } } })
      .then('date_before_previous_step', 'arrangement.from');
  });
});

describe('the end of the arrangement', () => {
  const end = (reason: 'returned_full_time' | 'other', reasonText?: string): CnisCommand => ({
    type: 'EndArrangedAbsence',
    data: { lastDay: '2026-11-20', reason, ...(reasonText ? { reasonText } : {}) },
  });

  it('ends the entry; nothing further can change it', () => {
    const ended = given([recorded]).when(end('returned_full_time')).thenAccepted();
    expect(ended[0]?.type).toBe('ArrangedAbsenceEnded');
    given([recorded, ...ended])
      .when(end('returned_full_time'))
      .then('case_closed');
  });

  it('for another reason says why', () => {
    given([recorded]).when(end('other')).then('reason_text_required', 'reasonText');
  });

  it('cannot come before the arrangement began', () => {
    given([recorded])
      .when({ type: 'EndArrangedAbsence', data: { lastDay: '2026-10-01', reason: 'left_school' } })
      .then('date_before_previous_step', 'lastDay');
  });

  it('needs an arrangement to end', () => {
    given().when(end('returned_full_time')).then('case_not_found');
  });
});
