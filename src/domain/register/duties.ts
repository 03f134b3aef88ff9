import { addMonths, type IsoDate } from '../calendar/index.js';

/**
 * Rules of the Children Not In School register's duties that do not depend on a case type (issue 18 item 3).
 */

/**
 * EA 1996 s.436E (CWSA 2026 s.38): the council may not ask a provider for updates more often than every
 * `intervalMonths` (3 by the Act, as the Lords Report amendments gave it). The first day a new request to
 * the provider may be made, given the days the earlier ones were made; undefined when none was.
 */
export function nextProviderRequestOn(
  earlier: readonly IsoDate[],
  intervalMonths: number,
): IsoDate | undefined {
  const last = earlier.reduce<IsoDate | undefined>(
    (latest, on) => (latest === undefined || on > latest ? on : latest),
    undefined,
  );
  return last === undefined ? undefined : addMonths(last, intervalMonths);
}

/**
 * Whether a register failure (information not given, s.436D; a home visit refused, s.436B) can start the
 * School Attendance Order route on a day: only under the new regime (EA 1996 ss.436H–436N, CWSA 2026 s.39),
 * so only on or after its commencement (`commencement.schoolAttendanceOrders`), and only for a failure that
 * arose under the register's duty. The current regime's s.437(1) notice needs the education to appear
 * unsuitable and does not take these grounds.
 */
export function saoGroundUsableOn(
  ground: { aroseOn: IsoDate },
  schoolAttendanceOrdersCommencement: IsoDate | null | undefined,
  on: IsoDate,
): boolean {
  return (
    schoolAttendanceOrdersCommencement != null &&
    on >= schoolAttendanceOrdersCommencement &&
    on >= ground.aroseOn
  );
}
