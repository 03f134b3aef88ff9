export { type BankHoliday, bankHolidays, easterSunday, isBankHoliday } from './bank-holidays.js';
export { type Calendar, type CouncilCalendar, createCalendar } from './calendar.js';
export {
  type CalendarConfig,
  calendarConfigSchema,
  type TermDates,
  termDatesSchema,
} from './calendar-config.js';
export {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  endOfPeriodBeginningWith,
  type IsoDate,
  isIsoDate,
  isoDateSchema,
} from './iso-date.js';
export { endOfLondonDay, londonDate, startOfLondonDay } from './london-time.js';
export { deemedPostalDelivery, nthPostalWorkingDayAfter, type PostClass } from './postal-service.js';
export {
  type AcademicYear,
  academicYearOf,
  type CompulsorySchoolAge,
  compulsorySchoolAge,
  isOfCompulsorySchoolAge,
  yearGroup,
  yearGroupLabel,
} from './school-age.js';
