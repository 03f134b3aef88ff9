import { describe, expect, it } from 'vitest';
import type { EheCommand } from '../../../src/domain/ehe/index.js';
import { command, given, history, on, referral } from './fixtures.js';
import { orderServedOn, routeToNoticeOfIntention, springReferral, springRoute } from './sao-route.js';

/**
 * EA 1996 s.437(4) (the order lapses with compulsory school age, s.8(3)) and s.447 (the education supervision
 * order). Amira, born 31 August 2010: compulsory school age ends at the end of Friday 26 June 2026, the school
 * leaving date. Her route runs in the spring, so the order is in force before it lapses.
 */
const leaver = springReferral('2010-08-31');
const spring = on('2026-05-01T09:00:00Z');
const c = (input: Parameters<typeof command>[0]) => command(input);
const toOrder: EheCommand[] = [...springRoute, orderServedOn('2026-04-14')];
const withOrder = (...more: [EheCommand, ReturnType<typeof on>][]) =>
  history(leaver, ...toOrder.map((s): [EheCommand, typeof spring] => [s, spring]), ...more);
const lapse = c({ type: 'RecordClockExpiry', data: { clock: 'saoInForce', dueOn: '2026-06-26' } });

describe('s.437(4) "continue in force for so long as the child is of compulsory school age"', () => {
  it('the order runs to the school leaving date (s.8(3) "at the end of the day which is the school leaving date")', () => {
    expect(withOrder().state.clocks.saoInForce?.dueOn).toBe('2026-06-26');
  });

  it('on the leaving date itself the order is still in force: nothing is recorded', () => {
    given(withOrder().events).when(lapse, on('2026-06-26T22:30:00Z')).then([]);
  });

  it('the day after, the worker records the lapse once: in force until 26 June, not a missed deadline', () => {
    const after = on('2026-06-27T00:05:00+01:00');
    given(withOrder().events)
      .when(lapse, after)
      .then([
        {
          type: 'SchoolAttendanceOrderLapsed',
          data: { inForceUntil: '2026-06-26', recordedOn: '2026-06-27', legalBasis: 'EA1996_s437_4' },
        },
      ]);
    const { state, events } = withOrder([lapse, after]);
    expect(state.sao.stage).toBe('order_lapsed');
    expect(state.status).toBe('open');
    expect(state.clocks.saoInForce).toBeUndefined();
    expect(state.clocks.saoCompliance).toBeUndefined();
    given(events).when(lapse, on('2026-06-28T09:00:00Z')).then([]);
  });

  it('is never recorded as a missed deadline nor escalated', () => {
    const later = on('2026-07-20T09:00:00Z');
    const events = withOrder().events;
    given(events)
      .when(c({ type: 'RecordDeadlineMissed', data: { clock: 'saoInForce', dueOn: '2026-06-26' } }), later)
      .then([]);
    given(events)
      .when(c({ type: 'EscalateCase', data: { clock: 'saoInForce', level: 'manager' } }), later)
      .then([]);
  });

  it('no ESO is considered and no prosecution started for a child past the leaving date, before or after the lapse is recorded', () => {
    const consider = c({
      type: 'ConsiderEso',
      data: { consideredOn: '2026-06-29', decision: 'prosecute', rationale: 'no attendance' },
    });
    const monday = on('2026-06-29T09:00:00Z');
    given(withOrder().events).when(consider, monday).then('not_of_compulsory_school_age', 'consideredOn');
    given(withOrder([lapse, monday]).events)
      .when(consider, monday)
      .then('sao_step_out_of_order');
    const friday = c({
      type: 'ConsiderEso',
      data: { consideredOn: '2026-06-26', decision: 'prosecute', rationale: 'no attendance' },
    });
    given(withOrder().events).when(friday, monday).thenAccepted();
  });

  it('an order revoked or ended by the court stops the clock: nothing lapses', () => {
    const request = c({
      type: 'RecordSaoRevocationRequest',
      data: { requestedOn: '2026-04-20', arrangements: 'a tutor' },
    });
    const revoke = c({
      type: 'RevokeSchoolAttendanceOrder',
      data: { revokedOn: '2026-04-21', ground: 'parent_request_granted', rationale: 'suitable' },
    });
    const { state } = withOrder([request, spring], [revoke, spring]);
    expect(state.clocks.saoInForce).toBeUndefined();
  });
});

describe('s.443(1) "a parent on whom a school attendance order is served fails to comply with the requirements of the order": the offence period lies within the order\'s life', () => {
  // The order was served by hand on Tuesday 14 April 2026; Amira's school leaving date is Friday 26 June.
  const consider = c({
    type: 'ConsiderEso',
    data: { consideredOn: '2026-06-22', decision: 'prosecute', rationale: 'no attendance' },
  });
  const monday = on('2026-06-29T09:00:00Z');
  const prosecute = (startedOn: string, from: string, to: string) =>
    c({ type: 'StartProsecution', data: { startedOn, offencePeriod: { from, to } } });
  const considered = () => withOrder([consider, monday]).events;

  it('days from the service of the order to the leaving date, prosecuted on the leaving date, are accepted and recorded', () => {
    given(considered())
      .when(prosecute('2026-06-26', '2026-04-14', '2026-06-26'), monday)
      .then([
        {
          type: 'ProsecutionStarted',
          data: {
            startedOn: '2026-06-26',
            offencePeriod: { from: '2026-04-14', to: '2026-06-26' },
            legalBasis: 'EA1996_s443',
            decidedBy: 'manager-1',
          },
        },
      ]);
  });

  it('a period starting the day before the order was served (13 April) is refused', () => {
    given(considered())
      .when(prosecute('2026-06-22', '2026-04-13', '2026-06-19'), monday)
      .then('offence_period_outside_order', 'offencePeriod.from');
  });

  it('s.437(4) "for so long as the child is of compulsory school age": a period running to Saturday 27 June, past the leaving date, is refused though the prosecution is dated on the leaving date', () => {
    const refusal = given(considered()).when(prosecute('2026-06-26', '2026-04-14', '2026-06-27'), monday);
    refusal.then('offence_period_outside_order', 'offencePeriod.to');
    expect(refusal.events).toThrow(/compulsory school age at the end of 2026-06-26/);
  });

  it('a period ending after the prosecution began is refused: those days of non-compliance had not yet happened', () => {
    given(considered())
      .when(prosecute('2026-06-22', '2026-04-14', '2026-06-23'), monday)
      .then('offence_period_outside_order', 'offencePeriod.to');
  });

  it('a period that ends before it starts is refused', () => {
    given(considered())
      .when(prosecute('2026-06-22', '2026-05-10', '2026-05-01'), monday)
      .then('date_before_previous_step', 'offencePeriod.to');
  });
});

describe('s.447 education supervision orders', () => {
  const autumnChild = referral();
  const autumn = on('2027-03-01T09:00:00Z');
  const prep: EheCommand[] = [
    ...routeToNoticeOfIntention({
      allocated: '2026-06-02',
      judged: '2026-06-05',
      notice437: '2026-06-08',
      responded: '2026-06-24',
      consulted: '2026-06-25',
      notice438: '2026-06-29',
    }),
    orderServedOn('2026-07-14'),
    c({
      type: 'ConsiderEso',
      data: { consideredOn: '2026-09-01', decision: 'prosecute', rationale: 'none' },
    }),
    c({
      type: 'StartProsecution',
      data: { startedOn: '2026-09-02', offencePeriod: { from: '2026-07-14', to: '2026-09-01' } },
    }),
  ];
  const convicted = c({
    type: 'RecordProsecutionOutcome',
    data: { decidedOn: '2026-12-21', outcome: 'convicted' },
  });
  const direction = (more: { reasonsDueBy?: string } = {}) =>
    c({ type: 'RecordEsoDirection', data: { directedOn: '2026-12-21', ...more } });
  const run = (...more: EheCommand[]) =>
    history(autumnChild, ...[...prep, ...more].map((s): [EheCommand, typeof autumn] => [s, autumn]));

  it('s.447(4) "eight weeks beginning with the date on which the direction was given": 21 December 2026 → 14 February 2027, over the Christmas bank holidays', () => {
    const [event] = given(run(convicted).events).when(direction(), autumn).thenAccepted();
    expect(event).toMatchObject({
      data: { reasonsPeriod: 'statute', convictedOn: '2026-12-21', clocksStarted: [{ dueOn: '2027-02-14' }] },
    });
  });

  it('s.447(4) "Unless the court has directed otherwise": the court\'s date replaces the eight weeks', () => {
    const [event] = given(run(convicted).events)
      .when(direction({ reasonsDueBy: '2027-01-18' }), autumn)
      .thenAccepted();
    expect(event).toMatchObject({
      data: { reasonsPeriod: 'court', clocksStarted: [{ clock: 'esoReasons', dueOn: '2027-01-18' }] },
    });
    given(run(convicted).events)
      .when(direction({ reasonsDueBy: '2026-12-20' }), autumn)
      .then('date_before_previous_step', 'reasonsDueBy');
  });

  const reasons = c({
    type: 'AnswerEsoDirection',
    data: { answeredOn: '2027-01-11', answer: 'reasons_given', reasons: 'social care supports the family' },
  });
  const consulted = c({
    type: 'RecordChildrensServicesConsultation',
    data: { consultedOn: '2027-01-06', authority: "children's services", views: 'supported by a plan' },
  });

  it('s.447(2) "having consulted the appropriate local authority": no reasons without the consultation', () => {
    given(run(convicted, direction()).events).when(reasons, autumn).then('childrens_services_not_consulted');
    given(run(convicted, direction(), consulted).events)
      .when(reasons, autumn)
      .thenAccepted();
    given(run(convicted).events).when(consulted, autumn).then('sao_step_out_of_order');
  });

  const applied = c({ type: 'RecordEsoApplication', data: { appliedOn: '2027-01-04' } });
  const made = c({ type: 'RecordEsoDecision', data: { decidedOn: '2027-02-01', outcome: 'made' } });

  it("an ESO made on 1 February 2027 is in force for the policy's 12 months beginning with that day: to 31 January 2028", () => {
    const [event] = given(run(applied).events).when(made, autumn).thenAccepted();
    expect(event).toMatchObject({
      type: 'EsoMade',
      data: {
        madeOn: '2027-02-01',
        expiresOn: '2028-01-31',
        endsWithSchoolAge: false,
        legalBasis: 'CA1989_s36',
      },
    });
    const { state } = run(applied, made);
    expect(state.clocks.esoInForce?.dueOn).toBe('2028-01-31');
    expect(state.sao.enforcement.eso).toBe('in_force');
  });

  it('extended, it runs to the new date; discharged or run out, its clock stops', () => {
    const extend = c({
      type: 'RecordEsoExtension',
      data: { extendedOn: '2027-02-20', expiresOn: '2029-01-31' },
    });
    const { state, events } = run(applied, made, extend);
    expect(state.clocks.esoInForce?.dueOn).toBe('2029-01-31');
    given(events)
      .when(
        c({ type: 'RecordEsoExtension', data: { extendedOn: '2027-02-21', expiresOn: '2029-01-31' } }),
        autumn,
      )
      .then('eso_extension_not_later', 'expiresOn');
    const discharged = run(
      applied,
      made,
      c({ type: 'RecordEsoDischarge', data: { dischargedOn: '2027-02-22' } }),
    );
    expect(discharged.state.clocks.esoInForce).toBeUndefined();
    const expiry = c({ type: 'RecordClockExpiry', data: { clock: 'esoInForce', dueOn: '2028-01-31' } });
    given(run(applied, made).events)
      .when(expiry, on('2028-02-01T09:00:00Z'))
      .then([
        {
          type: 'EsoExpired',
          data: { inForceUntil: '2028-01-31', recordedOn: '2028-02-01', legalBasis: 'CA1989_s36' },
        },
      ]);
  });

  it('s.447(5): refusing the ESO the court "may direct that the school attendance order shall cease to be in force"', () => {
    const refused = c({
      type: 'RecordEsoDecision',
      data: { decidedOn: '2027-02-01', outcome: 'refused', schoolAttendanceOrderCeases: true },
    });
    const { state, events } = run(applied, refused);
    expect(events.at(-1)).toMatchObject({
      type: 'SchoolAttendanceOrderEndedByCourt',
      data: { ground: 's447_5', legalBasis: 'EA1996_s447_5' },
    });
    expect(state.sao.stage).toBe('order_ended');
    expect(state.clocks.saoInForce).toBeUndefined();
    given(run(applied).events)
      .when(
        c({
          type: 'RecordEsoDecision',
          data: { decidedOn: '2027-02-01', outcome: 'made', schoolAttendanceOrderCeases: true },
        }),
        autumn,
      )
      .then('contradictory_fields', 'schoolAttendanceOrderCeases');
  });

  it('s.443(2): an acquittal with a direction that the order cease ends it and its clocks', () => {
    const acquitted = c({
      type: 'RecordProsecutionOutcome',
      data: { decidedOn: '2026-12-21', outcome: 'acquitted', orderCeases: true },
    });
    const { state, events } = run(acquitted);
    expect(events.at(-1)).toMatchObject({
      type: 'SchoolAttendanceOrderEndedByCourt',
      data: { ground: 's443_2' },
    });
    expect(state.clocks.saoInForce).toBeUndefined();
  });
});

describe('an ESO ends with compulsory school age', () => {
  it('made within a year of the leaving date, it runs only to the leaving date', () => {
    const prosecute = c({
      type: 'ConsiderEso',
      data: { consideredOn: '2026-04-20', decision: 'apply_for_eso', rationale: 'support' },
    });
    const applied = c({ type: 'RecordEsoApplication', data: { appliedOn: '2026-04-21' } });
    const made = c({ type: 'RecordEsoDecision', data: { decidedOn: '2026-04-30', outcome: 'made' } });
    const [, , event] = withOrder([prosecute, spring], [applied, spring], [made, spring]).events.slice(-3);
    expect(event).toMatchObject({
      type: 'EsoMade',
      data: { expiresOn: '2026-06-26', endsWithSchoolAge: true },
    });
  });
});
