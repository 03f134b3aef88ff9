import { z } from 'zod';
import { isoDateSchema } from './iso-date.js';

/** A term, both ends included. School days are the working days inside a term. */
export const termDatesSchema = z
  .object({ start: isoDateSchema, end: isoDateSchema })
  .refine(({ start, end }) => start <= end, { error: 'a term must not end before it starts', path: ['end'] });
export type TermDates = z.infer<typeof termDatesSchema>;

export const calendarConfigSchema = z.object({
  /** Days the council is closed (e.g. between Christmas and New Year): not working days. */
  closureDays: z.array(isoDateSchema).optional(),
  termDates: z
    .object({
      council: z.array(termDatesSchema).optional(),
      /** By school id; a school's own terms replace the council's for the academic years they cover. */
      schools: z.record(z.string().min(1), z.array(termDatesSchema)).optional(),
    })
    .optional(),
  /** One-off bank holidays announced after this release. */
  extraBankHolidays: z.array(z.object({ date: isoDateSchema, name: z.string().trim().min(1) })).optional(),
});
export type CalendarConfig = z.infer<typeof calendarConfigSchema>;
