import { describe, expect, it } from 'vitest';
import { cmeReferral, createLog, eheReferral, newCaseId, viewsOf } from './fixtures.js';

/**
 * An EHE case reclassified as CME stays open (its School Attendance Order route goes on) while a CME case is
 * opened beside it: the DfE return counts the child once, as CME. Four children home educated from
 * 1 September 2026, judged unsuitable on 5 October and reclassified on 4 January 2027.
 */
const born = ['2015-08-31', '2015-09-01', '2015-12-31', '2016-02-29'];

function council() {
  let log = createLog();
  for (const dateOfBirth of born) {
    const [eheCaseId, cmeCaseId] = [newCaseId(), newCaseId()];
    const referral = eheReferral(eheCaseId, { receivedOn: '2026-09-01', eheStartDate: '2026-09-01' });
    const data = referral.data as { child: Record<string, unknown> };
    data.child = { ...data.child, dateOfBirth };
    log = log.ehe(eheCaseId, [
      [referral, '2026-09-01'],
      [{ type: 'AllocateCase', data: { officerId: 'officer-1', allocatedOn: '2026-09-02' } }, '2026-09-02'],
      [
        {
          type: 'JudgeSuitability',
          data: { judgedOn: '2026-10-05', outcome: 'appears_unsuitable', rationale: 'no evidence' },
        },
        '2026-10-05',
      ],
      [
        {
          type: 'ReclassifyAsCme',
          data: { reclassifiedOn: '2027-01-04', cmeCaseId, reason: 'education unsuitable, no school' },
        },
        '2027-01-04',
      ],
    ]);
    const cme = cmeReferral(cmeCaseId, {
      receivedOn: '2027-01-04',
      source: 'ehe_judged_unsuitable',
      eheCaseId,
    });
    (cme.data as { child: Record<string, unknown> }).child.dateOfBirth = dateOfBirth;
    log = log.cme(cmeCaseId, [[cme, '2027-01-04']]);
  }
  return viewsOf(log.recorded, '2027-09-01').query.statistics;
}

describe('a reclassified EHE case and its CME case count the child once, as CME', () => {
  const statistics = council();

  it.each([
    ['autumn', '2026-10-01', { ehe: 4, cme: 0, fromUnsuitableEhe: 0 }],
    ['spring', '2027-01-21', { ehe: 0, cme: 4, fromUnsuitableEhe: 0 }],
    ['summer', '2027-05-20', { ehe: 0, cme: 4, fromUnsuitableEhe: 0 }],
  ])('%s census (%s)', (_, census, expected) => {
    const figures = statistics.dfeReturn(census, 'raw');
    expect({
      ehe: figures.ehe.total,
      cme: figures.cme.total,
      fromUnsuitableEhe: figures.cme.fromUnsuitableEhe,
    }).toEqual(expected);
  });

  it('between the judgement and the reclassification the EHE case alone counts, as CME', () => {
    expect(statistics.dfeReturn('2026-12-01', 'raw').cme).toMatchObject({ total: 4, fromUnsuitableEhe: 4 });
  });
});
