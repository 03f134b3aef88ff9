import { describe, expect, it } from 'vitest';
import type { CmeCommandInput } from '../../src/domain/cme/index.js';
import type { Step } from './fixtures.js';
import { allocateCme, cmeReferral, createLog, newCaseId, viewsOf } from './fixtures.js';

const school = { name: 'Weston Lane School', urn: '116412' };
const returnId = '2f4e6d8c-0a1b-4c3d-9e5f-7a6b5c4d3e2f';
const foundByReturn: Step<CmeCommandInput> = [
  {
    type: 'RecordFoundOnRollByReturn',
    data: { returnId, school, onRollFrom: '2026-09-14', receivedOn: '2026-09-16', matchedOn: 'upn' },
  },
  '2026-09-16',
];

function matchedCase(...more: Step<CmeCommandInput>[]) {
  const caseId = newCaseId();
  const log = createLog().cme(caseId, [
    [cmeReferral(caseId, { receivedOn: '2026-09-07' }), '2026-09-07'],
    [allocateCme('officer-1', '2026-09-08'), '2026-09-08'],
    foundByReturn,
    ...more,
  ]);
  return { caseId, query: viewsOf(log.recorded, '2026-09-17').query };
}

describe("a new pupil return's closure proposal reaches the officer (reg 13(1), issue 15 item 8)", () => {
  it('is listed on the dashboard, since the day the return arrived', () => {
    const { caseId, query } = matchedCase();
    expect(query.dashboard.get('2026-09-17').closureProposals).toMatchObject({
      count: 1,
      items: [{ caseId, caseType: 'cme', since: '2026-09-16', officerId: 'officer-1' }],
    });
  });

  it('is shown in the case summary', () => {
    const { caseId, query } = matchedCase();
    expect(query.caseSummary.get(caseId)?.closureProposal).toEqual({
      destination: 'on_roll',
      proposedOn: '2026-09-16',
      returnId,
    });
  });

  it('leaves the dashboard and the summary once the officer closes the case', () => {
    const close: Step<CmeCommandInput> = [
      { type: 'CloseCase', data: { closedOn: '2026-09-17', destination: 'on_roll' } },
      '2026-09-17',
    ];
    const { caseId, query } = matchedCase(close);
    expect(query.dashboard.get('2026-09-17').closureProposals.count).toBe(0);
    expect(query.caseSummary.get(caseId)?.closureProposal).toBeUndefined();
  });
});
