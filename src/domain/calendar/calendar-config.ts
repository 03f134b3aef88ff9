import { z } from 'zod';
import { isoDateSchema } from './iso-date.js';

/** A term, both ends included. School days are the working days inside a term. */
export const termDatesSchema = z
  .strictObject({ start: isoDateSchema, end: isoDateSchema })
  .refine(({ start, end }) => start <= end, { error: 'a term must not end before it starts', path: ['end'] });
export type TermDates = z.infer<typeof termDatesSchema>;

// Strict, so a misspelt key in a council's configuration file is refused rather than silently ignored
export const calendarConfigSchema = z.strictObject({
  /**
   * Days the council's offices are closed (e.g. between Christmas and New Year): not working days. Schools
   * may be open on them, so they remain school days.
   */
  closureDays: z.array(isoDateSchema).optional(),
  /** Training (INSET) days inside a term: not school days, for the council's schools or one school's. */
  insetDays: z
    .strictObject({
      council: z.array(isoDateSchema).optional(),
      schools: z.record(z.string().min(1), z.array(isoDateSchema)).optional(),
    })
    .optional(),
  termDates: z
    .strictObject({
      council: z.array(termDatesSchema).optional(),
      /** By school id; a school's own terms replace the council's for the academic years they cover. */
      schools: z.record(z.string().min(1), z.array(termDatesSchema)).optional(),
    })
    .optional(),
  /**
   * One-off bank holidays announced after this release. One that `replaces` a statutory day moves it (as the
   * early May bank holiday moved from 4 to 8 May in 2020): the replaced day is then a working day.
   */
  extraBankHolidays: z
    .array(
      z.strictObject({
        date: isoDateSchema,
        name: z.string().trim().min(1),
        replaces: isoDateSchema.optional(),
      }),
    )
    .optional(),
});
export type CalendarConfig = z.infer<typeof calendarConfigSchema>;
