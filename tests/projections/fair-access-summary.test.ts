import { describe, expect, it } from 'vitest';
import type { CmeCommandInput } from '../../src/domain/cme/index.js';
import type { Step } from './fixtures.js';
import { address, allocateCme, cmeReferral, createLog, newCaseId, viewsOf } from './fixtures.js';

const school = { name: "Oasis Academy Lord's Hill", urn: '135961' };

function summaryOn(today: string, ...more: Step<CmeCommandInput>[]) {
  const caseId = newCaseId();
  const log = createLog().cme(caseId, [
    [cmeReferral(caseId), '2026-06-01'],
    [allocateCme('officer-1'), '2026-06-02'],
    [
      {
        type: 'EstablishWhereabouts',
        data: { establishedOn: '2026-06-03', whereabouts: { kind: 'in_area', address } },
      },
      '2026-06-03',
    ],
    [{ type: 'ReferToFairAccess', data: { referredOn: '2026-06-04' } }, '2026-06-04'],
    [{ type: 'AgreeFairAccessConsideration', data: { agreedOn: '2026-06-09' } }, '2026-06-09'],
    ...more,
  ]);
  return viewsOf(log.recorded, today).query.caseSummary.get(caseId);
}

describe("a CME case's summary shows where its Fair Access referral stands", () => {
  it('the day agreed and the place due within 20 school days of it', () => {
    // Without term dates school days are working days: 20 after Tuesday 9 June is Tuesday 7 July.
    expect(summaryOn('2026-06-10')?.fairAccess).toEqual({
      referredOn: '2026-06-04',
      agreedOn: '2026-06-09',
      placeDueBy: '2026-07-07',
    });
  });

  it('the place allocated, with nothing more due', () => {
    const allocated: Step<CmeCommandInput> = [
      { type: 'RecordFairAccessPlaceAllocated', data: { allocatedOn: '2026-06-19', school } },
      '2026-06-19',
    ];
    const summary = summaryOn('2026-06-22', allocated);
    expect(summary?.fairAccess).toEqual({
      referredOn: '2026-06-04',
      agreedOn: '2026-06-09',
      place: { allocatedOn: '2026-06-19', school },
    });
    expect(summary?.clocks.map((c) => c.clock)).not.toContain('fairAccessPlacement');
  });
});
