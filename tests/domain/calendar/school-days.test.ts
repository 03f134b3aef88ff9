import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, createCalendar } from '../../../src/domain/calendar/index.js';

// The council's terms for 2025-26 only
const councilTerms = [
  { start: '2025-09-03', end: '2025-12-19' },
  { start: '2026-01-05', end: '2026-03-27' },
  { start: '2026-04-13', end: '2026-07-22' },
];
// An academy that starts and breaks up earlier
const academyTerms = [
  { start: '2025-09-01', end: '2025-12-17' },
  { start: '2026-01-06', end: '2026-03-25' },
  { start: '2026-04-14', end: '2026-07-17' },
];
const calendar = createCalendar({
  termDates: { council: councilTerms, schools: { academy: academyTerms } },
});

describe('school days without term dates', () => {
  const withoutTerms = createCalendar();

  it('are the working days, and the calendar says it has no term dates', () => {
    expect(withoutTerms.hasTermDates()).toBe(false);
    expect(withoutTerms.hasTermDates('academy')).toBe(false);
    expect(withoutTerms.isSchoolDay('2025-12-22')).toBe(true);
    expect(withoutTerms.isSchoolDay('2025-12-25')).toBe(false);
    expect(withoutTerms.addSchoolDays('2025-12-24', 5)).toBe(withoutTerms.addWorkingDays('2025-12-24', 5));
  });
});

describe('school days with the council’s term dates', () => {
  it('are working days inside a term', () => {
    expect(calendar.hasTermDates()).toBe(true);
    expect(calendar.isSchoolDay('2025-10-15')).toBe(true);
    expect(calendar.isSchoolDay('2025-10-18')).toBe(false); // a Saturday in term
    expect(calendar.isSchoolDay('2025-12-22')).toBe(false); // a working day in the holidays
    expect(calendar.isSchoolDay('2025-09-02')).toBe(false); // before the autumn term starts
    expect(calendar.isSchoolDay('2026-04-06')).toBe(false); // Easter Monday
  });

  it('count across the Christmas holidays', () => {
    expect(calendar.addSchoolDays('2025-12-18', 5)).toBe('2026-01-08');
    expect(calendar.schoolDaysBetween('2025-12-18', '2026-01-08')).toBe(5);
  });

  it('count something received in the holidays as received on the first day of term', () => {
    expect(calendar.addSchoolDays('2025-12-24', 1)).toBe('2026-01-06');
    expect(calendar.addSchoolDays('2025-12-24', 0)).toBe('2026-01-05');
    expect(calendar.schoolDaysBetween('2025-12-24', '2026-01-05')).toBe(0);
  });

  it('fall back to working days in an academic year the term dates do not reach', () => {
    expect(calendar.termDatesCover('2025-08-28')).toBe(false);
    expect(calendar.isSchoolDay('2025-08-28')).toBe(true);
    expect(calendar.termDatesCover('2026-08-10')).toBe(true); // the summer holiday of a covered year
    expect(calendar.isSchoolDay('2026-08-10')).toBe(false);
    // 31 August 2026 is a bank holiday; 1 September starts a year without term dates
    expect(calendar.addSchoolDays('2026-07-22', 1)).toBe('2026-09-01');
  });
});

describe('a school’s own term dates', () => {
  it('override the council’s for that school', () => {
    expect(calendar.hasTermDates('academy')).toBe(true);
    expect(calendar.isSchoolDay('2025-09-01', 'academy')).toBe(true);
    expect(calendar.isSchoolDay('2025-09-01')).toBe(false);
    expect(calendar.isSchoolDay('2025-12-18', 'academy')).toBe(false);
    expect(calendar.isSchoolDay('2025-12-18')).toBe(true);
    expect(calendar.addSchoolDays('2025-12-16', 2, 'academy')).toBe('2026-01-06');
    expect(calendar.schoolDaysBetween('2025-12-16', '2026-01-06', 'academy')).toBe(2);
  });

  it('leave any other school on the council’s terms', () => {
    expect(calendar.isSchoolDay('2025-09-01', 'another-school')).toBe(false);
    expect(calendar.addSchoolDays('2025-12-18', 5, 'another-school')).toBe('2026-01-08');
  });

  it('stand alone when the council has none', () => {
    const onlyTheAcademy = createCalendar({ termDates: { schools: { academy: academyTerms } } });
    expect(onlyTheAcademy.hasTermDates()).toBe(false);
    expect(onlyTheAcademy.hasTermDates('academy')).toBe(true);
    expect(onlyTheAcademy.isSchoolDay('2025-12-18')).toBe(true);
    expect(onlyTheAcademy.isSchoolDay('2025-12-18', 'academy')).toBe(false);
  });

  it('give way to the council’s in a year they do not cover', () => {
    const nextYear = createCalendar({
      termDates: {
        council: [...councilTerms, { start: '2026-09-02', end: '2026-12-18' }],
        schools: { academy: academyTerms },
      },
    });
    expect(nextYear.isSchoolDay('2026-09-01', 'academy')).toBe(false);
    expect(nextYear.isSchoolDay('2026-09-02', 'academy')).toBe(true);
  });
});

describe('term dates that do not make sense', () => {
  it('are refused when the calendar is made', () => {
    expect(() =>
      createCalendar({ termDates: { council: [{ start: '2026-01-05', end: '2025-12-19' }] } }),
    ).toThrow(/must not end before it starts/);
    expect(() => createCalendar({ closureDays: ['2025-02-30'] })).toThrow(/real calendar date/);
  });
});

describe('school days, for any date', () => {
  const someDate = fc.integer({ min: 0, max: 800 }).map((offset) => addCalendarDays('2025-06-01', offset));
  const someCount = fc.integer({ min: 0, max: 80 });
  const someSchool = fc.constantFrom(undefined, 'academy', 'another-school');

  it('addSchoolDays lands on a school day and schoolDaysBetween counts the same days back', () => {
    fc.assert(
      fc.property(someDate, someCount, someSchool, (date, n, school) => {
        const due = calendar.addSchoolDays(date, n, school);
        expect(calendar.isSchoolDay(due, school)).toBe(true);
        expect(calendar.schoolDaysBetween(date, due, school)).toBe(n);
      }),
    );
  });
});

describe('calendar configuration', () => {
  it('refuses a misspelt key rather than ignoring it', () => {
    expect(() => createCalendar(JSON.parse('{ "closureDay": ["2025-12-29"] }'))).toThrow(/closureDay/);
  });
});
