import { describe, expect, it } from 'vitest';
import { planOn } from '../../../src/domain/ehe/index.js';
import { otherSchool, planSchool, routeFor, step, whenAfter } from './sao-plan-fixtures.js';

describe('s.441 a child with an EHC plan: the order names the school the plan names', () => {
  it('s.438 applies to a "child without EHC plan": no consultation, notice of intention or parent choice for a plan child', () => {
    const { events } = routeFor(true, step.planSchool());
    whenAfter(events, step.consult()).then('not_for_child_with_ehc_plan', 'consultedOn');
    whenAfter(events, step.noticeOfIntention()).then('not_for_child_with_ehc_plan', 'service');
    // A plan that begins after a notice of intention: the parent's choice under s.438 is refused.
    const begun = routeFor(
      false,
      step.consult(),
      step.noticeOfIntention(),
      step.flags(['ehcp'], '2026-06-30'),
    );
    whenAfter(begun.events, {
      type: 'RecordParentSchoolChoice',
      data: { chosenOn: '2026-07-01', kind: 'named_school', school: otherSchool },
    }).then('not_for_child_with_ehc_plan', 'chosenOn');
  });

  it('s.441 "that school must be named in the order": after expediency the order follows directly, under s.441', () => {
    const { events, state } = routeFor(true, step.planSchool(), step.order());
    expect(events.map((e) => e.type)).not.toContain('Section438NoticeServed');
    expect(events.at(-1)).toMatchObject({
      type: 'SchoolAttendanceOrderServed',
      data: { school: planSchool, schoolNamedInEhcp: true, legalBasis: 'EA1996_s441' },
    });
    expect(state.sao.stage).toBe('order_in_force');
  });

  it('s.441 "that school must be named in the order": an order naming another school is refused', () => {
    const { events } = routeFor(true, step.planSchool());
    whenAfter(events, step.order(otherSchool)).then('school_not_named_in_plan', 'school');
  });

  it('s.441: a plan naming no school blocks the order until the plan is amended to name one', () => {
    const { events } = routeFor(true);
    const refusal = () => {
      try {
        whenAfter(events, step.order()).events();
      } catch (error) {
        return error as Error;
      }
      throw new Error('the order was served');
    };
    expect(refusal()).toMatchObject({ code: 'ehc_plan_names_no_school', field: 'school' });
    expect(refusal().message).toMatch(/RequestEhcPlanAmendment/);
    const requested = routeFor(true, step.planAmendmentRequest());
    whenAfter(requested.events, step.order()).then('ehc_plan_names_no_school', 'school');
    expect(requested.state.ehcPlan.amendmentRequestedOn).toBe('2026-06-25');
    whenAfter(requested.events, step.planAmendmentRequest('2026-06-26')).then('ehc_plan_amendment_pending');
    const named = routeFor(true, step.planAmendmentRequest(), step.planSchool(planSchool, '2026-06-29'));
    expect(named.state.ehcPlan.amendmentRequestedOn).toBeNull();
    whenAfter(named.events, step.order()).thenAccepted();
  });

  it('a plan recorded as naming no school (null) also blocks the order', () => {
    const { events } = routeFor(true, step.planSchool(), step.planSchool(null, '2026-06-25'));
    whenAfter(events, step.order()).then('ehc_plan_names_no_school', 'school');
  });

  it('the plan as at the day of service decides the branch: a plan ended the day before → the s.438 route', () => {
    const ended = routeFor(true, step.planSchool(), step.flags([], '2026-06-30'));
    whenAfter(ended.events, step.order(planSchool, '2026-07-01')).then('sao_step_out_of_order');
    whenAfter(ended.events, step.consult('2026-07-01')).thenAccepted();
    // Served the day before the plan ended, the order is the plan child's.
    whenAfter(ended.events, step.order(planSchool, '2026-06-29')).thenAccepted();
  });

  it('a plan begun after the notice of intention: the notice is spent, the order names the plan school at once', () => {
    const { events } = routeFor(
      false,
      step.consult(),
      step.noticeOfIntention(),
      step.flags(['ehcp'], '2026-06-30'),
      step.planSchool(planSchool, '2026-06-30'),
    );
    // The parent's 15 days from 29 June have not run, but s.438 no longer applies.
    whenAfter(events, step.order(otherSchool, '2026-07-01')).then('school_not_named_in_plan', 'school');
    whenAfter(events, step.order(planSchool, '2026-07-01')).thenAccepted();
  });

  it('s.441 (on s.441A(2) "the local authority must amend the order accordingly"): the plan school changes, the order follows', () => {
    const { events, state } = routeFor(
      true,
      step.planSchool(),
      step.order(),
      step.planSchool(otherSchool, '2026-07-10'),
    );
    expect(events.slice(-2)).toMatchObject([
      { type: 'EhcPlanSchoolRecorded', data: { namedSchool: otherSchool, previousSchool: planSchool } },
      {
        type: 'SchoolAttendanceOrderAmended',
        data: {
          initiatedBy: 'ehc_plan',
          school: otherSchool,
          parentRequest: null,
          legalBasis: 'EA1996_s441',
        },
      },
    ]);
    expect(state.sao.order?.school).toEqual(otherSchool);
    expect(state.clocks.saoCompliance?.startedOn).toBe('2026-07-10');
  });

  it('the plan school is recorded only for a child with a plan, and only when it changes', () => {
    whenAfter(routeFor(false).events, step.planSchool()).then('no_ehcp', 'recordedOn');
    whenAfter(routeFor(true, step.planSchool()).events, step.planSchool(planSchool, '2026-06-25')).then(
      'ehc_plan_school_unchanged',
      'namedSchool',
    );
  });
});

describe('the plan as at a date (planOn)', () => {
  it('follows the ehcp flag, and a new plan does not inherit the school of an earlier one', () => {
    const { state } = routeFor(
      true,
      step.planSchool(),
      step.flags([], '2026-06-26'),
      step.flags(['ehcp'], '2026-06-29'),
    );
    expect(planOn(state.ehcPlan, '2026-05-31')).toBeNull();
    expect(planOn(state.ehcPlan, '2026-06-25')).toEqual({
      maintainedFrom: '2026-06-01',
      namedSchool: planSchool,
    });
    expect(planOn(state.ehcPlan, '2026-06-26')).toBeNull();
    expect(planOn(state.ehcPlan, '2026-06-29')).toEqual({ maintainedFrom: '2026-06-29', namedSchool: null });
  });
});
