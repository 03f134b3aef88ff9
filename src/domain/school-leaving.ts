import { addCalendarDays, compulsorySchoolAge, type IsoDate } from './calendar/index.js';

/**
 * The day a case whose child has left compulsory school age closes, or undefined while there is nothing
 * to close. EA 1996 s.8(3): a person ceases to be of compulsory school age "at the end of the day which is
 * the school leaving date" (the last Friday in June of the school year in which they turn 16, s.8(4) and
 * the Education (School Leaving Date) Order 1997), so the first day outside it is the day after. Both the
 * EHE duty (s.7, s.437(1): "a child of compulsory school age") and the CME duty (s.436A) end there.
 *
 * `leavingDate` is the date the sweep computed: when the recorded date of birth no longer gives it (it was
 * corrected since), nothing closes and the next sweep asks again with the new date. The case never closes
 * before it opened (a child referred after leaving, under a staff override of the school-age check).
 */
export function schoolAgeClosureOn(
  dateOfBirth: IsoDate | null | undefined,
  leavingDate: IsoDate,
  openedOn: IsoDate,
  today: IsoDate,
): IsoDate | undefined {
  if (!dateOfBirth) return undefined;
  const { end } = compulsorySchoolAge(dateOfBirth);
  if (end !== leavingDate || today <= end) return undefined;
  const dayAfter = addCalendarDays(end, 1);
  return dayAfter > openedOn ? dayAfter : openedOn;
}
