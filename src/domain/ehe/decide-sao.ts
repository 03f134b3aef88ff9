import { fail } from '../decider.js';
import { statutoryFloors } from '../policy.js';
import { type SaoEnforcementCommandType, saoEnforcementHandlers } from './decide-sao-enforcement.js';
import { type SaoEsoCommandType, saoEsoHandlers } from './decide-sao-eso.js';
import { type SaoOrderCommandType, saoOrderHandlers } from './decide-sao-order.js';
import { type SaoSchoolsCommandType, saoSchoolsHandlers } from './decide-sao-schools.js';
import { type Handlers, sameSchool, startClock } from './decide-support.js';
import { eheEvent } from './events.js';
import { checkDate, checkNotBefore } from './guards.js';
import { beforeAnOrder, checkExpired, checkServed, isNamed, requireStage, statutory } from './sao-guards.js';
import {
  checkGoverningBodyPeriod,
  checkNamedInNotice,
  checkNotExcluded,
  inForceClock,
} from './sao-school-checks.js';
import { isSaoRouteActive } from './state.js';

export type SaoRouteCommandType =
  | 'ServeSection437Notice'
  | 'JudgeSection437Response'
  | 'DecideAttendanceExpediency'
  | 'ConsultSchool'
  | 'ServeSection438Notice'
  | 'RecordParentSchoolChoice'
  | 'ServeSchoolAttendanceOrder';

/**
 * The route to an order: the s.437(1) notice and its response, expediency, consultation (s.439), the s.438
 * notice and the parent's choice, the order (s.437(3)). The order's life and enforcement are in
 * decide-sao-order.ts and decide-sao-enforcement.ts; the checks they share in sao-guards.ts.
 */
export const saoRouteHandlers: Handlers<SaoRouteCommandType> = {
  ServeSection437Notice(data, state, ctx) {
    checkServed(ctx, state, data);
    if (isSaoRouteActive(state.sao))
      fail.conflict('sao_step_out_of_order', 'a School Attendance Order route is already under way');
    // s437(1) applies when it appears the child is not receiving suitable education.
    if (state.suitability?.outcome !== 'appears_unsuitable') {
      fail.conflict('sao_step_out_of_order', 'education must first be judged to appear unsuitable');
    }
    const periodDays = data.periodDays ?? ctx.policy.clocks.section437Notice.duration;
    const floor = statutoryFloors.section437Notice.duration;
    if (periodDays < floor) {
      fail.invalid(
        'notice_period_too_short',
        `the period must be at least ${floor} days beginning with service`,
        'periodDays',
      );
    }
    const clock = startClock(ctx, 'section437Notice', data.servedOn, { periodDays });
    return [
      eheEvent('Section437NoticeServed', {
        ...data,
        periodDays,
        periodEndsOn: clock.dueOn,
        ...statutory(ctx, 'section437Notice'),
        clocksStarted: [clock],
      }),
    ];
  },

  JudgeSection437Response(data, state, ctx) {
    checkDate(ctx, state, data.judgedOn, 'judgedOn');
    // The parent may satisfy the council at any point before an order (s.437(3)(a): an order follows only on
    // a failure to satisfy), and that ends the route; the council finds them wanting once, after the period.
    requireStage(
      state.sao,
      data.satisfied ? beforeAnOrder : ['notice_served'],
      data.satisfied ? 'finding the parent has satisfied the council' : 'judging the response',
    );
    const notice = state.sao.notice437!;
    checkNotBefore(data.judgedOn, notice.servedOn, 'judgedOn', 'service of the notice');
    if (!data.satisfied)
      checkExpired(ctx, notice.periodEndsOn, data.judgedOn, 'judgedOn', 'the s437(1) period');
    const clocksStarted = data.satisfied ? [startClock(ctx, 'annualContact', data.judgedOn)] : [];
    return [
      eheEvent('Section437ResponseJudged', {
        ...data,
        ...statutory(ctx, 'section437Notice'),
        clocksStarted,
      }),
    ];
  },

  DecideAttendanceExpediency(data, state, ctx) {
    checkDate(ctx, state, data.decidedOn, 'decidedOn');
    requireStage(state.sao, ['not_satisfied'], 'the expediency decision');
    return [eheEvent('AttendanceExpediencyDecided', { ...data, ...statutory(ctx, 'expediency') })];
  },

  ConsultSchool(data, state, ctx) {
    checkDate(ctx, state, data.consultedOn, 'consultedOn');
    requireStage(state.sao, ['expedient'], 'consulting a school');
    return [
      eheEvent('SchoolConsulted', {
        ...data,
        childPermanentlyExcluded: data.childPermanentlyExcluded ?? false,
        ...statutory(ctx, 'schoolConsultation'),
      }),
    ];
  },

  ServeSection438Notice(data, state, ctx) {
    checkServed(ctx, state, data);
    requireStage(state.sao, ['expedient'], 'the notice of intention');
    // s.439: every school the notice names, the alternatives too, consulted and not one the child is excluded from.
    const { schools, consultedSchools } = state.sao;
    checkNamedInNotice(schools, consultedSchools, data.intendedSchool, 'intendedSchool');
    for (const [i, school] of data.alternativeSchools.entries())
      checkNamedInNotice(schools, consultedSchools, school, `alternativeSchools.${i}`);
    const clock = startClock(ctx, 'section438Choice', data.servedOn);
    return [
      eheEvent('Section438NoticeServed', {
        ...data,
        choiceEndsOn: clock.dueOn,
        ...statutory(ctx, 'noticeOfIntention'),
        clocksStarted: [clock],
      }),
    ];
  },

  RecordParentSchoolChoice(data, state, ctx) {
    requireStage(state.sao, ['notice_of_intention_served'], "the parent's choice");
    if (state.sao.schools.application?.outcome === 'pending')
      fail.conflict('school_application_pending', "the parent's application awaits the school's decision");
    const notice = state.sao.noticeOfIntention!;
    // s.438 (as the Bill's s.436K(4) mirrors it): what falls within the 15 days is the parent's selection,
    // or the application elsewhere and the notice of it to the council; an offer may come later.
    const inPeriod = (date: string, field: string, what: string) => {
      checkDate(ctx, state, date, field);
      checkNotBefore(date, notice.servedOn, field, 'service of the notice of intention');
      if (date > notice.choiceEndsOn)
        fail.conflict(
          'choice_period_expired',
          `${what} ${date}: the parent's 15 days ended on ${notice.choiceEndsOn}`,
          field,
        );
    };
    const { kind, school } = data;
    const fields =
      kind === 'named_school' ? (['chosenOn'] as const) : (['applicationMadeOn', 'notifiedOn'] as const);
    const others =
      kind === 'named_school' ? (['applicationMadeOn', 'notifiedOn'] as const) : (['chosenOn'] as const);
    for (const field of fields)
      if (data[field] === undefined) fail.invalid('field_required', `${kind} needs ${field}`, field);
    for (const field of others)
      if (data[field] !== undefined) fail.invalid('contradictory_fields', `${kind} has no ${field}`, field);
    const legal = statutory(ctx, 'parentChoice');
    if (kind === 'named_school') {
      const chosenOn = data.chosenOn!;
      inPeriod(chosenOn, 'chosenOn', 'chosen on');
      if (!isNamed(notice.schools, school))
        fail.conflict('school_not_named', 'the school is not one the notice named', 'school');
      return [eheEvent('SchoolChosenByParent', { kind, chosenOn, school, ...legal })];
    }
    const applicationMadeOn = data.applicationMadeOn!;
    const notifiedOn = data.notifiedOn!;
    inPeriod(applicationMadeOn, 'applicationMadeOn', 'applied on');
    inPeriod(notifiedOn, 'notifiedOn', 'the council told on');
    checkNotBefore(notifiedOn, applicationMadeOn, 'notifiedOn', 'the application');
    return [
      eheEvent('SchoolChosenByParent', {
        kind,
        school,
        applicationMadeOn,
        notifiedOn,
        offeredOn: null,
        ...legal,
      }),
    ];
  },

  ServeSchoolAttendanceOrder(data, state, ctx) {
    checkServed(ctx, state, data);
    requireStage(state.sao, ['notice_of_intention_served', 'school_chosen'], 'the order');
    const { sao } = state;
    const notice = sao.noticeOfIntention!;
    if (sao.stage === 'school_chosen') {
      if (sao.parentChoice && !sameSchool(sao.parentChoice, data.school)) {
        fail.conflict('school_not_chosen', 'the order names the school the parent chose', 'school');
      }
    } else {
      // s.438: while an in-time application is undecided the council cannot name a school of its own.
      if (sao.schools.application?.outcome === 'pending')
        fail.conflict('school_application_pending', "the parent's application awaits the school's decision");
      checkExpired(ctx, notice.choiceEndsOn, data.issuedOn, 'issuedOn', "the parent's choice period");
      if (!isNamed(notice.schools, data.school))
        fail.conflict('school_not_named', 'name a school the notice named', 'school');
    }
    checkNotExcluded(sao.schools, data.school, 'school');
    checkGoverningBodyPeriod(ctx, sao.schools, data.school, data.issuedOn);
    if (state.priorityFlags.includes('ehcp') && !data.schoolNamedInEhcp) {
      fail.invalid(
        'ehcp_school_required',
        "for a child with an EHCP the order names the plan's school",
        'schoolNamedInEhcp',
      );
    }
    const clocksStarted = [
      startClock(ctx, 'saoCompliance', data.servedOn, { schoolId: data.school.schoolId }),
      ...inForceClock(ctx, state, data.servedOn),
      // s.437(5) "shall inform the governing body and the head teacher": a local clock to do it.
      startClock(ctx, 'namedSchoolInformed', data.servedOn),
    ];
    return [
      eheEvent('SchoolAttendanceOrderServed', { ...data, ...statutory(ctx, 'orderServed'), clocksStarted }),
    ];
  },
};

export type SaoCommandType =
  | SaoRouteCommandType
  | SaoOrderCommandType
  | SaoEnforcementCommandType
  | SaoSchoolsCommandType
  | SaoEsoCommandType;

export const saoHandlers: Handlers<SaoCommandType> = {
  ...saoRouteHandlers,
  ...saoOrderHandlers,
  ...saoEnforcementHandlers,
  ...saoSchoolsHandlers,
  ...saoEsoHandlers,
};
