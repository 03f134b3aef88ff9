import { compulsorySchoolAge, type IsoDate } from '../calendar/index.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import { checkDate, checkNotBefore } from './guards.js';
import type { EheState, SaoState } from './state.js';

/**
 * The days a prosecution is for. s.443(1): the offence is that a parent "fails to comply with the requirements
 * of the order", so the days must fall while the order was in force: not before it was first served (its
 * deemed day of service: Interpretation Act 1978 s.7), and not after it ceased. It ceases with compulsory school
 * age (s.437(4) "continue in force for so long as the child is of compulsory school age"; s.8(3) "at the end of
 * the day which is the school leaving date"). The prosecution starts while the order is in force (the caller
 * checks), so no day after `startedOn` can yet be one of non-compliance.
 */
export function checkOffencePeriod(
  ctx: DecideContext,
  state: EheState,
  order: NonNullable<SaoState['order']>,
  period: { from: IsoDate; to: IsoDate },
  startedOn: IsoDate,
): void {
  checkDate(ctx, state, period.from, 'offencePeriod.from');
  checkDate(ctx, state, period.to, 'offencePeriod.to');
  checkNotBefore(period.to, period.from, 'offencePeriod.to', 'the start of the offence period');
  const servedOn = firstServiceOfOrder(state.sao, order);
  if (period.from < servedOn) {
    outside('offencePeriod.from', `it starts before the order was served on ${servedOn}`);
  }
  if (state.dateOfBirth !== null) {
    const leavingDate = compulsorySchoolAge(state.dateOfBirth).end;
    if (period.to > leavingDate)
      outside(
        'offencePeriod.to',
        `the order ceased with compulsory school age at the end of ${leavingDate} (s.437(4))`,
      );
  }
  if (period.to > startedOn) {
    outside('offencePeriod.to', `it ends after the prosecution began on ${startedOn}`);
  }
}

/** The order's earliest service (an amended order is the same order, in force since that service). */
function firstServiceOfOrder(sao: SaoState, order: NonNullable<SaoState['order']>): IsoDate {
  const served = sao.services
    .filter((s) => s.document === 'schoolAttendanceOrder')
    .map((s) => s.servedOn)
    .sort();
  return served[0] ?? order.servedOn;
}

function outside(field: string, why: string): never {
  fail.invalid(
    'offence_period_outside_order',
    `the offence period is not within the order's life: ${why}`,
    field,
  );
}
