import { fail } from '../decider.js';
import { type Handlers, sameSchool, startClock } from './decide-support.js';
import { eheEvent } from './events.js';
import { checkDate, checkNotBefore } from './guards.js';
import { orderInForce, requireStage, statutory } from './sao-guards.js';
import { requireMaintainedConsulted } from './sao-school-checks.js';

/** The stages in which the council may still come to name a school in the order. */
const beforeOrder = ['expedient', 'notice_of_intention_served', 'school_chosen'] as const;

export type SaoSchoolsCommandType =
  | 'RecordSchoolApplicationDecision'
  | 'NotifyGoverningBody'
  | 'RecordGoverningBodyDirectionApplication'
  | 'RecordSecretaryOfStateSchoolDirection'
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

  /**
   * s.439 (text not in the stored statute; its subsections unverified): a maintained school's governing body
   * may, within 15 days of being told, apply to the Secretary of State for a direction. An application after
   * the 15 days is recorded as out of time: it does not hold the order back.
   */
  RecordGoverningBodyDirectionApplication(data, state, ctx) {
    checkDate(ctx, state, data.appliedOn, 'appliedOn');
    requireStage(state.sao, beforeOrder, "a governing body's application for a direction");
    const period = state.sao.schools.directionPeriods.findLast((p) => sameSchool(p.school, data.school));
    if (!period)
      fail.conflict(
        'governing_body_not_notified',
        `the governing body of ${data.school.name} has not been told the council means to name it`,
        'school',
      );
    checkNotBefore(data.appliedOn, period.notifiedOn, 'appliedOn', 'the governing body was told');
    if (state.sao.schools.directionApplications.some((a) => sameSchool(a.school, data.school)))
      fail.conflict(
        'sao_step_out_of_order',
        `the governing body of ${data.school.name} has already applied for a direction`,
        'school',
      );
    return [
      eheEvent('GoverningBodyAppliedForDirection', {
        ...data,
        inTime: data.appliedOn <= period.endsOn,
        ...statutory(ctx, 'governingBodyDirection'),
      }),
    ];
  },

  RecordSecretaryOfStateSchoolDirection(data, state, ctx) {
    checkDate(ctx, state, data.directedOn, 'directedOn');
    requireStage(state.sao, beforeOrder, "the Secretary of State's direction on a school");
    const application = state.sao.schools.directionApplications.find((a) =>
      sameSchool(a.school, data.school),
    );
    if (application?.outcome !== 'pending')
      fail.conflict(
        'sao_step_out_of_order',
        `no application by the governing body of ${data.school.name} awaits a direction`,
        'school',
      );
    checkNotBefore(data.directedOn, application.appliedOn, 'directedOn', 'the application');
    return [
      eheEvent('SecretaryOfStateSchoolDirectionRecorded', {
        ...data,
        ...statutory(ctx, 'governingBodyDirection'),
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
