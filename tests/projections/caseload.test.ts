import { describe, expect, it } from 'vitest';
import { allocate, createLog, eheReferral, newCaseId, viewsOf } from './fixtures.js';

describe('caseload', () => {
  it("an officer's open cases, priority first, then the nearest due date", () => {
    const log = createLog();
    const [later, sooner, priority] = [newCaseId(), newCaseId(), newCaseId()];
    log.ehe(later, [
      [eheReferral(later, { receivedOn: '2026-06-03' }), '2026-06-03'],
      [allocate('officer-1', '2026-06-03'), '2026-06-03'],
    ]);
    log.ehe(sooner, [
      [eheReferral(sooner, { receivedOn: '2026-06-01' }), '2026-06-01'],
      [allocate('officer-1', '2026-06-03'), '2026-06-03'],
    ]);
    log.ehe(priority, [
      [
        eheReferral(priority, { receivedOn: '2026-06-03', priorityFlags: ['child_protection_plan'] }),
        '2026-06-03',
      ],
      [allocate('officer-1', '2026-06-03'), '2026-06-03'],
    ]);
    const { query } = viewsOf(log.recorded, '2026-06-04');
    expect(query.caseload.forOfficer('officer-1').map((c) => c.caseId)).toEqual([priority, sooner, later]);
    expect(query.caseload.forOfficer('officer-2')).toEqual([]);
  });

  it('a reallocated case moves; a closed case leaves', () => {
    const [moved, closed] = [newCaseId(), newCaseId()];
    const log = createLog()
      .ehe(moved, [
        [eheReferral(moved), '2026-06-01'],
        [allocate('officer-1'), '2026-06-02'],
        [
          {
            type: 'ReallocateCase',
            data: { officerId: 'officer-2', reallocatedOn: '2026-06-03', reason: 'leave' },
          },
          '2026-06-03',
        ],
      ])
      .ehe(closed, [
        [eheReferral(closed), '2026-06-01'],
        [allocate('officer-1'), '2026-06-02'],
        [
          {
            type: 'CloseCase',
            data: { closedOn: '2026-06-03', reason: 'moved_out_of_area', receivingCouncil: 'Hampshire' },
          },
          '2026-06-03',
        ],
      ]);
    const { query } = viewsOf(log.recorded, '2026-06-04');
    expect(query.caseload.forOfficer('officer-1')).toEqual([]);
    expect(query.caseload.forOfficer('officer-2').map((c) => c.caseId)).toEqual([moved]);
  });
});
