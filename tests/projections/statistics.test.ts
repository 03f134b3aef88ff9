import { describe, expect, it } from 'vitest';
import { publishedFigure } from '../../src/projections/rounding.js';
import {
  address,
  allocate,
  allocateCme,
  cmeReferral,
  createLog,
  eheReferral,
  newCaseId,
  viewsOf,
} from './fixtures.js';

describe('DfE rounding', () => {
  it('rounds to the nearest 10, low for a non-zero count that rounds to 0', () => {
    expect([0, 1, 4, 5, 14, 15, 104].map(publishedFigure)).toEqual([0, 'low', 'low', 10, 10, 20, 100]);
  });
});

describe('statistics as at any date', () => {
  const [stays, leaves, later, cme] = [newCaseId(), newCaseId(), newCaseId(), newCaseId()];
  const log = createLog()
    .ehe(stays, [
      [
        eheReferral(stays, {
          receivedOn: '2026-09-07',
          priorityFlags: ['child_in_need_plan'],
          child: {
            givenName: 'Ali',
            familyName: 'Shah',
            dateOfBirth: '2014-01-15',
            sex: 'M',
            senStatus: 'K',
            address,
          },
        }),
        '2026-09-07',
      ],
      [allocate('officer-1', '2026-09-07'), '2026-09-07'],
      [
        {
          type: 'RecordContactAttempt',
          data: { attemptedOn: '2026-09-09', method: 'phone', outcome: 'contact_made' },
        },
        '2026-09-09',
      ],
    ])
    .ehe(leaves, [
      [
        eheReferral(leaves, { receivedOn: '2026-09-08', primaryReason: { code: 'school_suggestion' } }),
        '2026-09-08',
      ],
      [allocate('officer-1', '2026-09-08'), '2026-09-08'],
      [
        {
          type: 'RecordContactAttempt',
          data: { attemptedOn: '2026-09-21', method: 'phone', outcome: 'contact_made' },
        },
        '2026-09-21',
      ],
      [
        {
          type: 'RecordReturnToSchool',
          data: { school: { name: 'Sholing Technology College' }, startDate: '2026-09-28' },
        },
        '2026-09-28',
      ],
      [{ type: 'CloseCase', data: { closedOn: '2026-09-28', reason: 'returned_to_school' } }, '2026-09-28'],
    ])
    .ehe(later, [[eheReferral(later, { receivedOn: '2026-10-12' }), '2026-10-12']])
    .cme(cme, [
      [cmeReferral(cme, { receivedOn: '2026-09-10', missingSince: '2026-06-01' }), '2026-09-10'],
      [allocateCme('officer-2', '2026-09-10'), '2026-09-10'],
    ]);
  const { query } = viewsOf(log.recorded, '2026-11-23');

  it('the DfE return counts the cases open on the census date, by occurred date', () => {
    const census = query.statistics.dfeReturn('2026-10-01', 'raw');
    expect(census.ehe.total).toBe(1);
    expect(census.ehe.bySex).toEqual({ M: 1 });
    expect(census.ehe.byYearGroup).toEqual({ 'Year 8': 1 });
    expect(census.ehe.senSupport).toBe(1);
    expect(census.ehe.childInNeed).toBe(1);
    expect(census.cme).toMatchObject({ total: 1, byTimeMissing: { more_than_twelve_weeks: 1 } });
    expect(query.statistics.dfeReturn('2026-09-20', 'raw').ehe.total).toBe(2);
    expect(query.statistics.dfeReturn('2026-10-12', 'raw').ehe.total).toBe(2);
  });

  it('published figures are rounded', () => {
    expect(query.statistics.dfeReturn('2026-10-01', 'published').ehe).toMatchObject({
      total: 'low',
      senSupport: 'low',
      ehcp: 0,
    });
  });

  it('the academic year counts starts, returns to school and months', () => {
    const year = query.statistics.academicYear('2026-27');
    expect(year.ehe).toMatchObject({ atAnyPoint: 3, starts: 3, returnsToSchool: 1, otherLeavers: 0 });
    expect(year.ehe.startsByPreviousSchoolType).toEqual({ academy: 3 });
    expect(year.cme.referrals).toBe(1);
    expect(year.byMonth.find((m) => m.month === '2026-09')).toMatchObject({
      eheNewRegistrations: 2,
      eheClosures: 1,
      returnsToSchool: 1,
      cmeReferrals: 1,
    });
    expect(year.byMonth).toHaveLength(12);
  });

  it('committee figures give the first-contact-within-standard rate and working days to first contact', () => {
    const committee = query.statistics.committee('2026-09-01', '2026-09-30');
    expect(committee.ehe.newRegistrations).toBe(2);
    expect(committee.ehe.openAtEnd).toBe(1);
    expect(committee.ehe.firstContact).toMatchObject({
      referrals: 2,
      withinStandard: 1,
      rate: 0.5,
      averageWorkingDays: 5.5,
      medianWorkingDays: 5.5,
    });
    expect(committee.ehe.closuresByReason).toEqual({ returned_to_school: 1 });
    expect(committee.ehe.schoolSuggestionBySchool).toEqual({ 'Bitterne Park School': 1 });
    expect(committee.ehe.byPriorityFlag).toEqual({ child_in_need_plan: 1 });
    expect(committee.cme).toMatchObject({ referrals: 1, openAtEnd: 1, untracedAtEnd: 1 });
  });
});
