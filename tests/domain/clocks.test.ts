import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/domain/calendar/index.js';
import {
  clockEffects,
  clockNames,
  clockTable,
  computeDueDate,
  escalationThresholds,
} from '../../src/domain/clocks.js';
import { eheClockTable } from '../../src/domain/ehe/clock-table.js';
import { eheEvents } from '../../src/domain/ehe/events.js';
import { defaultPolicy } from '../../src/domain/policy.js';

const calendar = createCalendar();
const policy = defaultPolicy;
const due = (
  clock: Parameters<typeof computeDueDate>[0],
  startedOn: string,
  priority = false,
  cal = calendar,
) => computeDueDate(clock, startedOn, { policy, calendar: cal, priority }).dueOn;

describe('first contact: 5 working days after the referral (priority 2)', () => {
  it.each([
    // Christmas 2026: Friday 25 and Monday 28 December (Boxing Day substitute), Friday 1 January 2027.
    ['a Monday before Christmas', '2026-12-21', '2026-12-30', '2026-12-23'],
    ['Christmas Eve', '2026-12-24', '2027-01-05', '2026-12-30'],
    ['Christmas Day (counts as received on 29 December)', '2026-12-25', '2027-01-06', '2026-12-31'],
    ['Boxing Day, a Saturday', '2026-12-26', '2027-01-06', '2026-12-31'],
    ['New Year’s Eve', '2026-12-31', '2027-01-08', '2027-01-05'],
    // Easter 2026: Good Friday 3 April, Easter Monday 6 April.
    ['the Wednesday before Easter 2026', '2026-04-01', '2026-04-10', '2026-04-07'],
    ['Good Friday 2026', '2026-04-03', '2026-04-14', '2026-04-09'],
    // Easter 2027: Good Friday 26 March, Easter Monday 29 March.
    ['the Thursday before Easter 2027', '2027-03-25', '2027-04-05', '2027-03-31'],
    // One-off bank holidays: the State Funeral (19 September 2022) and the Coronation (8 May 2023).
    ['the Friday before the State Funeral', '2022-09-16', '2022-09-26', '2022-09-21'],
    ['the Friday before the Coronation', '2023-05-05', '2023-05-15', '2023-05-10'],
    // A Saturday counts as received on Monday: due the Monday week, as a Monday referral is.
    ['a Saturday', '2026-06-06', '2026-06-15', '2026-06-10'],
    ['the Monday after', '2026-06-08', '2026-06-15', '2026-06-10'],
  ])(
    'a referral on %s (%s) is due %s, or %s for a priority case',
    (_name, receivedOn, standard, priority) => {
      expect(due('firstContact', receivedOn)).toBe(standard);
      expect(due('firstContact', receivedOn, true)).toBe(priority);
    },
  );

  it('skips the council closure days between Christmas and New Year', () => {
    const closed = createCalendar({ closureDays: ['2026-12-29', '2026-12-30', '2026-12-31'] });
    expect(due('firstContact', '2026-12-24', false, closed)).toBe('2027-01-08');
  });
});

describe('statutory periods counted beginning with the day of service', () => {
  it.each([
    ['2026-03-02', 15, '2026-03-16'],
    ['2026-12-24', 15, '2027-01-07'],
    ['2028-02-20', 15, '2028-03-05'],
    ['2027-02-20', 15, '2027-03-06'],
    ['2026-03-02', 28, '2026-03-29'],
    ['2026-03-29', 15, '2026-04-12'],
  ])('an s437(1) notice served on %s with %i days ends on %s', (servedOn, periodDays, endsOn) => {
    const clock = computeDueDate('section437Notice', servedOn, {
      policy,
      calendar,
      priority: false,
      periodDays,
    });
    expect(clock).toEqual({
      clock: 'section437Notice',
      startedOn: servedOn,
      dueOn: endsOn,
      policyVersion: 'default-2026.1',
      dayType: 'beginning_with',
    });
  });

  it('counts bank holidays and weekends alike: the s438 period from Christmas Eve ends on 7 January', () => {
    expect(due('section438Choice', '2026-12-24')).toBe('2027-01-07');
  });

  it('gives ESO reasons within 8 weeks beginning with the direction', () => {
    expect(due('esoReasons', '2026-03-02')).toBe('2026-04-26');
  });
});

describe('months and reminders', () => {
  it('a year after 29 February is 28 February, with the reminder 30 days before', () => {
    const clock = computeDueDate('annualContact', '2024-02-29', { policy, calendar, priority: false });
    expect(clock.dueOn).toBe('2025-02-28');
    expect(clock.remindOn).toBe('2025-01-29');
  });

  it('the EHCP annual review falls within the 12 months starting with the plan or the last review (CFA 2014 s.44(1))', () => {
    // The period begins with the day itself, so it ends the day before the anniversary.
    expect(due('ehcpAnnualReview', '2026-05-29')).toBe('2027-05-28');
    expect(due('ehcpAnnualReview', '2024-02-29')).toBe('2025-02-28');
    expect(due('ehcpAnnualReview', '2024-03-01')).toBe('2025-02-28');
  });
});

describe('school-day clocks', () => {
  const terms = createCalendar({
    termDates: {
      council: [
        { start: '2026-09-03', end: '2026-10-23' },
        { start: '2026-11-02', end: '2026-12-18' },
      ],
      schools: {
        'st-marys': [
          { start: '2026-09-03', end: '2026-10-16' },
          { start: '2026-10-26', end: '2026-12-18' },
        ],
      },
    },
  });
  const sao = (cal = calendar, schoolId?: string) =>
    computeDueDate('saoCompliance', '2026-10-14', {
      policy,
      calendar: cal,
      priority: false,
      ...(schoolId ? { schoolId } : {}),
    }).dueOn;

  it('without term dates count working days', () => {
    expect(sao()).toBe('2026-11-04');
  });

  it('with the council term dates skip half term', () => {
    expect(sao(terms)).toBe('2026-11-11');
  });

  it("use a school's own term dates where set", () => {
    expect(sao(terms, 'st-marys')).toBe('2026-11-11');
    expect(
      computeDueDate('fairAccessPlacement', '2026-10-09', {
        policy,
        calendar: terms,
        priority: false,
        schoolId: 'st-marys',
      }).dueOn,
    ).toBe('2026-11-13');
    expect(
      computeDueDate('fairAccessPlacement', '2026-10-09', { policy, calendar: terms, priority: false }).dueOn,
    ).toBe('2026-11-13');
  });

  it('the CME tracing review is 10 school days, then every 20', () => {
    expect(due('cmeTracingReview', '2026-06-01')).toBe('2026-06-15');
    expect(
      computeDueDate('cmeTracingReview', '2026-06-01', { policy, calendar, priority: false, repeat: true })
        .dueOn,
    ).toBe('2026-06-29');
  });
});

describe('escalation thresholds', () => {
  it('reach the manager after 2 working days of grace, the head of service 5 working days later', () => {
    expect(escalationThresholds('firstContact', '2026-03-06', { policy, calendar })).toEqual({
      manager: '2026-03-10',
      headOfService: '2026-03-17',
    });
  });

  it('a high-risk CME report goes to the manager at once', () => {
    expect(escalationThresholds('cmeHighRiskReport', '2026-03-06', { policy, calendar })).toEqual({
      manager: '2026-03-06',
      headOfService: '2026-03-13',
    });
  });
});

describe('clock effects of stored events', () => {
  const started = (clock: string, dueOn: string) => ({
    clock,
    startedOn: '2026-06-01',
    dueOn,
    policyVersion: 'old-policy',
    dayType: 'working',
  });

  it('read the due dates recorded in the event, never recomputing them', () => {
    const effects = clockEffects({
      type: 'EheReferralReceived',
      data: { clocksStarted: [started('allocation', '2026-06-04'), started('firstContact', '2026-06-30')] },
    });
    expect(effects.started.map((c) => [c.clock, c.dueOn, c.policyVersion])).toEqual([
      ['allocation', '2026-06-04', 'old-policy'],
      ['firstContact', '2026-06-30', 'old-policy'],
    ]);
    expect(effects.stopped).toEqual([]);
  });

  it('ignore a clock the table does not let that event start', () => {
    const effects = clockEffects({
      type: 'VisitOffered',
      data: { clocksStarted: [started('firstVisit', '2026-06-30')] },
    });
    expect(effects).toEqual({ started: [], stopped: [] });
  });

  it('stop what the table says', () => {
    expect(clockEffects({ type: 'FirstContactMade', data: { clocksStarted: [] } }).stopped).toEqual([
      'firstContact',
    ]);
    expect(clockEffects({ type: 'EheCaseClosed', data: {} }).stopped).toEqual([...clockNames]);
  });

  it('stop conditional clocks only when the event lists them', () => {
    const effects = clockEffects({
      type: 'PriorityFlagsChanged',
      data: { clocksStarted: [], clocksStopped: ['ehcpAnnualReview', 'allocation'] },
    });
    expect(effects.stopped).toEqual(['ehcpAnnualReview']);
  });

  it('know nothing of an event type outside the tables', () => {
    expect(
      clockEffects({ type: 'SomethingElse', data: { clocksStarted: [started('allocation', '2026-06-04')] } }),
    ).toEqual({
      started: [],
      stopped: [],
    });
  });

  it('merge the CME table: its closure stops every clock', () => {
    expect(clockTable.CmeCaseClosed?.stops).toBe('all');
    expect(clockEffects({ type: 'CaseAllocated', data: {} }).stopped).toEqual(['allocation']);
  });

  it('name only real EHE event types in the EHE table', () => {
    for (const type of Object.keys(eheClockTable)) expect(Object.keys(eheEvents)).toContain(type);
  });
});
