import { describe, expect, it } from 'vitest';
import type { EheCommand } from '../../../src/domain/ehe/index.js';
import { allocate, command, given, history, judge, referral } from './fixtures.js';
import { step } from './sao-plan-fixtures.js';
import { autumn, autumnRoute } from './sao-route.js';

const route = autumnRoute;

const when = (events: ReturnType<typeof route>['events'], cmd: EheCommand) => given(events).when(cmd, autumn);

const woodlands = { name: 'Woodlands Community College', urn: '116448' };
const oasis = { name: 'Oasis Academy Lordshill', urn: '135969' };

type Service = Extract<EheCommand, { type: 'ServeSection437Notice' }>['data']['service'];
/** `servedOn` alone: served by hand that day. */
const byHand = (servedOn: string): Service => ({ method: 'in_person', servedOn });
/** Issued Friday 5 June and posted first class that day: deemed served Tuesday 9 June. */
const notice437 = (
  data: Partial<{
    noticeId: string;
    parentId: string;
    issuedOn: string;
    servedOn: string;
    periodDays: number;
    service: Service;
  }> = {},
) => {
  const { servedOn, ...rest } = data;
  return command({
    type: 'ServeSection437Notice',
    data: {
      noticeId: 'notice-437',
      issuedOn: '2026-06-05',
      parentId: 'parent-1',
      service: servedOn ? byHand(servedOn) : { method: 'post', postedOn: '2026-06-05', postClass: 'first' },
      ...rest,
    },
  });
};
const response = (satisfied: boolean, judgedOn = '2026-06-24') =>
  command({
    type: 'JudgeSection437Response',
    data: { judgedOn, satisfied, rationale: 'no evidence of education' },
  });
const expediency = (expedient = true) =>
  command({
    type: 'DecideAttendanceExpediency',
    data: { decidedOn: '2026-06-24', expedient, rationale: 'the child should attend school' },
  });
const consult = (
  school = woodlands,
  more: { maintained?: boolean; childPermanentlyExcluded?: boolean } = {},
) =>
  command({ type: 'ConsultSchool', data: { school, consultedOn: '2026-06-25', maintained: false, ...more } });
const notice438 = (intendedSchool = woodlands) =>
  command({
    type: 'ServeSection438Notice',
    data: {
      noticeId: 'notice-438',
      issuedOn: '2026-06-26',
      parentId: 'parent-1',
      service: byHand('2026-06-29'),
      intendedSchool,
      alternativeSchools: [oasis],
    },
  });
const choice = (school = oasis, chosenOn = '2026-07-01') =>
  command({ type: 'RecordParentSchoolChoice', data: { chosenOn, kind: 'named_school', school } });
const order = (
  data: Partial<{
    issuedOn: string;
    servedOn: string;
    school: typeof woodlands;
  }> = {},
) => {
  const { servedOn = '2026-07-14', ...rest } = data;
  return command({
    type: 'ServeSchoolAttendanceOrder',
    data: {
      orderId: 'order-1',
      issuedOn: '2026-07-14',
      parentId: 'parent-1',
      service: byHand(servedOn),
      school: woodlands,
      ...rest,
    },
  });
};
const toOrder = [notice437(), response(false), expediency(), consult(), consult(oasis), notice438()];
const esoConsidered = command({
  type: 'ConsiderEso',
  data: {
    consideredOn: '2026-07-27',
    decision: 'prosecute',
    rationale: 'an ESO would not secure attendance',
  },
});
const prosecution = command({
  type: 'StartProsecution',
  data: { startedOn: '2026-07-28', offencePeriod: { from: '2026-07-14', to: '2026-07-27' } },
});

describe('the s437(1) notice', () => {
  it('IA 1978 s.7 "would be delivered in the ordinary course of post": posted first class on Friday 5 June, it is served on Tuesday 9 June and the s.437(2) period "beginning with the day on which the notice is served" ends on 23 June', () => {
    when(route().events, notice437()).then([
      {
        type: 'Section437NoticeServed',
        data: {
          noticeId: 'notice-437',
          parentId: 'parent-1',
          additionalService: false,
          issuedOn: '2026-06-05',
          serviceMethod: 'post',
          service: { method: 'post', postedOn: '2026-06-05', postClass: 'first' },
          servedOn: '2026-06-09',
          servedOnBasis: 'deemed_delivery_by_post',
          periodDays: 15,
          periodEndsOn: '2026-06-23',
          legalBasis: 'EA1996_s437_1',
          decidedBy: 'manager-1',
          clocksStarted: [
            {
              clock: 'section437Notice',
              startedOn: '2026-06-09',
              dueOn: '2026-06-23',
              policyVersion: 'default-2026.1',
              dayType: 'beginning_with',
            },
          ],
        },
      },
    ]);
  });

  it('may state a longer period', () => {
    const [event] = when(route().events, notice437({ periodDays: 28 })).thenAccepted();
    expect(event?.type === 'Section437NoticeServed' && event.data.periodEndsOn).toBe('2026-07-06');
  });

  it('cannot state a period under 15 days', () => {
    when(route().events, notice437({ periodDays: 14 })).then('notice_period_too_short', 'periodDays');
  });

  it('cannot be served before it was issued', () => {
    when(route().events, notice437({ servedOn: '2026-06-04' })).then(
      'service_before_issue',
      'service.servedOn',
    );
  });

  it('follows a judgement that education appears unsuitable', () => {
    const { events } = history(referral(), allocate(), judge('not_yet_able_to_judge'));
    when(events, notice437()).then('sao_step_out_of_order');
  });

  it('stops the informal enquiry clock', () => {
    const enquiry = command({
      type: 'SendInformalEnquiry',
      data: { sentOn: '2026-06-03', method: 'letter' },
    });
    const { state } = route(enquiry, notice437());
    expect(state.clocks.informalEnquiry).toBeUndefined();
    expect(state.status).toBe('sao');
  });

  it('cannot be served twice while the route is under way', () => {
    when(route(notice437()).events, notice437({ noticeId: 'notice-437-b' })).then('sao_step_out_of_order');
  });

  it('s.437(1) is its basis: the EA 1996 procedure is the one modelled (no CWSA 2026 label on it)', () => {
    const [event] = given(route().events).when(notice437(), autumn).thenAccepted();
    expect(event?.type === 'Section437NoticeServed' && event.data.legalBasis).toBe('EA1996_s437_1');
  });
});

describe('the response to the notice', () => {
  it('cannot be found wanting before the period expires', () => {
    when(route(notice437()).events, response(false, '2026-06-23')).then(
      'notice_period_not_expired',
      'judgedOn',
    );
  });

  it('may satisfy the council early: the case returns to monitoring with an annual contact clock', () => {
    const { state } = route(notice437(), response(true, '2026-06-15'));
    expect(state.status).toBe('monitoring');
    expect(state.clocks.section437Notice).toBeUndefined();
    expect(state.clocks.annualContact?.dueOn).toBe('2027-06-15');
  });

  it('once satisfied, a new notice needs a new judgement that education appears unsuitable', () => {
    when(
      route(notice437(), response(true, '2026-06-15')).events,
      notice437({ issuedOn: '2026-06-20', servedOn: '2026-06-20' }),
    ).then('sao_step_out_of_order');
  });

  it('needs a notice to respond to', () => {
    when(route().events, response(false)).then('sao_step_out_of_order');
  });
});

describe('expediency, consultation and the notice of intention', () => {
  it('expediency is decided only once the response was found wanting', () => {
    when(route(notice437()).events, expediency()).then('sao_step_out_of_order');
    const [event] = when(route(notice437(), response(false)).events, expediency()).thenAccepted();
    expect(event?.type === 'AttendanceExpediencyDecided' && event.data.legalBasis).toBe('EA1996_s437_3');
  });

  it('not expedient ends the route', () => {
    const { state } = route(notice437(), response(false), expediency(false));
    expect(state.status).toBe('open');
    expect(state.sao.stage).toBe('not_expedient');
  });

  it('the notice of intention names a consulted school and gives the parent 15 days beginning with service', () => {
    const { events } = route(notice437(), response(false), expediency(), consult(), consult(oasis));
    const [event] = when(events, notice438()).thenAccepted();
    expect(event?.type === 'Section438NoticeServed' && event.data.choiceEndsOn).toBe('2026-07-13');
    expect(event?.type === 'Section438NoticeServed' && event.data.legalBasis).toBe('EA1996_s438');
  });

  it('cannot name a school not consulted', () => {
    const { events } = route(notice437(), response(false), expediency(), consult());
    when(events, notice438(oasis)).then('school_not_consulted', 'intendedSchool');
  });

  it('consultation records the school, its basis and the officer', () => {
    when(route(notice437(), response(false), expediency()).events, consult()).then([
      {
        type: 'SchoolConsulted',
        data: {
          school: woodlands,
          consultedOn: '2026-06-25',
          maintained: false,
          childPermanentlyExcluded: false,
          legalBasis: 'EA1996_s439',
          decidedBy: 'manager-1',
        },
      },
    ]);
  });

  it('cannot precede the expediency decision', () => {
    when(route(notice437(), response(false)).events, consult()).then('sao_step_out_of_order');
  });
});

describe('the parent choice', () => {
  it('is one of the schools named, within the 15 days', () => {
    const { events } = route(...toOrder);
    when(events, choice()).thenAccepted();
    when(events, choice({ name: 'Elsewhere High', urn: '100001' })).then('school_not_named', 'school');
    when(events, choice(oasis, '2026-07-14')).then('choice_period_expired', 'chosenOn');
  });

  it('or an application elsewhere, made and notified within the 15 days, whose offer the order then names', () => {
    const elsewhere = { name: 'Regents Park Community College', urn: '116441' };
    const { events } = route(
      ...toOrder,
      command({
        type: 'RecordParentSchoolChoice',
        data: {
          kind: 'application_elsewhere',
          school: elsewhere,
          applicationMadeOn: '2026-07-01',
          notifiedOn: '2026-07-01',
        },
      }),
      command({
        type: 'RecordSchoolApplicationDecision',
        data: { decidedOn: '2026-07-02', outcome: 'offered' },
      }),
    );
    when(events, order({ school: elsewhere, issuedOn: '2026-07-02', servedOn: '2026-07-03' })).thenAccepted();
    when(events, order({ issuedOn: '2026-07-02', servedOn: '2026-07-03' })).then(
      'school_not_chosen',
      'school',
    );
  });
});

describe('the School Attendance Order', () => {
  it('waits for the parent choice period to expire', () => {
    when(route(...toOrder).events, order({ issuedOn: '2026-07-13', servedOn: '2026-07-13' })).then(
      'notice_period_not_expired',
      'issuedOn',
    );
  });

  it('served after the period starts the 15-school-day compliance clock (working days without term dates), runs to the school leaving date and the named school is to be told', () => {
    const [event] = when(route(...toOrder).events, order()).thenAccepted();
    expect(event).toMatchObject({
      type: 'SchoolAttendanceOrderServed',
      data: {
        legalBasis: 'EA1996_s437_3',
        decidedBy: 'manager-1',
        clocksStarted: [
          { clock: 'saoCompliance', startedOn: '2026-07-14', dueOn: '2026-08-04', dayType: 'school' },
          // Born 4 October 2013: compulsory school age ends on the last Friday of June 2030 (s.437(4), s.8(3)).
          { clock: 'saoInForce', startedOn: '2026-07-14', dueOn: '2030-06-28', dayType: 'calendar' },
          { clock: 'namedSchoolInformed', startedOn: '2026-07-14', dueOn: '2026-07-15', dayType: 'working' },
        ],
      },
    });
  });

  it('cannot be served before the notice of intention', () => {
    when(route(notice437(), response(false), expediency(), consult()).events, order()).then(
      'sao_step_out_of_order',
    );
  });

  it('is complied with when the child is registered, stopping the compliance clock', () => {
    const { state } = route(
      ...toOrder,
      order(),
      command({ type: 'RecordSaoCompliance', data: { registeredOn: '2026-07-20', school: woodlands } }),
    );
    expect(state.sao.order?.complied).toBe(true);
    expect(state.clocks.saoCompliance).toBeUndefined();
  });

  it('is amended at the parent request, restarting the compliance clock (s440)', () => {
    const { events } = route(...toOrder, order());
    const [event] = when(
      events,
      command({
        type: 'AmendSchoolAttendanceOrder',
        data: {
          initiatedBy: 'parent_request',
          appliedOn: '2026-07-14',
          offeredOn: '2026-07-15',
          requestedOn: '2026-07-15',
          amendedOn: '2026-07-16',
          school: oasis,
        },
      }),
    ).thenAccepted();
    expect(event).toMatchObject({
      type: 'SchoolAttendanceOrderAmended',
      data: { legalBasis: 'EA1996_s440' },
    });
  });

  const { revocationRequest: request, revocationRefusal: refuse } = step;

  it('is revoked on a request on the ground of suitable education otherwise (s442)', () => {
    const { state } = route(
      ...toOrder,
      order(),
      request,
      command({
        type: 'RevokeSchoolAttendanceOrder',
        data: { revokedOn: '2026-07-21', ground: 'parent_request_granted', rationale: 'suitable' },
      }),
    );
    expect(state.sao.stage).toBe('order_revoked');
    expect(state.status).toBe('monitoring');
    expect(state.clocks.saoCompliance).toBeUndefined();
  });

  it('refusal of revocation can be referred to the Secretary of State, and only a refusal', () => {
    const referral442 = command({
      type: 'ReferSaoRefusalToSecretaryOfState',
      data: { referredOn: '2026-07-25' },
    });
    when(route(...toOrder, order(), request).events, referral442).then('sao_step_out_of_order');
    const [event] = when(route(...toOrder, order(), request, refuse).events, referral442).thenAccepted();
    // s.442's subsections were not retrieved: the referral is cited as s.442, not the unverified s.442(4).
    expect(event).toMatchObject({ data: { legalBasis: 'EA1996_s442' } });
  });

  it('a revocation request and its refusal are recorded under s442', () => {
    when(route(...toOrder, order()).events, request).then([
      {
        type: 'SaoRevocationRequested',
        data: {
          requestedOn: '2026-07-20',
          arrangements: 'a tutor and a structured curriculum',
          legalBasis: 'EA1996_s442',
          decidedBy: 'manager-1',
        },
      },
    ]);
    when(route(...toOrder, order(), request).events, refuse).then([
      {
        type: 'SaoRevocationRefused',
        data: {
          refusedOn: '2026-07-22',
          rationale: 'unsatisfactory',
          legalBasis: 'EA1996_s442',
          decidedBy: 'manager-1',
        },
      },
    ]);
    when(route(...toOrder, order(), request).events, request).then('sao_step_out_of_order');
  });

  it('s.437(3) is its basis: "the authority shall serve on the parent an order"', () => {
    const [event] = given(route(...toOrder).events)
      .when(order(), autumn)
      .thenAccepted();
    expect(event).toMatchObject({ data: { legalBasis: 'EA1996_s437_3' } });
  });

  it('revocation needs a request; a refusal needs one too', () => {
    when(route(...toOrder, order()).events, refuse).then('sao_step_out_of_order');
  });

  it('cannot be amended or revoked when none is in force', () => {
    when(route(...toOrder).events, request).then('sao_step_out_of_order');
  });
});

describe('non-compliance', () => {
  it('an education supervision order is considered while the order is not complied with', () => {
    when(route(...toOrder, order()).events, esoConsidered).then([
      {
        type: 'EsoConsidered',
        data: {
          consideredOn: '2026-07-27',
          decision: 'prosecute',
          rationale: 'an ESO would not secure attendance',
          legalBasis: 'EA1996_s447',
          decidedBy: 'manager-1',
        },
      },
    ]);
  });

  it('prosecution needs an education supervision order considered first (s447(1))', () => {
    when(route(...toOrder, order()).events, prosecution).then('eso_not_considered');
    const [event] = when(route(...toOrder, order(), esoConsidered).events, prosecution).thenAccepted();
    expect(event).toMatchObject({ type: 'ProsecutionStarted', data: { legalBasis: 'EA1996_s443' } });
  });

  it('a second prosecution, after the first is decided, needs an ESO considered again', () => {
    const convicted = command({
      type: 'RecordProsecutionOutcome',
      data: { decidedOn: '2026-08-10', outcome: 'convicted' },
    });
    const { events } = route(...toOrder, order(), esoConsidered, prosecution, convicted);
    const again = command({
      type: 'StartProsecution',
      data: { startedOn: '2026-09-01', offencePeriod: { from: '2026-08-11', to: '2026-08-31' } },
    });
    when(events, again).then('eso_not_considered');
    when(route(...toOrder, order(), esoConsidered, prosecution).events, again).then('sao_step_out_of_order');
  });

  it('prosecution stops the compliance clock; an acquittal may end the order', () => {
    const outcome = command({
      type: 'RecordProsecutionOutcome',
      data: { decidedOn: '2026-08-10', outcome: 'acquitted', orderCeases: true },
    });
    const { state } = route(...toOrder, order(), esoConsidered, prosecution, outcome);
    expect(state.clocks.saoCompliance).toBeUndefined();
    expect(state.sao.stage).toBe('order_ended');
    expect(state.status).toBe('open');
  });

  it('a case closed and reopened mid-route returns to the route', () => {
    const close = command({ type: 'CloseCase', data: { closedOn: '2026-07-20', reason: 'died' } });
    const reopen = command({
      type: 'ReopenCase',
      data: { reopenedOn: '2026-07-21', reason: 'closed in error' },
    });
    const { state } = route(...toOrder, order(), close, reopen);
    expect(state.status).toBe('sao');
    expect(state.sao.stage).toBe('order_in_force');
  });

  it('only an acquittal ends the order', () => {
    const outcome = command({
      type: 'RecordProsecutionOutcome',
      data: { decidedOn: '2026-08-10', outcome: 'convicted', orderCeases: true },
    });
    when(route(...toOrder, order(), esoConsidered, prosecution).events, outcome).then(
      'contradictory_fields',
      'orderCeases',
    );
  });

  it('cannot be prosecuted once complied with', () => {
    const comply = command({
      type: 'RecordSaoCompliance',
      data: { registeredOn: '2026-07-20', school: woodlands },
    });
    when(route(...toOrder, order(), comply).events, esoConsidered).then('sao_step_out_of_order');
  });

  const direction = command({
    type: 'RecordEsoDirection',
    data: { directedOn: '2026-08-10', court: 'Southampton Magistrates' },
  });
  const conviction = command({
    type: 'RecordProsecutionOutcome',
    data: { decidedOn: '2026-08-10', outcome: 'convicted' },
  });

  it('a court direction to apply for an ESO starts the 8-week reasons clock', () => {
    const [event] = when(
      route(...toOrder, order(), esoConsidered, prosecution, conviction).events,
      direction,
    ).thenAccepted();
    expect(event).toMatchObject({
      type: 'EsoDirectionReceived',
      data: {
        legalBasis: 'EA1996_s447',
        convictedOn: '2026-08-10',
        reasonsPeriod: 'statute',
        clocksStarted: [
          { clock: 'esoReasons', startedOn: '2026-08-10', dueOn: '2026-10-04', dayType: 'beginning_with' },
        ],
      },
    });
  });

  it('the council declining gives reasons, which stops the clock', () => {
    const answer = (reasons?: string) =>
      command({
        type: 'AnswerEsoDirection',
        data: { answeredOn: '2026-09-01', answer: 'reasons_given', ...(reasons ? { reasons } : {}) },
      });
    const consulted = command({
      type: 'RecordChildrensServicesConsultation',
      data: { consultedOn: '2026-08-20', authority: "children's services", views: 'supports attendance' },
    });
    const history = [...toOrder, order(), esoConsidered, prosecution, conviction, direction, consulted];
    const { events } = route(...history);
    when(events, answer()).then('field_required', 'reasons');
    const { state } = route(...history, answer('already supported by social care'));
    expect(state.clocks.esoReasons).toBeUndefined();
  });

  it('s.447(2)(a) "the court by which a person is convicted of an offence under section 443": none without a conviction', () => {
    when(route(...toOrder, order()).events, direction).then('no_conviction');
    when(route(...toOrder, order(), esoConsidered, prosecution).events, direction).then('no_conviction');
    const acquitted = command({
      type: 'RecordProsecutionOutcome',
      data: { decidedOn: '2026-08-10', outcome: 'acquitted' },
    });
    when(route(...toOrder, order(), esoConsidered, prosecution, acquitted).events, direction).then(
      'no_conviction',
    );
  });
});

describe('compulsory school age (EA 1996 s.437(1), s.437(4), s.8(3))', () => {
  // Born 31 August 2010: compulsory school age ends at the end of Friday 26 June 2026, the school leaving date.
  const leaver = (...steps: EheCommand[]) =>
    history(
      referral({
        child: { ...(referral().data as { child: object }).child, dateOfBirth: '2010-08-31' },
      } as never),
      allocate(),
      judge('appears_unsuitable'),
      ...steps.map((s): [EheCommand, typeof autumn] => [s, autumn]),
    );

  it('s.437(1) "a child of compulsory school age": a notice served on the school leaving date stands', () => {
    given(leaver().events)
      .when(notice437({ issuedOn: '2026-06-26', servedOn: '2026-06-26' }), autumn)
      .thenAccepted();
  });

  it('s.437(1): a notice served the next working day, after the school leaving date, is refused', () => {
    given(leaver().events)
      .when(notice437({ issuedOn: '2026-06-26', servedOn: '2026-06-29' }), autumn)
      .then('not_of_compulsory_school_age', 'service.servedOn');
  });

  it('s.437(4) "for so long as the child is of compulsory school age": no s.438 notice or order after the leaving date', () => {
    const before = [notice437(), response(false), expediency(), consult()];
    given(leaver(...before).events)
      .when(notice438(), autumn)
      .then('not_of_compulsory_school_age', 'service.servedOn');
    const servedOnLeavingDate = command({
      type: 'ServeSection438Notice',
      data: {
        noticeId: 'notice-438',
        issuedOn: '2026-06-26',
        parentId: 'parent-1',
        service: byHand('2026-06-26'),
        intendedSchool: woodlands,
      },
    });
    given(leaver(...before, servedOnLeavingDate).events)
      .when(order(), autumn)
      .then('not_of_compulsory_school_age', 'service.servedOn');
  });
});

describe("the council's own finding that education is suitable binds it (s.437(3)(a))", () => {
  const toNoticeOfIntention = toOrder;

  it('s.437(3)(a) "fails to satisfy": satisfied after the notice of intention, the route ends and no order follows', () => {
    const { events, state } = route(...toNoticeOfIntention, response(true, '2026-07-02'));
    expect(state.sao.stage).toBe('satisfied');
    expect(state.status).toBe('monitoring');
    expect(state.clocks.section438Choice).toBeUndefined();
    when(events, order()).then('sao_step_out_of_order');
  });

  it('a parent is found wanting only once, after the period: a second "not satisfied" is refused', () => {
    when(route(notice437(), response(false)).events, response(false, '2026-06-24')).then(
      'sao_step_out_of_order',
    );
  });

  it('a bare "suitable" judgement cannot be recorded while the route runs: it goes through the s.437 response', () => {
    when(route(...toNoticeOfIntention).events, judge('suitable', '2026-07-02')).then(
      'sao_route_active',
      'outcome',
    );
  });

  it('after the order, suitable education is a ground to revoke it (s.442), not a bare judgement', () => {
    when(route(...toOrder, order()).events, judge('suitable', '2026-07-20')).then(
      'sao_route_active',
      'outcome',
    );
  });
});
