import { z } from 'zod';
import { addCalendarDays, type IsoDate, isoDateSchema } from './calendar/index.js';
import { ukAddressSchema } from './child.js';
import { createCodec } from './codec.js';
import { ChildSchema, ParentCarerSchema, SchoolSchema } from './ehe/values.js';

/**
 * A new pupil return: reg 13(1) of the School Attendance (Pupil Registration) (England) Regulations 2024
 * has a school, "by the end of the fifth day after the day when the name of a registered pupil … is entered
 * in the admission register", give the council "all the information about the pupil that is entered in the
 * admission register" (pupils starting in the most junior class on the first day of the school year only
 * when the council asks: reg 13(2)–(3)). The council matches it against its open CME cases: a child it was
 * tracing is found on roll.
 */
export const SchoolNewPupilReturnSchema = z.strictObject({
  school: SchoolSchema,
  /** The pupil as the admission register holds them (reg 8): names, date of birth, sex, address, UPN. */
  pupil: ChildSchema,
  parentsCarers: z.array(ParentCarerSchema).max(10).default([]),
  /** The day the pupil's name was entered in the admission register. */
  enteredOn: isoDateSchema,
  /** The pupil's starting day (reg 8(2)(h)), when it is not the day of entry. */
  startingDay: isoDateSchema.optional(),
  previousSchool: SchoolSchema.optional(),
  previousAddress: ukAddressSchema.optional(),
});
export type SchoolNewPupilReturn = z.infer<typeof SchoolNewPupilReturnSchema>;

/** The last day a new pupil return is in time: the end of the fifth day after the day of entry (reg 13(1)). */
export const newPupilReturnDueBy = (enteredOn: IsoDate): IsoDate => addCalendarDays(enteredOn, 5);

export const newPupilReturnStreamOf = (returnId: string): string => `newpupilreturn-${returnId}`;

export const NewPupilReturnReceivedSchema = z.strictObject({
  ...SchoolNewPupilReturnSchema.shape,
  returnId: z.uuid(),
  /** The London day the return arrived, and the day reg 13(1) had it due by. */
  receivedOn: isoDateSchema,
  dueBy: isoDateSchema,
  /** The open CME cases it matched (by UPN, or normalised names and date of birth): each was told. */
  matchedCmeCaseIds: z.array(z.uuid()),
});

export const newPupilReturnEvents = {
  NewPupilReturnReceived: { schemaVersion: 1, data: NewPupilReturnReceivedSchema },
} as const;

export const newPupilReturnCodec = createCodec(newPupilReturnEvents, {}, 'new pupil return');

export const newPupilReturnReceived = (
  sent: SchoolNewPupilReturn,
  returnId: string,
  receivedOn: IsoDate,
  matchedCmeCaseIds: string[],
) => ({
  type: 'NewPupilReturnReceived' as const,
  data: { ...sent, returnId, receivedOn, dueBy: newPupilReturnDueBy(sent.enteredOn), matchedCmeCaseIds },
});
