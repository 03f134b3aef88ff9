import type { IsoDate } from '../calendar/index.js';
import type { DecideContext } from '../context.js';
import { checkExpired } from './sao-guards.js';
import { requireServedOn } from './service.js';
import type { SaoState } from './state.js';

/** The stages in which a s.438 notice has been served and may be served on a further parent. */
export const afterNotice438 = (sao: SaoState): boolean =>
  ['notice_of_intention_served', 'school_chosen', 'order_in_force'].includes(sao.stage);

/**
 * s.443(1) makes the offender "a parent on whom a school attendance order is served", and s.437(3) serves the
 * order on "a parent on whom a notice has been served under subsection (1)" who failed to satisfy the council
 * "within the period specified in the notice": an order on a parent needs the s.437(1) notice served on that
 * parent, with that parent's period ended. Where the route had a s.438 notice (a child without an EHC plan),
 * it was served on that parent too, and that parent's 15 days have ended or a school was chosen since.
 * A service recorded before services named a parent counts for any parent (`serviceOn`).
 */
export function requireOrderMayBeServedOn(
  ctx: DecideContext,
  sao: SaoState,
  parentId: string,
  issuedOn: IsoDate,
  /** False for a child with an EHC plan on the day of service: s.438 does not apply, a notice is spent. */
  afterNoticeOfIntention = true,
): void {
  const notice437 = requireServedOn(sao, 'section437Notice', parentId);
  checkExpired(ctx, notice437.endsOn!, issuedOn, 'issuedOn', `the s437(1) period for ${parentId}`);
  if (!afterNoticeOfIntention || !sao.noticeOfIntention) return;
  const notice438 = requireServedOn(sao, 'section438Notice', parentId);
  const chosenSince = sao.parentChoiceOn !== undefined && sao.parentChoiceOn >= notice438.servedOn;
  if (!chosenSince)
    checkExpired(ctx, notice438.endsOn!, issuedOn, 'issuedOn', `the s438 choice period for ${parentId}`);
}
