import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOfCompulsorySchoolAge } from '../../src/domain/calendar/index.js';
import { createLog, eheReferral, newCaseId, viewsOf } from './fixtures.js';

/**
 * Children referred on 1 September 2026 and home educated all year, each born on a date where the census
 * definitions turn: compulsory school age begins on the prescribed day (31 December, 31 March, 31 August) on
 * or after the fifth birthday (EA 1996 s.8(2)) and ends at the end of the school leaving date (s.8(3)).
 */
const children = {
  bornLastOfAugust2022: '2022-08-31', // Reception from September 2026, of school age only from 31 August 2027
  bornFirstOfSeptember2021: '2021-09-01', // Reception 2026/27, of school age from 31 December 2026
  bornNewYearsEve2021: '2021-12-31', // five on a prescribed day: of school age that day
  bornLeapDay2020: '2020-02-29', // Year 2
  bornLastOfAugust2010: '2010-08-31', // left at the end of Friday 26 June 2026
  bornFirstOfSeptember2010: '2010-09-01', // Year 11, leaves at the end of Friday 25 June 2027
};

function council() {
  let log = createLog();
  for (const dateOfBirth of Object.values(children)) {
    const caseId = newCaseId();
    const referral = eheReferral(caseId, { receivedOn: '2026-09-01', eheStartDate: '2026-09-01' });
    const data = referral.data as { child: Record<string, unknown> };
    data.child = { ...data.child, dateOfBirth };
    log = log.ehe(caseId, [[referral, '2026-09-01']]);
  }
  return viewsOf(log.recorded, '2027-09-01').query.statistics;
}

describe('the DfE return counts children of compulsory school age on the census date', () => {
  const statistics = council();

  it.each([
    ['autumn', '2026-10-01', { 'Year 2': 1, 'Year 11': 1 }],
    ['spring', '2027-01-21', { Reception: 2, 'Year 2': 1, 'Year 11': 1 }],
    ['summer', '2027-05-20', { Reception: 2, 'Year 2': 1, 'Year 11': 1 }],
  ])(
    '%s census (%s): no Reception child before 31 December, nobody past the leaving date',
    (_, census, groups) => {
      const figures = statistics.dfeReturn(census, 'raw');
      expect(figures.ehe.byYearGroup).toEqual(groups);
      expect(figures.ehe.total).toBe(Object.values(groups).reduce((sum, n) => sum + n, 0));
    },
  );

  it('after the school leaving date of Year 11 (Friday 25 June 2027) the Year 11 child no longer counts', () => {
    expect(statistics.dfeReturn('2027-06-25', 'raw').ehe.byYearGroup).toMatchObject({ 'Year 11': 1 });
    expect(statistics.dfeReturn('2027-06-28', 'raw').ehe.byYearGroup).not.toHaveProperty('Year 11');
  });

  it('"at any point" in 2026-27 counts a child of school age on any day the case was open, the last day too', () => {
    // The child born 31 August 2022 is of school age on 31 August 2027, the year's last day; the child born
    // 31 August 2010 left before the year began.
    expect(statistics.academicYear('2026-27').ehe.atAnyPoint).toBe(5);
  });

  it('never counts a child outside compulsory school age, and the year groups sum to the total', () => {
    const census = fc.integer({ min: 0, max: 364 }).map((n) => {
      const day = new Date(Date.UTC(2026, 8, 1 + n));
      return day.toISOString().slice(0, 10);
    });
    fc.assert(
      fc.property(census, (date) => {
        const figures = statistics.dfeReturn(date, 'raw');
        const ofAge = Object.values(children).filter((dob) => isOfCompulsorySchoolAge(dob, date)).length;
        expect(figures.ehe.total).toBe(ofAge);
        const groups = Object.values(figures.ehe.byYearGroup) as number[];
        expect(groups.reduce((sum, n) => sum + n, 0)).toBe(figures.ehe.total);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a start counts from the date home education began when that is later than the referral', () => {
  const caseId = newCaseId();
  // The parent wrote in August that the child would be home educated from the first week of term.
  const referral = eheReferral(caseId, { receivedOn: '2026-08-20', eheStartDate: '2026-09-07' });
  const { statistics } = viewsOf(
    createLog().ehe(caseId, [[referral, '2026-08-20']]).recorded,
    '2026-10-01',
  ).query;

  it('is not in a census before that date, and is one after it', () => {
    expect(statistics.dfeReturn('2026-09-01', 'raw').ehe.total).toBe(0);
    expect(statistics.dfeReturn('2026-09-10', 'raw').ehe.total).toBe(1);
  });

  it("is a start of the academic year in which home education began, not the referral's", () => {
    expect(statistics.academicYear('2025-26').ehe.starts).toBe(0);
    expect(statistics.academicYear('2026-27').ehe.starts).toBe(1);
  });
});

describe('home education judged unsuitable counts as CME in the return (CME statutory guidance 2025)', () => {
  const caseId = newCaseId();
  const judge = (judgedOn: string, outcome: 'appears_unsuitable' | 'suitable') =>
    [
      { type: 'JudgeSuitability', data: { judgedOn, outcome, rationale: 'from the evidence' } },
      judgedOn,
    ] as const;
  const log = createLog().ehe(caseId, [
    [eheReferral(caseId, { receivedOn: '2026-09-01', eheStartDate: '2026-09-01' }), '2026-09-01'],
    [{ type: 'AllocateCase', data: { officerId: 'officer-1', allocatedOn: '2026-09-02' } }, '2026-09-02'],
    [...judge('2026-10-05', 'appears_unsuitable')],
    [...judge('2027-02-01', 'suitable')],
  ]);
  const { statistics } = viewsOf(log.recorded, '2027-03-01').query;

  it('from the day of the judgement the child is counted once, as CME, while the EHE case stays open', () => {
    expect(statistics.dfeReturn('2026-10-01', 'raw')).toMatchObject({ ehe: { total: 1 }, cme: { total: 0 } });
    const autumn = statistics.dfeReturn('2026-10-05', 'raw');
    expect(autumn.ehe.total).toBe(0);
    expect(autumn.cme).toMatchObject({
      total: 1,
      fromUnsuitableEhe: 1,
      bySource: { ehe_judged_unsuitable: 1 },
    });
  });

  it('until the council finds the education suitable again', () => {
    expect(statistics.dfeReturn('2027-02-01', 'raw')).toMatchObject({
      ehe: { total: 1 },
      cme: { total: 0, fromUnsuitableEhe: 0 },
    });
  });
});
