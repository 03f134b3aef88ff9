import { fail } from '../decider.js';
import { type Handlers, startClock } from './decide-support.js';
import { eheEvent } from './events.js';
import { checkDate, checkNotBefore } from './guards.js';
import { orderInForce, requireStage, statutory } from './sao-guards.js';
import { requireMaintainedConsulted } from './sao-school-checks.js';

export type SaoSchoolsCommandType =
  | 'RecordSchoolApplicationDecision'
  | 'NotifyGoverningBody'
  | 'RecordNamedSchoolInformed';

/** The schools' part around the order: the parent's application (s.438), governing bodies (s.439), s.437(5). */
export const saoSchoolsHandlers: Handlers<SaoSchoolsCommandType> = {
  RecordSchoolApplicationDecision(data, state, ctx) {
    checkDate(ctx, state, data.decidedOn, 'decidedOn');
    requireStage(state.sao, ['notice_of_intention_served'], "the school's decision");
    const { application } = state.sao.schools;
    if (application?.outcome !== 'pending')
      fail.conflict('sao_step_out_of_order', 'no application for a place awaits a decision');
    if (application.applicationMadeOn !== null)
      checkNotBefore(data.decidedOn, application.applicationMadeOn, 'decidedOn', 'the application');
    // The offer need not fall within the 15 days: only the application and the notice of it must (s.438).
    return [
      eheEvent('SchoolApplicationDecided', {
        school: application.school,
        ...data,
        ...statutory(ctx, 'schoolApplication'),
      }),
    ];
  },

  NotifyGoverningBody(data, state, ctx) {
    checkDate(ctx, state, data.notifiedOn, 'notifiedOn');
    requireStage(
      state.sao,
      ['expedient', 'notice_of_intention_served', 'school_chosen'],
      "telling a school's governing body",
    );
    requireMaintainedConsulted(state.sao.schools, data.school);
    // s.439 (not in the stored text; as the issue states it): 15 days to apply for a direction.
    const clock = startClock(ctx, 'governingBodyDirection', data.notifiedOn);
    return [
      eheEvent('GoverningBodyNotified', {
        ...data,
        directionPeriodEndsOn: clock.dueOn,
        ...statutory(ctx, 'governingBodyNotified'),
        clocksStarted: [clock],
      }),
    ];
  },

  RecordNamedSchoolInformed(data, state, ctx) {
    checkDate(ctx, state, data.informedOn, 'informedOn');
    const order = orderInForce(state);
    if (state.sao.schools.namedSchoolInformed)
      fail.conflict('sao_step_out_of_order', 'the named school has already been informed');
    checkNotBefore(data.informedOn, order.servedOn, 'informedOn', 'service of the order');
    // s.437(5) "the local education authority shall inform the governing body and the head teacher".
    return [
      eheEvent('NamedSchoolInformed', {
        school: order.school,
        informedOn: data.informedOn,
        ...statutory(ctx, 'namedSchoolInformed'),
      }),
    ];
  },
};
