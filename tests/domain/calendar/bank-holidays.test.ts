import { describe, expect, it } from 'vitest';
import published from '../../../src/domain/calendar/bank-holidays-england-and-wales.json' with {
  type: 'json',
};
import { bankHolidays, easterSunday, isBankHoliday } from '../../../src/domain/calendar/index.js';

const publishedYears = [...new Set(published.events.map(({ date }) => Number(date.slice(0, 4))))];

describe('bankHolidays', () => {
  it('covers every year of the published GOV.UK list (2019 to 2028)', () => {
    expect(publishedYears).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028]);
  });

  it.each(publishedYears)('reproduces the published list for %i, dates and names', (year) => {
    const expected = published.events.filter(({ date }) => date.startsWith(`${year}-`));
    expect(bankHolidays(year)).toEqual(expected);
  });

  it('puts Easter on the dates of the computus (Good Friday two days before, Easter Monday one after)', () => {
    expect(
      bankHolidays(2026).filter(({ name }) => name.startsWith('Good') || name.startsWith('Easter')),
    ).toEqual([
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-06', name: 'Easter Monday' },
    ]);
    // Easter as early and as late as it can be
    expect(bankHolidays(2285).find(({ name }) => name === 'Easter Monday')?.date).toBe('2285-03-23');
    expect(bankHolidays(2038).find(({ name }) => name === 'Easter Monday')?.date).toBe('2038-04-26');
  });

  it('moves New Year’s Day off a weekend to the Monday', () => {
    expect(bankHolidays(2033)[0]).toEqual({ date: '2033-01-03', name: "New Year's Day" });
    expect(bankHolidays(2034)[0]).toEqual({ date: '2034-01-02', name: "New Year's Day" });
  });

  it('gives Christmas on a Sunday the Tuesday, Boxing Day keeping its Monday, as GOV.UK names them', () => {
    expect(bankHolidays(2033).slice(-2)).toEqual([
      { date: '2033-12-26', name: 'Boxing Day' },
      { date: '2033-12-27', name: 'Christmas Day' },
    ]);
  });

  it('knows the one-off changes before the published list: 2002 and 2012 jubilees, 2011 wedding, millennium', () => {
    const dates = (year: number) => bankHolidays(year).map(({ date }) => date);
    expect(dates(2012)).toContain('2012-06-04');
    expect(dates(2012)).toContain('2012-06-05');
    expect(dates(2012)).not.toContain('2012-05-28');
    expect(dates(2002)).toEqual(expect.arrayContaining(['2002-06-03', '2002-06-04']));
    expect(dates(2011)).toContain('2011-04-29');
    expect(dates(1999)).toContain('1999-12-31');
    expect(dates(1995)).toContain('1995-05-08');
    expect(dates(1995)).not.toContain('1995-05-01');
  });

  it('lists every year in date order, eight a year in an ordinary year', () => {
    for (let year = 1978; year <= 2100; year++) {
      const dates = bankHolidays(year).map(({ date }) => date);
      expect(dates).toEqual([...dates].sort());
      expect(new Set(dates).size).toBe(dates.length);
    }
    expect(bankHolidays(2031)).toHaveLength(8);
  });

  it('hands out copies, so a caller cannot change the calendar', () => {
    const first = bankHolidays(2026);
    first.pop();
    const christmas = bankHolidays(2026)[6];
    if (christmas) christmas.date = '2026-01-02';
    expect(bankHolidays(2026)).toHaveLength(8);
    expect(isBankHoliday('2026-01-02')).toBe(false);
    expect(isBankHoliday('2026-12-25')).toBe(true);
  });

  it('finds Easter Sunday for known years', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2019)).toBe('2019-04-21');
  });
});
