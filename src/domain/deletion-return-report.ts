import { calendarDaysBetween, type IsoDate } from './calendar/index.js';

/** What the late-returns report reads of each stored deletion return. */
export interface ReturnArrival {
  returnId: string;
  school: { name: string; urn?: string | undefined };
  deletedOn: IsoDate;
  /** Null for a return stored before its arrival day was recorded. */
  receivedOn: IsoDate | null;
}

export interface SchoolReturnTimeliness {
  school: { name: string; urn?: string };
  returns: number;
  late: number;
  /** Returns stored before the arrival day was recorded: neither on time nor late. */
  arrivalNotRecorded: number;
  lateReturns: { returnId: string; deletedOn: IsoDate; receivedOn: IsoDate; daysLate: number }[];
}

/**
 * The deletion returns of a period (by deletion date, both ends included) by school, with those that came
 * late. A school must make the return when it deletes the pupil (reg 13(4) of the School Attendance (Pupil
 * Registration) (England) Regulations 2024), and the CME statutory guidance has it made as soon as the
 * ground is met and no later than the deletion: a return that arrived after the deletion date is late.
 * Schools with the most late returns come first, then by name.
 */
export function lateReturnsBySchool(
  returns: Iterable<ReturnArrival>,
  from: IsoDate,
  to: IsoDate,
): SchoolReturnTimeliness[] {
  const bySchool = new Map<string, SchoolReturnTimeliness>();
  for (const sent of returns) {
    if (sent.deletedOn < from || sent.deletedOn > to) continue;
    const key = sent.school.urn ? `urn:${sent.school.urn}` : `name:${sent.school.name.toLowerCase()}`;
    const school = bySchool.get(key) ?? {
      school: { name: sent.school.name, ...(sent.school.urn ? { urn: sent.school.urn } : {}) },
      returns: 0,
      late: 0,
      arrivalNotRecorded: 0,
      lateReturns: [],
    };
    bySchool.set(key, school);
    school.returns++;
    if (sent.receivedOn === null) {
      school.arrivalNotRecorded++;
    } else if (sent.receivedOn > sent.deletedOn) {
      school.late++;
      school.lateReturns.push({
        returnId: sent.returnId,
        deletedOn: sent.deletedOn,
        receivedOn: sent.receivedOn,
        daysLate: calendarDaysBetween(sent.deletedOn, sent.receivedOn),
      });
    }
  }
  return [...bySchool.values()].sort((a, b) => b.late - a.late || a.school.name.localeCompare(b.school.name));
}
