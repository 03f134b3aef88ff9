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

describe('case summary', () => {
  it('a referral shows the child, the year group for this academic year, and the clocks it started', () => {
    const caseId = newCaseId();
    const log = createLog().ehe(caseId, [[eheReferral(caseId), '2026-06-01']]);
    const summary = viewsOf(log.recorded, '2026-09-10').query.caseSummary.get(caseId);
    expect(summary).toMatchObject({
      caseId,
      caseType: 'ehe',
      stream: `ehe-${caseId}`,
      status: 'referred',
      open: true,
      child: { givenName: 'Amira', familyName: 'Khan', dateOfBirth: '2013-10-04', yearGroup: 8, ehcp: false },
      priority: false,
      source: 'deletion_return',
      receivedOn: '2026-06-01',
      saoStage: 'none',
      revision: 0n,
    });
    expect(summary?.officerId).toBeUndefined();
    expect(summary?.clocks.map((c) => c.clock).sort()).toEqual(['allocation', 'firstContact']);
    expect(summary?.nextDueOn).toBe(summary?.clocks[0]?.dueOn);
  });

  it('allocation, contact, a visit and a judgement fill the header', () => {
    const caseId = newCaseId();
    const log = createLog().ehe(caseId, [
      [eheReferral(caseId), '2026-06-01'],
      [allocate('officer-1'), '2026-06-02'],
      [
        {
          type: 'RecordContactAttempt',
          data: { attemptedOn: '2026-06-03', method: 'phone', outcome: 'contact_made' },
        },
        '2026-06-03',
      ],
      [
        {
          type: 'OfferVisit',
          data: { visitId: 'v1', offeredOn: '2026-06-03', proposedFor: '2026-06-10', location: 'home' },
        },
        '2026-06-03',
      ],
      [
        {
          type: 'RecordVisitHeld',
          data: { visitId: 'v1', heldOn: '2026-06-10', notes: 'met the family', outcome: 'satisfactory' },
        },
        '2026-06-10',
      ],
      [
        {
          type: 'JudgeSuitability',
          data: { judgedOn: '2026-06-11', outcome: 'suitable', rationale: 'a good report' },
        },
        '2026-06-11',
      ],
    ]);
    const summary = viewsOf(log.recorded, '2026-06-12').query.caseSummary.get(caseId);
    expect(summary).toMatchObject({
      status: 'monitoring',
      officerId: 'officer-1',
      lastContactOn: '2026-06-03',
      lastVisitOn: '2026-06-10',
      lastAssessment: { kind: 'suitability', outcome: 'suitable', on: '2026-06-11' },
      nextReviewOn: '2027-06-11',
      revision: BigInt(log.recorded.length - 1),
    });
    expect(summary?.clocks.map((c) => c.clock)).toEqual(['annualContact']);
  });

  it('shows the compulsory school age the law gives the child (EA 1996 s.8(2)-(3))', () => {
    const caseId = newCaseId();
    const log = createLog().ehe(caseId, [[eheReferral(caseId), '2026-06-01']]);
    const summary = viewsOf(log.recorded, '2026-09-10').query.caseSummary.get(caseId);
    // Born 4 October 2013: five on 4 October 2018, so from the next prescribed day, 31 December 2018; sixteen
    // in the school year 2029/30, whose leaving date is the last Friday of June 2030.
    expect(summary?.child.compulsorySchoolAge).toEqual({ start: '2018-12-31', end: '2030-06-28' });
  });

  it("shows a School Attendance Order route's statutory dates: each period's last day as the notice states it", () => {
    const caseId = newCaseId();
    const log = createLog().ehe(caseId, [
      [eheReferral(caseId), '2026-06-01'],
      [allocate('officer-1'), '2026-06-02'],
      [
        {
          type: 'JudgeSuitability',
          data: { judgedOn: '2026-06-03', outcome: 'appears_unsuitable', rationale: 'no evidence' },
        },
        '2026-06-03',
      ],
      [
        {
          type: 'ServeSection437Notice',
          data: {
            noticeId: 'notice-437',
            issuedOn: '2026-06-05',
            parentId: 'parent-1',
            service: { method: 'in_person', servedOn: '2026-06-05' },
          },
        },
        '2026-06-05',
      ],
    ]);
    const summary = viewsOf(log.recorded, '2026-06-10').query.caseSummary.get(caseId);
    expect(summary?.sao).toEqual({
      stage: 'notice_served',
      regime: 'EA1996',
      // s.437(2): "not less than 15 days beginning with the day on which the notice is served".
      section437Notice: { servedOn: '2026-06-05', periodEndsOn: '2026-06-19' },
    });
  });

  it('a closed case keeps its close reason and has no open clocks', () => {
    const caseId = newCaseId();
    const log = createLog().ehe(caseId, [
      [eheReferral(caseId), '2026-06-01'],
      [allocate('officer-1'), '2026-06-02'],
      [
        {
          type: 'CloseCase',
          data: { closedOn: '2026-06-05', reason: 'moved_out_of_area', receivingCouncil: 'Hampshire' },
        },
        '2026-06-05',
      ],
    ]);
    const summary = viewsOf(log.recorded, '2026-06-12').query.caseSummary.get(caseId);
    expect(summary).toMatchObject({
      status: 'closed',
      open: false,
      closedOn: '2026-06-05',
      closeReason: 'moved_out_of_area',
      clocks: [],
    });
  });

  it('a CME case judged high risk is a priority case with its risk level', () => {
    const caseId = newCaseId();
    const log = createLog().cme(caseId, [
      [cmeReferral(caseId), '2026-06-01'],
      [allocateCme('officer-2', '2026-06-01'), '2026-06-01'],
      [
        {
          type: 'AssessCmeRisk',
          data: { assessedOn: '2026-06-02', level: 'high', rationale: 'no contact for weeks' },
        },
        '2026-06-02',
      ],
    ]);
    const summary = viewsOf(log.recorded, '2026-06-02').query.caseSummary.get(caseId);
    expect(summary).toMatchObject({
      caseType: 'cme',
      status: 'open',
      priority: true,
      riskLevel: 'high',
      located: false,
      officerId: 'officer-2',
      lastAssessment: { kind: 'risk', outcome: 'high', on: '2026-06-02' },
    });
    expect(summary?.clocks.map((c) => c.clock)).toContain('cmeHighRiskReport');
  });

  it('lists cases newest first, filtered, a page at a time', () => {
    const log = createLog();
    const ids = ['2026-06-01', '2026-06-02', '2026-06-03'].map((receivedOn) => {
      const caseId = newCaseId();
      log.ehe(caseId, [[eheReferral(caseId, { receivedOn }), receivedOn]]);
      return caseId;
    });
    const cme = newCaseId();
    log.cme(cme, [[cmeReferral(cme), '2026-06-01']]);
    const { query } = viewsOf(log.recorded, '2026-06-04');
    const first = query.caseSummary.list({ caseType: 'ehe', limit: 2 });
    expect(first.items.map((c) => c.caseId)).toEqual([ids[2], ids[1]]);
    const second = query.caseSummary.list({ caseType: 'ehe', limit: 2, cursor: first.nextCursor });
    expect(second.items.map((c) => c.caseId)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeUndefined();
    expect(query.caseSummary.list({ name: 'okafor' }).items.map((c) => c.caseId)).toEqual([cme]);
    expect(query.caseSummary.list({ unallocated: true }).items).toHaveLength(4);
  });
});
