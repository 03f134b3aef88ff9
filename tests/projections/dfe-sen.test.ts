import { describe, expect, it } from 'vitest';
import type { EheCommandInput } from '../../src/domain/ehe/index.js';
import { createLog, eheReferral, newCaseId, viewsOf } from './fixtures.js';

/**
 * SEN status and the EHC plan as at the census date, from their dated history, not the referral's snapshot.
 * Four children home educated from 1 September 2026, each of compulsory school age all year (Years 7 and 6).
 */
type Step = [EheCommandInput, string];
const flags = (changedOn: string, to: ('ehcp' | 'child_in_need_plan')[]): Step => [
  { type: 'ChangePriorityFlags', data: { changedOn, flags: to, toldBy: 'send_service' } },
  changedOn,
];
const senSupport = (changedOn: string, senStatus: 'N' | 'K'): Step => [
  { type: 'RecordSenSupport', data: { changedOn, senStatus } },
  changedOn,
];

const children: { dateOfBirth: string; senStatus: 'N' | 'K' | 'E'; after: Step[] }[] = [
  // A plan at referral, ceased on 4 January (CFA 2014 s.45), SEN support recorded from 4 May.
  {
    dateOfBirth: '2015-08-31',
    senStatus: 'E',
    after: [flags('2027-01-04', []), senSupport('2027-05-04', 'K')],
  },
  // No SEN at referral; SEN support from 1 February.
  { dateOfBirth: '2015-09-01', senStatus: 'N', after: [senSupport('2027-02-01', 'K')] },
  // SEN support at referral; a plan issued on 1 March.
  { dateOfBirth: '2015-12-31', senStatus: 'K', after: [flags('2027-03-01', ['ehcp'])] },
  // SEN support all year.
  { dateOfBirth: '2016-02-29', senStatus: 'K', after: [] },
];

function council() {
  let log = createLog();
  for (const { dateOfBirth, senStatus, after } of children) {
    const caseId = newCaseId();
    const referral = eheReferral(caseId, { receivedOn: '2026-09-01', eheStartDate: '2026-09-01' });
    const data = referral.data as { child: Record<string, unknown> };
    data.child = { ...data.child, dateOfBirth, senStatus };
    log = log.ehe(caseId, [[referral, '2026-09-01'], ...after]);
  }
  return viewsOf(log.recorded, '2027-09-01').query.statistics;
}

describe('the DfE return counts SEN support and EHC plans as at the census date', () => {
  const statistics = council();

  it.each([
    ['autumn', '2026-10-01', { ehcp: 1, senSupport: 2 }],
    // The plan that ceased on 4 January no longer counts; its child's SEN support is not known until recorded.
    ['spring', '2027-01-21', { ehcp: 0, senSupport: 2 }],
    ['summer', '2027-05-20', { ehcp: 1, senSupport: 3 }],
  ])('%s census (%s)', (_, census, expected) => {
    const { ehe } = statistics.dfeReturn(census, 'raw');
    expect({ ehcp: ehe.ehcp, senSupport: ehe.senSupport }).toEqual(expected);
    expect(ehe.total).toBe(4);
  });

  it('SEN support recorded on the census date counts that day, not the day before', () => {
    expect(statistics.dfeReturn('2027-01-31', 'raw').ehe.senSupport).toBe(2);
    expect(statistics.dfeReturn('2027-02-01', 'raw').ehe.senSupport).toBe(3);
  });
});
