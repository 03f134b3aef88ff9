import { describe, expect, it } from 'vitest';
import {
  allocate,
  allocateCme,
  cmeReferral,
  createLog,
  eheReferral,
  newCaseId,
  viewsOf,
} from './fixtures.js';

describe('dashboard', () => {
  const unallocated = newCaseId();
  const highRisk = newCaseId();
  const untracedLong = newCaseId();
  const untracedRecent = newCaseId();
  const sao = newCaseId();
  const log = createLog()
    .ehe(unallocated, [[eheReferral(unallocated), '2026-06-01']])
    .cme(highRisk, [
      [cmeReferral(highRisk, { receivedOn: '2026-06-08' }), '2026-06-08'],
      [allocateCme('officer-2', '2026-06-08'), '2026-06-08'],
      [
        {
          type: 'AssessCmeRisk',
          data: { assessedOn: '2026-06-08', level: 'high', rationale: 'threats made' },
        },
        '2026-06-08',
      ],
    ])
    .cme(untracedLong, [
      [cmeReferral(untracedLong, { receivedOn: '2026-05-01' }), '2026-05-01'],
      [allocateCme('officer-2', '2026-05-01'), '2026-05-01'],
    ])
    .cme(untracedRecent, [
      [cmeReferral(untracedRecent, { receivedOn: '2026-06-09' }), '2026-06-09'],
      [allocateCme('officer-2', '2026-06-09'), '2026-06-09'],
    ])
    .ehe(sao, [
      [eheReferral(sao), '2026-06-01'],
      [allocate('officer-1', '2026-06-01'), '2026-06-01'],
      [
        {
          type: 'JudgeSuitability',
          data: { judgedOn: '2026-06-02', outcome: 'appears_unsuitable', rationale: 'no evidence' },
        },
        '2026-06-02',
      ],
      [
        {
          type: 'ServeSection437Notice',
          data: {
            noticeId: 'notice-437',
            issuedOn: '2026-06-03',
            parentId: 'parent-1',
            service: { method: 'in_person', servedOn: '2026-06-03' },
          },
        },
        '2026-06-03',
      ],
    ]);
  const dashboard = viewsOf(log.recorded, '2026-06-10').query.dashboard.get('2026-06-10');

  it('counts and lists unallocated cases', () => {
    expect(dashboard.unallocated.count).toBe(1);
    expect(dashboard.unallocated.items[0]).toMatchObject({
      caseId: unallocated,
      childName: 'Amira Khan',
      since: '2026-06-01',
    });
  });

  it('counts overdue clocks by clock, most overdue first', () => {
    expect(dashboard.overdueByClock.allocation).toBe(1);
    expect(dashboard.overdueByClock.firstContact).toBe(2);
    expect(dashboard.overdue.count).toBe(dashboard.overdue.items.length);
    const dates = dashboard.overdue.items.map((d) => d.dueOn);
    expect(dates).toEqual([...dates].sort());
  });

  it('lists what falls due in the next 7 working days', () => {
    expect(dashboard.dueSoon.items.every((d) => d.dueOn >= '2026-06-10' && d.dueOn <= '2026-06-19')).toBe(
      true,
    );
    expect(dashboard.dueSoon.items.map((d) => d.clock)).toContain('section437Notice');
  });

  it('shows high-risk CME and CME untraced for more than 20 school days', () => {
    expect(dashboard.highRiskCme.items.map((c) => c.caseId)).toEqual([highRisk]);
    expect(dashboard.untracedCme.items.map((c) => c.caseId)).toEqual([untracedLong]);
  });

  it('counts SAO cases by stage', () => {
    expect(dashboard.saoByStage).toEqual({ notice_served: 1 });
  });
});
