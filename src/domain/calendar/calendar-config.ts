import { z } from 'zod';
import { isoDateSchema } from './iso-date.js';

/** A term, both ends included. School days are the working days inside a term. */
export const termDatesSchema = z
  .strictObject({ start: isoDateSchema, end: isoDateSchema })
  .refine(({ start, end }) => start <= end, { error: 'a term must not end before it starts', path: ['end'] });
export type TermDates = z.infer<typeof termDatesSchema>;

// Strict, so a misspelt key in a council's configuration file is refused rather than silently ignored
export const calendarConfigSchema = z.strictObject({
  /** Days the council is closed (e.g. between Christmas and New Year): not working days. */
  closureDays: z.array(isoDateSchema).optional(),
  termDates: z
    .strictObject({
      council: z.array(termDatesSchema).optional(),
      /** By school id; a school's own terms replace the council's for the academic years they cover. */
      schools: z.record(z.string().min(1), z.array(termDatesSchema)).optional(),
    })
    .optional(),
  /** One-off bank holidays announced after this release. */
  extraBankHolidays: z
    .array(z.strictObject({ date: isoDateSchema, name: z.string().trim().min(1) }))
    .optional(),
});
export type CalendarConfig = z.infer<typeof calendarConfigSchema>;
