import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../src/domain/calendar/index.js';

const autumnTerm = { start: '2026-09-03', end: '2026-10-23' };

describe("a council's calendar: office closures, INSET days and moved bank holidays", () => {
  it('an office closure removes a working day but not a school day', () => {
    const calendar = createCalendar({ closureDays: ['2026-10-05'], termDates: { council: [autumnTerm] } });
    expect(calendar.isWorkingDay('2026-10-05')).toBe(false);
    expect(calendar.isSchoolDay('2026-10-05')).toBe(true);
    expect(calendar.addSchoolDays('2026-10-02', 1)).toBe('2026-10-05');
  });

  it("an INSET day inside term is no school day, for the council's schools or for one school", () => {
    const calendar = createCalendar({
      termDates: { council: [autumnTerm] },
      insetDays: { council: ['2026-09-03'], schools: { '116436': ['2026-10-16'] } },
    });
    expect(calendar.isSchoolDay('2026-09-03')).toBe(false);
    expect(calendar.isWorkingDay('2026-09-03')).toBe(true);
    expect(calendar.isSchoolDay('2026-10-16')).toBe(true);
    expect(calendar.isSchoolDay('2026-10-16', '116436')).toBe(false);
    // Term begins with the INSET day: the first school day is Friday 4 September, the next Monday 7th.
    expect(calendar.addSchoolDays('2026-09-01', 1)).toBe('2026-09-07');
  });

  it('a bank holiday configured to replace a statutory one moves it (as 4 May moved to 8 May in 2020)', () => {
    const calendar = createCalendar({
      extraBankHolidays: [
        { date: '2027-05-07', name: 'Early May bank holiday (moved)', replaces: '2027-05-03' },
      ],
    });
    expect(calendar.isWorkingDay('2027-05-03')).toBe(true);
    expect(calendar.isWorkingDay('2027-05-07')).toBe(false);
    expect(calendar.addWorkingDays('2027-04-30', 5)).toBe('2027-05-10');
    // The long-span count (over 90 days) agrees with the day-by-day one.
    expect(calendar.workingDaysBetween('2027-01-01', '2027-06-30')).toBe(
      calendar.workingDaysBetween('2027-01-01', '2027-03-31') +
        calendar.workingDaysBetween('2027-03-31', '2027-06-30'),
    );
  });
});
