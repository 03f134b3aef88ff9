import { describe, expect, it } from 'vitest';
import {
  academicYearOf,
  compulsorySchoolAge,
  isOfCompulsorySchoolAge,
  yearGroup,
  yearGroupLabel,
} from '../../../src/domain/calendar/index.js';

describe('academicYearOf', () => {
  it.each([
    ['2025-09-01', '2025-26', '2025-09-01', '2026-08-31'],
    ['2026-08-31', '2025-26', '2025-09-01', '2026-08-31'],
    ['2026-01-15', '2025-26', '2025-09-01', '2026-08-31'],
    ['1999-10-01', '1999-00', '1999-09-01', '2000-08-31'],
  ])('%s is in %s', (date, label, start, end) => {
    expect(academicYearOf(date)).toEqual({ label, start, end });
  });
});

describe('yearGroup', () => {
  it.each([
    ['2021-03-15', '2025-10-01', 0, 'aged 4 on 31 August: Reception'],
    ['2020-03-15', '2025-10-01', 1, 'aged 5: Year 1'],
    ['2014-08-31', '2025-09-01', 7, 'born 31 August: the youngest of Year 7'],
    ['2014-09-01', '2025-09-01', 6, 'born 1 September: the oldest of Year 6, not the youngest of Year 7'],
    ['2013-09-01', '2025-09-01', 7, 'born 1 September a year earlier: the oldest of Year 7'],
    ['2014-08-31', '2025-08-31', 6, 'on 31 August the old academic year still runs'],
    ['2010-01-10', '2025-11-01', 11, 'aged 15: Year 11'],
    ['2016-02-29', '2025-09-01', 5, 'a leap-day birthday'],
    ['2024-05-01', '2025-10-01', -3, 'a baby: below Reception'],
    ['2005-05-01', '2025-10-01', 16, 'a young adult: beyond Year 13'],
  ])('born %s, on %s: %i (%s)', (dateOfBirth, at, expected) => {
    expect(yearGroup(dateOfBirth, at)).toBe(expected);
  });

  it('rejects dates that are not real', () => {
    expect(() => yearGroup('2014-02-30', '2025-09-01')).toThrow(RangeError);
  });
});

describe('yearGroupLabel', () => {
  it.each([
    [-1, 'below Reception'],
    [0, 'Reception'],
    [1, 'Year 1'],
    [7, 'Year 7'],
    [11, 'Year 11'],
    [13, 'Year 13'],
    [14, 'above Year 13'],
  ])('%i is %s', (group, label) => {
    expect(yearGroupLabel(group)).toBe(label);
  });
});

describe('compulsorySchoolAge starts on the first prescribed day on or after the fifth birthday', () => {
  it.each([
    ['2020-01-15', '2025-03-31', 'a January birthday: 31 March'],
    ['2020-03-31', '2025-03-31', 'fifth birthday on 31 March: that day'],
    ['2020-04-01', '2025-08-31', 'the day after: 31 August'],
    ['2020-08-31', '2025-08-31', 'fifth birthday on 31 August: that day'],
    ['2020-09-01', '2025-12-31', '1 September: 31 December'],
    ['2020-12-31', '2025-12-31', 'fifth birthday on 31 December: that day'],
    ['2021-01-01', '2026-03-31', 'New Year’s Day: the next 31 March'],
    ['2020-02-29', '2025-03-31', 'a leap-day birth in a year without 29 February'],
  ])('born %s: from %s (%s)', (dateOfBirth, start) => {
    expect(compulsorySchoolAge(dateOfBirth).start).toBe(start);
  });
});

describe('compulsorySchoolAge ends on the last Friday in June of the school year in which the child turns 16', () => {
  it.each([
    ['2010-01-10', '2026-06-26', 'a January birthday'],
    ['2010-06-26', '2026-06-26', 'sixteen on that very Friday'],
    ['2010-06-30', '2026-06-26', 'sixteen after that Friday: leaves at 15'],
    ['2010-08-31', '2026-06-26', 'sixteen on 31 August: leaves at 15'],
    ['2010-09-01', '2027-06-25', 'sixteen on 1 September: the next school year'],
    ['2010-12-25', '2027-06-25', 'an autumn birthday'],
  ])('born %s: until %s (%s)', (dateOfBirth, end) => {
    expect(compulsorySchoolAge(dateOfBirth).end).toBe(end);
  });
});

describe('isOfCompulsorySchoolAge', () => {
  it('includes the first and the last day and nothing outside them', () => {
    expect(isOfCompulsorySchoolAge('2020-04-01', '2025-08-30')).toBe(false);
    expect(isOfCompulsorySchoolAge('2020-04-01', '2025-08-31')).toBe(true);
    expect(isOfCompulsorySchoolAge('2010-07-15', '2026-06-26')).toBe(true);
    expect(isOfCompulsorySchoolAge('2010-07-15', '2026-06-27')).toBe(false);
  });

  it('no longer applies to a child who left at 15 before a July birthday', () => {
    expect(isOfCompulsorySchoolAge('2010-07-15', '2026-07-14')).toBe(false);
  });
});
