import type { IsoDate } from '../calendar/index.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import type { EheCommandOf } from './commands.js';
import { type Handlers, sameSchool, startClock } from './decide-support.js';
import { planOn } from './ehc-plan.js';
import { type EheEvent, eheEvent } from './events.js';
import { checkDate, checkNotBefore } from './guards.js';
import {
  checkPlanSchool,
  orderInForce,
  refuseForChildWithPlan,
  requireCompulsorySchoolAge,
  statutory,
} from './sao-guards.js';
import type { EheState } from './state.js';

export type SaoOrderCommandType = 'AmendSchoolAttendanceOrder' | 'RecordSaoCompliance';

type AmendData = EheCommandOf<'AmendSchoolAttendanceOrder'>['data'];

function required<T>(value: T | undefined, field: string, why: string): T {
  if (value === undefined) fail.invalid('field_required', `${field} is required: ${why}`, field);
  return value;
}

/**
 * s.440(2): "(a) the parent applies for the child to be admitted to a school … which is different from the
 * school named in the order, (b) the child is offered a place at the school as a result of the application,
 * and (c) the parent requests the [local authority] by whom the order was served to amend it … the authority
 * shall comply with the request." s.440(1): only for a child "other than a child for whom the [local
 * authority] maintain an EHC plan".
 */
function atParentRequest(data: AmendData, state: EheState, servedOn: IsoDate) {
  const why = 's.440(2) needs the application, the place offered and the request';
  const appliedOn = required(data.appliedOn, 'appliedOn', why);
  const offeredOn = required(data.offeredOn, 'offeredOn', why);
  const requestedOn = required(data.requestedOn, 'requestedOn', why);
  refuseForChildWithPlan(state, requestedOn, "an amendment at the parent's request (s.440)", 'initiatedBy');
  refuseForChildWithPlan(
    state,
    data.amendedOn,
    "an amendment at the parent's request (s.440)",
    'initiatedBy',
  );
  checkNotBefore(offeredOn, appliedOn, 'offeredOn', 'the application');
  checkNotBefore(requestedOn, offeredOn, 'requestedOn', 'the offer of a place');
  checkNotBefore(requestedOn, servedOn, 'requestedOn', 'service of the order');
  checkNotBefore(data.amendedOn, requestedOn, 'amendedOn', "the parent's request");
  return { requestedOn, appliedOn, offeredOn };
}

/** s.437(4): the order continues "subject to any amendment made by the local education authority". */
function onCouncilInitiative(data: AmendData, state: EheState) {
  required(data.rationale, 'rationale', 'the council says why it amends the order');
  for (const field of ['requestedOn', 'appliedOn', 'offeredOn'] as const) {
    if (data[field] !== undefined)
      fail.invalid('contradictory_fields', `${field} belongs to an amendment at the parent's request`, field);
  }
  // For a child with a plan the order keeps naming the plan's school (s.441).
  const plan = planOn(state.ehcPlan, data.amendedOn);
  if (plan) checkPlanSchool(state, plan, data.school, data.amendedOn);
}

function amend(data: AmendData, state: EheState, ctx: DecideContext): EheEvent[] {
  for (const field of ['requestedOn', 'appliedOn', 'offeredOn', 'amendedOn'] as const) {
    const date = data[field];
    if (date !== undefined) checkDate(ctx, state, date, field);
  }
  const order = orderInForce(state);
  checkNotBefore(data.amendedOn, order.servedOn, 'amendedOn', 'service of the order');
  requireCompulsorySchoolAge(state, data.amendedOn, 'amendedOn');
  const parentRequest =
    data.initiatedBy === 'parent_request' ? atParentRequest(data, state, order.servedOn) : null;
  if (data.initiatedBy === 'council') onCouncilInitiative(data, state);
  // s.440(2)(a): a school "different from the school named in the order".
  if (sameSchool(order.school, data.school))
    fail.conflict('school_already_named', `the order already names ${order.school.name}`, 'school');
  const clock = startClock(ctx, 'saoCompliance', data.amendedOn, { schoolId: data.school.schoolId });
  return [
    eheEvent('SchoolAttendanceOrderAmended', {
      initiatedBy: data.initiatedBy,
      amendedOn: data.amendedOn,
      school: data.school,
      parentRequest,
      ...(data.rationale === undefined ? {} : { rationale: data.rationale }),
      ...statutory(ctx, parentRequest ? 'orderAmended' : 'orderAmendedByCouncil'),
      clocksStarted: [clock],
    }),
  ];
}

/** An order in force: amendment (s.440 at the parent's request, s.437(4) by the council), compliance. */
export const saoOrderHandlers: Handlers<SaoOrderCommandType> = {
  AmendSchoolAttendanceOrder: amend,

  RecordSaoCompliance(data, state, ctx) {
    checkDate(ctx, state, data.registeredOn, 'registeredOn');
    const order = orderInForce(state);
    if (order.complied) fail.conflict('sao_step_out_of_order', 'compliance is already recorded');
    checkNotBefore(data.registeredOn, order.servedOn, 'registeredOn', 'service of the order');
    return [
      eheEvent('SchoolAttendanceOrderComplied', {
        ...data,
        ...statutory(ctx, 'orderComplied'),
      }),
    ];
  },
};
