import { describe, expect, it } from 'vitest';
import { roundReport } from '../../src/projections/rounding.js';
import { createLog, eheReferral, newCaseId, viewsOf } from './fixtures.js';

/**
 * What the councils' committees read (issue 15 item 11): EHE as a share of the school population by academic
 * year (a policy setting per year), reasons by year group, rates per 100 pupils; and the same rounding option
 * as the DfE return (item 5). Four children home educated from 1 September 2026.
 */
const children = [
  ['2015-08-31', 'mental_health'], // Year 7 in 2026-27
  ['2015-09-01', 'mental_health'], // Year 6: the oldest of the next cohort
  ['2015-12-31', 'lifestyle'], // Year 6
  ['2016-02-29', 'lifestyle'], // Year 6
] as const;
const schoolPopulation = { '2025-26': 290, '2026-27': 300, '2027-28': 310 };

function council() {
  let log = createLog();
  for (const [dateOfBirth, reason] of children) {
    const caseId = newCaseId();
    const referral = eheReferral(caseId, {
      receivedOn: '2026-09-01',
      eheStartDate: '2026-09-01',
      primaryReason: { code: reason },
    });
    const data = referral.data as { child: Record<string, unknown> };
    data.child = { ...data.child, dateOfBirth };
    log = log.ehe(caseId, [[referral, '2026-09-01']]);
  }
  return viewsOf(log.recorded, '2027-09-01').query.statistics;
}

describe('committee figures per 100 pupils of the school population the policy gives', () => {
  const statistics = council();

  it.each([
    ['autumn', '2026-10-01'],
    ['spring', '2027-01-21'],
    ['summer', '2027-05-20'],
  ])('a period ending on the %s census (%s): 4 open of 300 pupils is 1.33 per 100', (_, to) => {
    const { rates } = statistics.committee('2026-09-01', to, schoolPopulation);
    expect(rates).toEqual({
      academicYear: '2026-27',
      schoolPopulation: 300,
      eheOpenAtEndPer100Pupils: 1.33,
      cmeOpenAtEndPer100Pupils: 0,
      // The years the policy gives up to the period's own; none later.
      eheShareByAcademicYear: [
        { academicYear: '2025-26', schoolPopulation: 290, eheAtAnyPoint: 0, eheAtAnyPointPer100Pupils: 0 },
        { academicYear: '2026-27', schoolPopulation: 300, eheAtAnyPoint: 4, eheAtAnyPointPer100Pupils: 1.33 },
      ],
    });
  });

  it('without a population for the year the rates are null, not zero', () => {
    const { rates } = statistics.committee('2026-09-01', '2027-05-20', { '2025-26': 290 });
    expect(rates).toMatchObject({ schoolPopulation: null, eheOpenAtEndPer100Pupils: null });
    expect(statistics.academicYear('2026-27', {})).toMatchObject({
      schoolPopulation: null,
      ehe: { atAnyPointPer100Pupils: null },
    });
  });

  it('the academic year report gives EHE at any point per 100 pupils', () => {
    expect(statistics.academicYear('2026-27', schoolPopulation).ehe).toMatchObject({
      atAnyPoint: 4,
      atAnyPointPer100Pupils: 1.33,
    });
  });

  it('reasons by year group: the year group at referral, each with its primary reasons', () => {
    const { ehe } = statistics.committee('2026-09-01', '2027-05-20', schoolPopulation);
    expect(ehe.primaryReasonByYearGroup).toEqual({
      'Year 7': { mental_health: 1 },
      'Year 6': { mental_health: 1, lifestyle: 2 },
    });
  });
});

describe('rounding=published on the academic-year and committee reports: counts only', () => {
  const statistics = council();

  it('rounds counts as the DfE publishes them, never the rates, averages or the population', () => {
    const raw = statistics.committee('2026-09-01', '2027-05-20', schoolPopulation);
    const published = roundReport(raw, 'published');
    expect(published.ehe.openAtEnd).toBe('low');
    expect(published.ehe.primaryReasonByYearGroup).toEqual({
      'Year 7': { mental_health: 'low' },
      'Year 6': { mental_health: 'low', lifestyle: 'low' },
    });
    expect(published.rates).toMatchObject({ schoolPopulation: 300, eheOpenAtEndPer100Pupils: 1.33 });
    expect(published.ehe.firstContact.rate).toBe(raw.ehe.firstContact.rate);
    expect(roundReport(raw, 'raw')).toEqual(raw);
    const year = roundReport(statistics.academicYear('2026-27', schoolPopulation), 'published');
    expect(year.ehe).toMatchObject({ atAnyPoint: 'low', atAnyPointPer100Pupils: 1.33 });
  });
});
