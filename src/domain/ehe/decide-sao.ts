import { type IsoDate, isOfCompulsorySchoolAge } from '../calendar/index.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import { statutoryFloors } from '../policy.js';
import type { School } from './commands.js';
import { type Handlers, sameSchool, startClock } from './decide-support.js';
import { eheEvent } from './events.js';
import { checkDate, checkNotBefore, today } from './guards.js';
import { legalBasisFor, type StatutoryStep } from './legal-basis.js';
import type { EheState, SaoStage, SaoState } from './state.js';
import { isSaoRouteActive } from './state.js';

const statutory = (ctx: DecideContext, step: StatutoryStep) => ({
  legalBasis: legalBasisFor(step),
  decidedBy: ctx.actor.id,
});

function requireStage(sao: SaoState, allowed: readonly SaoStage[], step: string): void {
  if (!allowed.includes(sao.stage)) {
    fail.conflict('sao_step_out_of_order', `${step} cannot follow ${sao.stage.replaceAll('_', ' ')}`);
  }
}

/**
 * EA 1996 s.437(1) is a duty towards "a child of compulsory school age", and an order continues in force only
 * "for so long as the child is of compulsory school age" (s.437(4)), which ends "at the end of the day which
 * is the school leaving date" (s.8(3)): no notice, order or amendment takes effect outside that age.
 */
function requireCompulsorySchoolAge(state: EheState, on: IsoDate, field: string): void {
  if (state.dateOfBirth !== null && !isOfCompulsorySchoolAge(state.dateOfBirth, on)) {
    fail.invalid('not_of_compulsory_school_age', `the child is not of compulsory school age on ${on}`, field);
  }
}

function checkServed(
  ctx: DecideContext,
  state: EheState,
  data: { issuedOn: IsoDate; servedOn: IsoDate },
): void {
  checkDate(ctx, state, data.issuedOn, 'issuedOn');
  checkDate(ctx, state, data.servedOn, 'servedOn');
  if (data.servedOn < data.issuedOn)
    fail.invalid('service_before_issue', 'a notice cannot be served before it is issued', 'servedOn');
  requireCompulsorySchoolAge(state, data.servedOn, 'servedOn');
}

/** A period "beginning with" service has expired only once the London date is after its last day. */
function checkExpired(ctx: DecideContext, endsOn: IsoDate, on: IsoDate, field: string, what: string): void {
  if (on <= endsOn || today(ctx) <= endsOn) {
    fail.conflict('notice_period_not_expired', `${what} runs until the end of ${endsOn}`, field);
  }
}

function orderInForce(state: EheState): NonNullable<SaoState['order']> {
  const { order } = state.sao;
  if (state.sao.stage !== 'order_in_force' || !order)
    fail.conflict('sao_step_out_of_order', 'no School Attendance Order is in force');
  return order;
}

/** The stages of a route in which no order has yet been served. */
const beforeAnOrder: readonly SaoStage[] = [
  'notice_served',
  'not_satisfied',
  'expedient',
  'notice_of_intention_served',
  'school_chosen',
];

const isNamed = (schools: readonly School[], school: School) => schools.some((s) => sameSchool(s, school));

export type SaoCommandType =
  | 'ServeSection437Notice'
  | 'JudgeSection437Response'
  | 'DecideAttendanceExpediency'
  | 'ConsultSchool'
  | 'ServeSection438Notice'
  | 'RecordParentSchoolChoice'
  | 'ServeSchoolAttendanceOrder'
  | 'AmendSchoolAttendanceOrder'
  | 'RecordSaoRevocationRequest'
  | 'RevokeSchoolAttendanceOrder'
  | 'RefuseSaoRevocation'
  | 'ReferSaoRefusalToSecretaryOfState'
  | 'RecordSaoCompliance'
  | 'ConsiderEso'
  | 'StartProsecution'
  | 'RecordProsecutionOutcome'
  | 'RecordEsoDirection'
  | 'AnswerEsoDirection';

export const saoHandlers: Handlers<SaoCommandType> = {
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
    return [eheEvent('SchoolConsulted', { ...data, ...statutory(ctx, 'schoolConsultation') })];
  },

  ServeSection438Notice(data, state, ctx) {
    checkServed(ctx, state, data);
    requireStage(state.sao, ['expedient'], 'the notice of intention');
    if (!isNamed(state.sao.consultedSchools, data.intendedSchool)) {
      fail.conflict('school_not_consulted', 'consult the intended school before naming it', 'intendedSchool');
    }
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
    checkDate(ctx, state, data.chosenOn, 'chosenOn');
    requireStage(state.sao, ['notice_of_intention_served'], "the parent's choice");
    const notice = state.sao.noticeOfIntention!;
    checkNotBefore(data.chosenOn, notice.servedOn, 'chosenOn', 'service of the notice of intention');
    if (data.chosenOn > notice.choiceEndsOn) {
      fail.conflict(
        'choice_period_expired',
        `the parent's 15 days ended on ${notice.choiceEndsOn}`,
        'chosenOn',
      );
    }
    if (data.kind === 'named_school' && !isNamed(notice.schools, data.school)) {
      fail.conflict('school_not_named', 'the school is not one the notice named', 'school');
    }
    return [eheEvent('SchoolChosenByParent', { ...data, ...statutory(ctx, 'parentChoice') })];
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
      checkExpired(ctx, notice.choiceEndsOn, data.issuedOn, 'issuedOn', "the parent's choice period");
      if (!isNamed(notice.schools, data.school))
        fail.conflict('school_not_named', 'name a school the notice named', 'school');
    }
    if (state.priorityFlags.includes('ehcp') && !data.schoolNamedInEhcp) {
      fail.invalid(
        'ehcp_school_required',
        "for a child with an EHCP the order names the plan's school",
        'schoolNamedInEhcp',
      );
    }
    const clock = startClock(ctx, 'saoCompliance', data.servedOn, { schoolId: data.school.schoolId });
    return [
      eheEvent('SchoolAttendanceOrderServed', {
        ...data,
        ...statutory(ctx, 'orderServed'),
        clocksStarted: [clock],
      }),
    ];
  },

  AmendSchoolAttendanceOrder(data, state, ctx) {
    checkDate(ctx, state, data.requestedOn, 'requestedOn');
    checkDate(ctx, state, data.amendedOn, 'amendedOn');
    const order = orderInForce(state);
    checkNotBefore(data.requestedOn, order.servedOn, 'requestedOn', 'service of the order');
    checkNotBefore(data.amendedOn, data.requestedOn, 'amendedOn', "the parent's request");
    requireCompulsorySchoolAge(state, data.amendedOn, 'amendedOn');
    const clock = startClock(ctx, 'saoCompliance', data.amendedOn, { schoolId: data.school.schoolId });
    return [
      eheEvent('SchoolAttendanceOrderAmended', {
        ...data,
        ...statutory(ctx, 'orderAmended'),
        clocksStarted: [clock],
      }),
    ];
  },

  RecordSaoRevocationRequest(data, state, ctx) {
    checkDate(ctx, state, data.requestedOn, 'requestedOn');
    const order = orderInForce(state);
    checkNotBefore(data.requestedOn, order.servedOn, 'requestedOn', 'service of the order');
    if (state.sao.revocation === 'requested')
      fail.conflict('sao_step_out_of_order', 'a revocation request is already pending');
    return [eheEvent('SaoRevocationRequested', { ...data, ...statutory(ctx, 'revocation') })];
  },

  RevokeSchoolAttendanceOrder(data, state, ctx) {
    checkDate(ctx, state, data.revokedOn, 'revokedOn');
    orderInForce(state);
    if (state.sao.revocation !== 'requested')
      fail.conflict('sao_step_out_of_order', 'no revocation request is pending');
    return [eheEvent('SchoolAttendanceOrderRevoked', { ...data, ...statutory(ctx, 'revocation') })];
  },

  RefuseSaoRevocation(data, state, ctx) {
    checkDate(ctx, state, data.refusedOn, 'refusedOn');
    orderInForce(state);
    if (state.sao.revocation !== 'requested')
      fail.conflict('sao_step_out_of_order', 'no revocation request is pending');
    return [eheEvent('SaoRevocationRefused', { ...data, ...statutory(ctx, 'revocation') })];
  },

  ReferSaoRefusalToSecretaryOfState(data, state, ctx) {
    checkDate(ctx, state, data.referredOn, 'referredOn');
    orderInForce(state);
    if (state.sao.revocation !== 'refused')
      fail.conflict('sao_step_out_of_order', 'only a refused revocation can be referred');
    return [
      eheEvent('SaoRefusalReferredToSecretaryOfState', {
        ...data,
        ...statutory(ctx, 'revocationReferral'),
      }),
    ];
  },

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

  ConsiderEso(data, state, ctx) {
    checkDate(ctx, state, data.consideredOn, 'consideredOn');
    const order = orderInForce(state);
    if (order.complied) fail.conflict('sao_step_out_of_order', 'the order has been complied with');
    return [eheEvent('EsoConsidered', { ...data, ...statutory(ctx, 'esoConsidered') })];
  },

  StartProsecution(data, state, ctx) {
    checkDate(ctx, state, data.startedOn, 'startedOn');
    const order = orderInForce(state);
    if (order.complied) fail.conflict('sao_step_out_of_order', 'the order has been complied with');
    if (state.sao.prosecution === 'started')
      fail.conflict('sao_step_out_of_order', 'a prosecution is under way');
    // s447(1): before prosecuting, the council must consider an education supervision order.
    if (!state.sao.esoConsidered)
      fail.conflict('eso_not_considered', 'consider an education supervision order first');
    return [eheEvent('ProsecutionStarted', { ...data, ...statutory(ctx, 'prosecution') })];
  },

  RecordProsecutionOutcome(data, state, ctx) {
    checkDate(ctx, state, data.decidedOn, 'decidedOn');
    if (state.sao.prosecution !== 'started')
      fail.conflict('sao_step_out_of_order', 'no prosecution awaits an outcome');
    if (data.orderCeases && data.outcome !== 'acquitted') {
      fail.invalid('contradictory_fields', 'only an acquittal can end the order', 'orderCeases');
    }
    return [eheEvent('ProsecutionOutcomeRecorded', { ...data, ...statutory(ctx, 'prosecution') })];
  },

  RecordEsoDirection(data, state, ctx) {
    checkDate(ctx, state, data.directedOn, 'directedOn');
    if (state.sao.prosecution === 'none')
      fail.conflict('sao_step_out_of_order', 'a court directs an ESO application in proceedings');
    if (state.sao.esoDirection === 'awaiting_answer')
      fail.conflict('sao_step_out_of_order', 'a direction already awaits an answer');
    const clock = startClock(ctx, 'esoReasons', data.directedOn);
    return [
      eheEvent('EsoDirectionReceived', {
        ...data,
        ...statutory(ctx, 'esoDirection'),
        clocksStarted: [clock],
      }),
    ];
  },

  AnswerEsoDirection(data, state, ctx) {
    checkDate(ctx, state, data.answeredOn, 'answeredOn');
    if (state.sao.esoDirection !== 'awaiting_answer')
      fail.conflict('sao_step_out_of_order', 'no court direction awaits an answer');
    if (data.answer === 'reasons_given' && !data.reasons)
      fail.invalid('field_required', 'give the reasons', 'reasons');
    return [eheEvent('EsoDirectionAnswered', { ...data, ...statutory(ctx, 'esoDirection') })];
  },
};
