import { calendarDaysBetween, type IsoDate } from '../calendar/index.js';
import type { TimeMissing } from './values.js';

/** The DfE band's edge: "12 weeks or less" (DOMAIN.md "DfE codes"; see `unverifiedCodeLists` in the policy). */
const twelveWeeksInDays = 12 * 7;

/**
 * How long a child has been missing education on the census date, in the DfE collection's bands. The DfE
 * asks the length of time "at census date" (DfE CME methodology: "Length of time child was missing
 * education at census date", collected since autumn 2023), so it is measured from the recorded
 * `missingSince` each census, never fixed when the child was referred. Without a date the band is unknown,
 * except for a referral stored before the date was recorded that already said "more than 12 weeks": that
 * length only grows, so it stands. A "12 weeks or less" from such a referral says nothing about a later
 * census, so it reads as unknown rather than guessed.
 */
export function timeMissingAt(
  censusDate: IsoDate,
  missingSince: IsoDate | null | undefined,
  timeMissingAtReferral?: TimeMissing,
): TimeMissing {
  if (missingSince) {
    if (missingSince > censusDate) return 'unknown';
    return calendarDaysBetween(missingSince, censusDate) > twelveWeeksInDays
      ? 'more_than_twelve_weeks'
      : 'twelve_weeks_or_less';
  }
  return timeMissingAtReferral === 'more_than_twelve_weeks' ? 'more_than_twelve_weeks' : 'unknown';
}
