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
      documents: [
        {
          document: 'section437Notice',
          documentId: 'notice-437',
          parentId: 'parent-1',
          issuedOn: '2026-06-05',
          method: 'in_person',
          servedOn: '2026-06-05',
          servedOnBasis: 'served_that_day',
          periodEndsOn: '2026-06-19',
          legalBasis: 'EA1996_s437_1',
        },
      ],
    });
  });

  describe('each School Attendance Order document served: the parent, the method, the deemed day and its basis (issue 14 item 9)', () => {
    const school = { name: 'Woodlands Community College', urn: '116448' };
    const other = { name: 'Bitterne Park School', urn: '116436' };
    const posted = (postedOn: string, postClass: 'first' | 'second') => ({
      method: 'post' as const,
      postedOn,
      postClass,
    });
    const route = () => {
      const caseId = newCaseId();
      const log = createLog().ehe(caseId, [
        [
          eheReferral(caseId, {
            receivedOn: '2026-04-20',
            deletionReturn: { school: other, deletedOn: '2026-04-17', ground: 'written notice' },
            eheStartDate: '2026-04-17',
            parentsCarers: [
              { name: 'Sara Khan', relationship: 'mother', livesWithChild: true },
              { name: 'Imran Khan', relationship: 'father', livesWithChild: false },
            ],
          }),
          '2026-04-20',
        ],
        [allocate('officer-1', '2026-04-21'), '2026-04-21'],
        [
          {
            type: 'JudgeSuitability',
            data: { judgedOn: '2026-04-22', outcome: 'appears_unsuitable', rationale: 'no evidence' },
          },
          '2026-04-22',
        ],
        [
          {
            type: 'ServeSection437Notice',
            data: {
              noticeId: 'n437',
              issuedOn: '2026-04-30',
              parentId: 'parent-1',
              service: posted('2026-04-30', 'first'),
            },
          },
          '2026-04-30',
        ],
        [
          {
            type: 'ServeSection437Notice',
            data: {
              noticeId: 'n437',
              issuedOn: '2026-04-30',
              parentId: 'parent-2',
              service: posted('2026-04-30', 'second'),
            },
          },
          '2026-04-30',
        ],
        [
          {
            type: 'JudgeSection437Response',
            data: { judgedOn: '2026-05-22', satisfied: false, rationale: 'no reply' },
          },
          '2026-05-22',
        ],
        [
          {
            type: 'DecideAttendanceExpediency',
            data: { decidedOn: '2026-05-22', expedient: true, rationale: 'attend school' },
          },
          '2026-05-22',
        ],
        [
          { type: 'ConsultSchool', data: { school, consultedOn: '2026-05-22', maintained: false } },
          '2026-05-22',
        ],
        [
          {
            type: 'ServeSection438Notice',
            data: {
              noticeId: 'n438',
              issuedOn: '2026-05-22',
              parentId: 'parent-1',
              service: {
                ...posted('2026-05-22', 'first'),
                actualReceipt: { receivedOn: '2026-05-23', evidence: 'signed for by Sara Khan' },
              },
              intendedSchool: school,
            },
          },
          '2026-05-23',
        ],
        [
          {
            type: 'ServeSchoolAttendanceOrder',
            data: {
              orderId: 'order-1',
              issuedOn: '2026-06-08',
              parentId: 'parent-1',
              service: { method: 'in_person', servedOn: '2026-06-08' },
              school,
            },
          },
          '2026-06-08',
        ],
        [
          {
            type: 'AmendSchoolAttendanceOrder',
            data: {
              initiatedBy: 'council',
              amendedOn: '2026-06-15',
              school: other,
              rationale: 'a place nearer home',
            },
          },
          '2026-06-15',
        ],
      ]);
      return viewsOf(log.recorded, '2026-06-20').query.caseSummary.get(caseId)?.sao;
    };

    it('IA 1978 s.7 "in the ordinary course of post": first class posted Thu 30 April 2026 is served Tue 5 May (4 May a bank holiday); the s.437(2) period printed ends 19 May', () => {
      expect(route()?.documents[0]).toEqual({
        document: 'section437Notice',
        documentId: 'n437',
        parentId: 'parent-1',
        issuedOn: '2026-04-30',
        method: 'post',
        postedOn: '2026-04-30',
        postClass: 'first',
        servedOn: '2026-05-05',
        servedOnBasis: 'deemed_delivery_by_post',
        periodEndsOn: '2026-05-19',
        legalBasis: 'EA1996_s437_1',
      });
    });

    it('s.443(1) "a parent on whom" it is served: the other parent\'s service is its own row, second class the 4th working day (Thu 7 May), its period ending 21 May', () => {
      expect(route()?.documents[1]).toMatchObject({
        document: 'section437Notice',
        parentId: 'parent-2',
        postClass: 'second',
        servedOn: '2026-05-07',
        servedOnBasis: 'deemed_delivery_by_post',
        periodEndsOn: '2026-05-21',
      });
    });

    it('"unless the contrary is proved": a s.438 notice received on Saturday 23 May, before its deemed day (Tue 26 May, after the Spring bank holiday), is served that day with its evidence; the 15 days end 6 June', () => {
      expect(route()?.documents[2]).toEqual({
        document: 'section438Notice',
        documentId: 'n438',
        parentId: 'parent-1',
        issuedOn: '2026-05-22',
        method: 'post',
        postedOn: '2026-05-22',
        postClass: 'first',
        servedOn: '2026-05-23',
        servedOnBasis: 'actual_receipt_proved',
        receiptEvidence: 'signed for by Sara Khan',
        periodEndsOn: '2026-06-06',
        legalBasis: 'EA1996_s438',
      });
    });

    it('the order served in person that day, and its amendment (s.437(4) "subject to any amendment made by the local education authority"), under the regime in force', () => {
      const sao = route();
      expect(sao?.regime).toBe('EA1996');
      expect(sao?.documents.slice(3)).toEqual([
        {
          document: 'order',
          documentId: 'order-1',
          parentId: 'parent-1',
          issuedOn: '2026-06-08',
          method: 'in_person',
          servedOn: '2026-06-08',
          servedOnBasis: 'served_that_day',
          legalBasis: 'EA1996_s437_3',
        },
        {
          document: 'amendedOrder',
          documentId: null,
          parentId: null,
          issuedOn: '2026-06-15',
          amendedOn: '2026-06-15',
          initiatedBy: 'council',
          legalBasis: 'EA1996_s437_4',
        },
      ]);
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
