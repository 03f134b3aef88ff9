import { describe, expect, it } from 'vitest';
import { applyRecordedEvent } from '../../src/projections/views.js';
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

  it("an officer's sorted caseload is kept until one of their own cases changes", () => {
    const [olives, omars] = [newCaseId(), newCaseId()];
    const contact = {
      type: 'RecordContactAttempt',
      data: { attemptedOn: '2026-06-03', method: 'phone', outcome: 'contact_made' },
    } as const;
    const story = (caseId: string, officerId: string): Parameters<ReturnType<typeof createLog>['ehe']>[1] => [
      [eheReferral(caseId), '2026-06-01'],
      [allocate(officerId), '2026-06-02'],
      [contact, '2026-06-03'],
    ];
    const log = createLog().ehe(olives, story(olives, 'olive')).ehe(omars, story(omars, 'omar'));
    const [olive1, olive2, oliveContact, omar1, omar2, omarContact] = log.recorded;
    const { views, query } = viewsOf([olive1!, olive2!, omar1!, omar2!], '2026-06-04');
    const first = query.caseload.forOfficer('olive');
    // Another officer's case changes: Olive's list is the very same array (the API keeps its JSON by it).
    applyRecordedEvent(views, omarContact!);
    expect(query.caseload.forOfficer('olive')).toBe(first);
    expect(query.caseload.forOfficer('omar')[0]?.clocks).not.toEqual(first[0]?.clocks);
    // One of hers changes: a new list, showing the change.
    applyRecordedEvent(views, oliveContact!);
    const second = query.caseload.forOfficer('olive');
    expect(second).not.toBe(first);
    expect(second[0]?.revision).toBe(2n);
  });
});
