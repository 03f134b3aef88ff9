import { describe, expect, it } from 'vitest';
import { timeMissingAt } from '../../src/domain/cme/time-missing.js';
import { cmeReferral, createLog, newCaseId, viewsOf } from './fixtures.js';

const autumn = '2026-10-01';
const spring = '2027-01-21';
const summer = '2027-05-20';

describe('length of time missing education, measured at the census date (DfE CME collection)', () => {
  it.each([
    ['2026-09-01', '2026-09-01', 'twelve_weeks_or_less'],
    // 12 weeks after Tuesday 1 September is Tuesday 24 November: still "12 weeks or less" that day.
    ['2026-09-01', '2026-11-24', 'twelve_weeks_or_less'],
    ['2026-09-01', '2026-11-25', 'more_than_twelve_weeks'],
    ['2024-02-29', '2024-05-23', 'twelve_weeks_or_less'],
    ['2024-02-29', '2024-05-24', 'more_than_twelve_weeks'],
  ] as const)('missing since %s: on %s %s', (since, census, band) => {
    expect(timeMissingAt(census, since)).toBe(band);
  });

  it('is unknown without a date, unless a referral stored before the date was asked said "more than 12 weeks"', () => {
    expect(timeMissingAt(autumn, null)).toBe('unknown');
    expect(timeMissingAt(autumn, null, 'twelve_weeks_or_less')).toBe('unknown');
    expect(timeMissingAt(autumn, null, 'more_than_twelve_weeks')).toBe('more_than_twelve_weeks');
  });
});

describe('the DfE return for CME', () => {
  const [measured, atRisk, legacy] = [newCaseId(), newCaseId(), newCaseId()];
  const log = createLog()
    .cme(measured, [
      [cmeReferral(measured, { receivedOn: '2026-09-14', missingSince: '2026-09-01' }), '2026-09-14'],
    ])
    .cme(atRisk, [
      [
        cmeReferral(atRisk, {
          receivedOn: '2026-09-21',
          source: 'continuous_absence_ten_school_days',
          primaryReason: { code: 'awaiting_school_place' },
        }),
        '2026-09-21',
      ],
      [{ type: 'RecordLeftRoll', data: { deletedOn: '2026-11-02' } }, '2026-11-02'],
    ])
    // A referral as stored before v2: its length of time at referral, no reason, no roll status.
    .add(`cme-${legacy}`, [
      {
        type: 'CmeReferralReceived',
        data: {
          caseId: legacy,
          receivedOn: '2026-09-07',
          source: 'joint_reasonable_enquiry_before_deletion',
          child: { givenName: 'Ola', familyName: 'Nowak', dateOfBirth: '2016-04-02', sex: 'F' },
          whatIsKnown: 'Not seen since the summer.',
          timeMissing: 'more_than_twelve_weeks',
          clocksStarted: [],
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-1',
        },
        metadata: { schemaVersion: 1, occurredAt: '2026-09-07T09:00:00Z' },
      },
    ]);
  const { statistics } = viewsOf(log.recorded, '2027-06-01').query;

  it('measures the same child at each census from missingSince, not as fixed at referral', () => {
    expect(statistics.dfeReturn(autumn, 'raw').cme.byTimeMissing).toMatchObject({ twelve_weeks_or_less: 1 });
    expect(statistics.dfeReturn(spring, 'raw').cme.byTimeMissing).toEqual({
      more_than_twelve_weeks: 2,
      unknown: 1,
    });
  });

  it('leaves out a child still on a school roll until the day of deletion (s.436A(1)(a))', () => {
    const before = statistics.dfeReturn(autumn, 'raw').cme;
    expect(before.total).toBe(2);
    expect(before.bySource).not.toHaveProperty('continuous_absence_ten_school_days');
    expect(statistics.dfeReturn('2026-11-01', 'raw').cme.total).toBe(2);
    expect(statistics.dfeReturn('2026-11-02', 'raw').cme.total).toBe(3);
    expect(statistics.dfeReturn(summer, 'raw').cme.bySource).toMatchObject({
      continuous_absence_ten_school_days: 1,
    });
  });

  it('counts by the DfE primary reason; a referral stored before the reason was asked is not_recorded', () => {
    expect(statistics.dfeReturn(spring, 'raw').cme.byPrimaryReason).toEqual({
      whereabouts_unknown: 1,
      awaiting_school_place: 1,
      not_recorded: 1,
    });
  });

  it('counts a referral stored before the roll status was asked as before: as CME', () => {
    expect(statistics.dfeReturn(autumn, 'raw').cme.bySource).toMatchObject({
      joint_reasonable_enquiry_before_deletion: 1,
    });
  });
});
