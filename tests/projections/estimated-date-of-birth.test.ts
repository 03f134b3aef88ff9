import { describe, expect, it } from 'vitest';
import type { CmeCommandInput } from '../../src/domain/cme/index.js';
import type { Step } from './fixtures.js';
import { allocateCme, cmeReferral, createLog, newCaseId, viewsOf } from './fixtures.js';

const census = '2026-10-01';

/** An untraced child referred without a date of birth, and the officer's estimate of it, if any. */
function untraced(estimate?: string) {
  const caseId = newCaseId();
  const referral = cmeReferral(caseId, { receivedOn: '2026-09-07' });
  if (referral.type !== 'ReceiveCmeReferral') throw new Error('a CME referral');
  const { dateOfBirth: _, ...child } = referral.data.child;
  const steps: Step<CmeCommandInput>[] = [
    [{ ...referral, data: { ...referral.data, child } }, '2026-09-07'],
    [allocateCme('officer-1', '2026-09-08'), '2026-09-08'],
  ];
  if (estimate) {
    const data = { estimatedOn: '2026-09-14', dateOfBirth: estimate, basis: 'A sibling’s school year.' };
    steps.push([{ type: 'EstimateDateOfBirth', data }, '2026-09-14']);
  }
  return { caseId, log: createLog().cme(caseId, steps) };
}

describe('an estimated date of birth in the summary and the DfE return (issue 15 item 10)', () => {
  it('the summary shows the estimate, and the year group and school age worked out from it', () => {
    const { caseId, log } = untraced('2013-09-01');
    const child = viewsOf(log.recorded, census).query.caseSummary.get(caseId)?.child;
    expect(child?.dateOfBirth).toBeUndefined();
    expect(child?.estimatedDateOfBirth).toBe('2013-09-01');
    // Born 1 September 2013: 12 on 31 August 2026, so Year 8 in 2026-27.
    expect(child?.yearGroup).toBe(8);
    expect(child?.compulsorySchoolAge?.end).toBe('2030-06-28');
  });

  it('the return counts the child in the year group of the estimate, and says how many are estimated', () => {
    const { log } = untraced('2013-09-01');
    const cme = viewsOf(log.recorded, census).query.statistics.dfeReturn(census, 'raw').cme;
    expect(cme.byYearGroup).toEqual({ 'Year 8': 1 });
    expect(cme.withEstimatedDateOfBirth).toBe(1);
  });

  it('without an estimate the child is counted under Not known, none estimated', () => {
    const { log } = untraced();
    const cme = viewsOf(log.recorded, census).query.statistics.dfeReturn(census, 'raw').cme;
    expect(cme.byYearGroup).toEqual({ 'Not known': 1 });
    expect(cme.withEstimatedDateOfBirth).toBe(0);
  });

  it('a child past compulsory school age by the estimate is not counted, and the dashboard lists the case', () => {
    const { caseId, log } = untraced('2009-09-01');
    const { query } = viewsOf(log.recorded, census);
    expect(query.statistics.dfeReturn(census, 'raw').cme.total).toBe(0);
    expect(query.dashboard.pastSchoolAge(census).map((c) => c.caseId)).toContain(caseId);
  });
});
