import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import { statutoryFloors } from '../policy.js';
import type { EheCommandOf } from './commands.js';
import { type EhcPlanCommandType, ehcPlanHandlers } from './decide-ehc-plan.js';
import { type SaoEnforcementCommandType, saoEnforcementHandlers } from './decide-sao-enforcement.js';
import { type SaoEsoCommandType, saoEsoHandlers } from './decide-sao-eso.js';
import { type SaoOrderCommandType, saoOrderHandlers } from './decide-sao-order.js';
import { type SaoRevocationCommandType, saoRevocationHandlers } from './decide-sao-revocation.js';
import { type SaoSchoolsCommandType, saoSchoolsHandlers } from './decide-sao-schools.js';
import { type Handlers, sameSchool, startClock } from './decide-support.js';
import { type EhcPlanOn, planOn } from './ehc-plan.js';
import { eheEvent } from './events.js';
import { checkDate, checkNotBefore } from './guards.js';
import {
  beforeAnOrder,
  checkExpired,
  checkPlanSchool,
  isNamed,
  refuseForChildWithPlan,
  requireStage,
  statutory,
} from './sao-guards.js';
import { afterNotice438, requireOrderMayBeServedOn } from './sao-parent-guards.js';
import {
  checkGoverningBodyPeriod,
  checkNamedInNotice,
  checkNotExcluded,
  inForceClock,
} from './sao-school-checks.js';
import { effectiveService, requireNotYetServedOn, requireServedOn } from './service.js';
import { type EheState, isSaoRouteActive } from './state.js';

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
    const { sao } = state;
    // The same notice (same `noticeId`) served on another parent while its route runs: a service of its own.
    const further = isSaoRouteActive(sao) && sao.notice437?.noticeId === data.noticeId;
    if (further) requireNotYetServedOn(sao, 'section437Notice', data.parentId);
    else {
      if (isSaoRouteActive(sao))
        fail.conflict('sao_step_out_of_order', 'a School Attendance Order route is already under way');
      // s437(1) applies when it appears the child is not receiving suitable education.
      if (state.suitability?.outcome !== 'appears_unsuitable') {
        fail.conflict('sao_step_out_of_order', 'education must first be judged to appear unsuitable');
      }
    }
    const served = effectiveService(ctx, state, data);
    const periodDays = data.periodDays ?? ctx.policy.clocks.section437Notice.duration;
    const floor = statutoryFloors.section437Notice.duration;
    if (periodDays < floor) {
      fail.invalid(
        'notice_period_too_short',
        `the period must be at least ${floor} days beginning with service`,
        'periodDays',
      );
    }
    // s.437(2): "not less than 15 days beginning with the day on which the notice is served", the day this
    // parent was served (deemed, for a posted notice).
    const clock = startClock(ctx, 'section437Notice', served.servedOn, { periodDays });
    // The clock follows the latest period, and only while the response is awaited: once judged, a later
    // parent's period is checked when the order is served on that parent.
    const moves = !further || (sao.stage === 'notice_served' && clock.dueOn > sao.notice437!.periodEndsOn);
    return [
      eheEvent('Section437NoticeServed', {
        noticeId: data.noticeId,
        additionalService: further,
        issuedOn: data.issuedOn,
        ...served,
        periodDays,
        periodEndsOn: clock.dueOn,
        ...statutory(ctx, 'section437Notice'),
        clocksStarted: moves ? [clock] : [],
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
    // Consultation is for the school a s.438 notice would name; a plan child's order names the plan's school.
    refuseForChildWithPlan(
      state,
      data.consultedOn,
      'consulting a school for the notice of intention',
      'consultedOn',
    );
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
    const { sao } = state;
    const served = effectiveService(ctx, state, data);
    refuseForChildWithPlan(state, served.servedOn, 'the s.438 notice of intention', 'service');
    const current = sao.noticeOfIntention;
    const further = current !== undefined && current.noticeId === data.noticeId && afterNotice438(sao);
    if (further) {
      requireNotYetServedOn(sao, 'section438Notice', data.parentId);
      const named = [data.intendedSchool, ...data.alternativeSchools];
      if (
        named.length !== current.schools.length ||
        !named.every((school) => isNamed(current.schools, school))
      )
        fail.conflict(
          'school_not_named',
          'the same notice names the same schools for each parent',
          'intendedSchool',
        );
    } else {
      requireStage(sao, ['expedient'], 'the notice of intention');
      // s.439: every school the notice names, the alternatives too, consulted and not one the child is
      // permanently excluded from.
      checkNamedInNotice(sao.schools, sao.consultedSchools, data.intendedSchool, 'intendedSchool');
      for (const [i, school] of data.alternativeSchools.entries())
        checkNamedInNotice(sao.schools, sao.consultedSchools, school, `alternativeSchools.${i}`);
    }
    // s.437(3)(a): an order follows for "a parent on whom a notice has been served under subsection (1)"
    // who failed to satisfy the council "within the period specified in the notice".
    const notice437 = requireServedOn(sao, 'section437Notice', data.parentId);
    checkExpired(
      ctx,
      notice437.endsOn!,
      data.issuedOn,
      'issuedOn',
      `the s437(1) period for ${data.parentId}`,
    );
    // The parent's 15 days run from this parent's service.
    const clock = startClock(ctx, 'section438Choice', served.servedOn);
    const moves =
      !further || (sao.stage === 'notice_of_intention_served' && clock.dueOn > current.choiceEndsOn);
    return [
      eheEvent('Section438NoticeServed', {
        noticeId: data.noticeId,
        additionalService: further,
        issuedOn: data.issuedOn,
        ...served,
        intendedSchool: data.intendedSchool,
        alternativeSchools: data.alternativeSchools,
        choiceEndsOn: clock.dueOn,
        ...statutory(ctx, 'noticeOfIntention'),
        clocksStarted: moves ? [clock] : [],
      }),
    ];
  },

  RecordParentSchoolChoice(data, state, ctx) {
    const [on, field] =
      data.chosenOn !== undefined
        ? [data.chosenOn, 'chosenOn']
        : [data.applicationMadeOn, 'applicationMadeOn'];
    if (on !== undefined) refuseForChildWithPlan(state, on, "the parent's choice of school (s.438)", field);
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
    const { sao } = state;
    const served = effectiveService(ctx, state, data);
    // The plan as at the day of service decides the route (s.441 for a child with a plan, s.438 without).
    const plan = planOn(state.ehcPlan, served.servedOn);
    const further = sao.stage === 'order_in_force' && sao.order?.orderId === data.orderId;
    if (further) {
      requireNotYetServedOn(sao, 'schoolAttendanceOrder', data.parentId);
      if (!sameSchool(sao.order!.school, data.school))
        fail.conflict('school_not_named', `the order names ${sao.order!.school.name}`, 'school');
    } else if (plan) {
      checkOrderNamingPlanSchool(data, state, plan, served.servedOn);
    } else {
      checkOrderAfterNoticeOfIntention(data, state, ctx);
    }
    requireOrderMayBeServedOn(ctx, sao, data.parentId, data.issuedOn, plan === null);
    if (!further) {
      checkNotExcluded(sao.schools, data.school, 'school');
      checkGoverningBodyPeriod(ctx, sao.schools, data.school, data.issuedOn);
    }
    // The order's clocks run from its first service: a further parent does not restart them.
    const clocksStarted = further
      ? []
      : [
          startClock(ctx, 'saoCompliance', served.servedOn, { schoolId: data.school.schoolId }),
          ...inForceClock(ctx, state, served.servedOn),
          // s.437(5) "shall inform the governing body and the head teacher": a local clock to do it.
          startClock(ctx, 'namedSchoolInformed', served.servedOn),
        ];
    return [
      eheEvent('SchoolAttendanceOrderServed', {
        orderId: data.orderId,
        additionalService: further,
        issuedOn: data.issuedOn,
        ...served,
        school: data.school,
        schoolNamedInEhcp: plan !== null,
        ...statutory(ctx, plan ? 'orderServedForPlanChild' : 'orderServed'),
        clocksStarted,
      }),
    ];
  },
};

type OrderData = EheCommandOf<'ServeSchoolAttendanceOrder'>['data'];

/** A child without an EHC plan: the order follows the s.438 notice, naming the school chosen or named. */
function checkOrderAfterNoticeOfIntention(data: OrderData, state: EheState, ctx: DecideContext): void {
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
}

/**
 * The order for a child with an EHC plan on the day of service (EA 1996 s.441; the English text was not
 * retrieved, this follows s.441A(1): "that school must be named in the order"). No s.438 notice or choice
 * comes first: after expediency the order may follow directly, and a notice of intention served before the
 * plan began is spent. A plan naming no school blocks the order until the plan is amended to name one.
 */
function checkOrderNamingPlanSchool(
  data: OrderData,
  state: EheState,
  plan: EhcPlanOn,
  servedOn: string,
): void {
  requireStage(state.sao, ['expedient', 'notice_of_intention_served', 'school_chosen'], 'the order');
  checkPlanSchool(state, plan, data.school, servedOn);
}

export type SaoCommandType =
  | SaoRouteCommandType
  | EhcPlanCommandType
  | SaoOrderCommandType
  | SaoRevocationCommandType
  | SaoEnforcementCommandType
  | SaoSchoolsCommandType
  | SaoEsoCommandType;

export const saoHandlers: Handlers<SaoCommandType> = {
  ...saoRouteHandlers,
  ...ehcPlanHandlers,
  ...saoOrderHandlers,
  ...saoRevocationHandlers,
  ...saoEnforcementHandlers,
  ...saoSchoolsHandlers,
  ...saoEsoHandlers,
};
