import { describe, expect, it } from 'vitest';
import type { EheCommand } from '../../../src/domain/ehe/index.js';
import { command } from './fixtures.js';
import { offeredSchool, otherSchool, planSchool, routeFor, step, whenAfter } from './sao-plan-fixtures.js';

/** A child without a plan: the s.438 route to an order naming `otherSchool`, served 14 July 2026. */
const toOrder = [step.consult(), step.noticeOfIntention(), step.order(otherSchool, '2026-07-14')];
const parentAsks = (
  data: Partial<{
    appliedOn: string;
    offeredOn: string;
    requestedOn: string;
    school: typeof otherSchool;
  }> = {},
) =>
  command({
    type: 'AmendSchoolAttendanceOrder',
    data: {
      initiatedBy: 'parent_request',
      appliedOn: '2026-07-15',
      offeredOn: '2026-07-20',
      requestedOn: '2026-07-21',
      amendedOn: '2026-07-22',
      school: offeredSchool,
      ...data,
    },
  });
const councilAmends = (school = offeredSchool) =>
  command({
    type: 'AmendSchoolAttendanceOrder',
    data: { initiatedBy: 'council', amendedOn: '2026-07-22', school, rationale: 'no place after all' },
  });

describe('s.440 amendment at the parent request, and the council amending on its own initiative', () => {
  it('s.440(2) "the child is offered a place at the school as a result of the application … the authority shall comply with the request"', () => {
    const [event] = whenAfter(routeFor(false, ...toOrder).events, parentAsks()).thenAccepted();
    expect(event).toMatchObject({
      type: 'SchoolAttendanceOrderAmended',
      data: {
        initiatedBy: 'parent_request',
        school: offeredSchool,
        parentRequest: { appliedOn: '2026-07-15', offeredOn: '2026-07-20', requestedOn: '2026-07-21' },
        legalBasis: 'EA1996_s440',
        clocksStarted: [{ clock: 'saoCompliance', startedOn: '2026-07-22' }],
      },
    });
  });

  it('s.440(2)(b)-(c): the request follows an offer made "as a result of the application"', () => {
    const { events } = routeFor(false, ...toOrder);
    whenAfter(
      events,
      command({ ...parentAsks(), data: { ...parentAsks().data, offeredOn: undefined } } as EheCommand),
    ).then('field_required', 'offeredOn');
    whenAfter(events, parentAsks({ offeredOn: '2026-07-14' })).then('date_before_previous_step', 'offeredOn');
    whenAfter(events, parentAsks({ requestedOn: '2026-07-19' })).then(
      'date_before_previous_step',
      'requestedOn',
    );
  });

  it('s.440(2)(a) a school "different from the school named in the order"', () => {
    whenAfter(routeFor(false, ...toOrder).events, parentAsks({ school: otherSchool })).then(
      'school_already_named',
      'school',
    );
  });

  it('s.440(1) "other than a child for whom the [local authority] maintain an EHC plan": the parent request is refused', () => {
    const { events } = routeFor(true, step.planSchool(), step.order(planSchool, '2026-07-14'));
    whenAfter(events, parentAsks()).then('not_for_child_with_ehc_plan', 'initiatedBy');
  });

  it('s.437(4) "subject to any amendment made by the local education authority": the council amends, saying why', () => {
    const [event] = whenAfter(routeFor(false, ...toOrder).events, councilAmends()).thenAccepted();
    expect(event).toMatchObject({
      data: {
        initiatedBy: 'council',
        parentRequest: null,
        rationale: 'no place after all',
        legalBasis: 'EA1996_s437_4',
      },
    });
    const unexplained = command({
      type: 'AmendSchoolAttendanceOrder',
      data: { initiatedBy: 'council', amendedOn: '2026-07-22', school: offeredSchool },
    });
    whenAfter(routeFor(false, ...toOrder).events, unexplained).then('field_required', 'rationale');
  });

  it('s.441: the council cannot amend a plan child’s order away from the plan school', () => {
    const { events } = routeFor(true, step.planSchool(), step.order(planSchool, '2026-07-14'));
    whenAfter(events, councilAmends()).then('school_not_named_in_plan', 'school');
  });
});

const { revocationRequest: request, revocationRefusal: refuse } = step;
const refer = command({ type: 'ReferSaoRefusalToSecretaryOfState', data: { referredOn: '2026-07-25' } });
const direction = (d: 'revoke' | 'uphold') =>
  command({ type: 'RecordSaoSecretaryOfStateDirection', data: { directedOn: '2026-09-01', direction: d } });
const revoke = (
  ground: 'parent_request_granted' | 'suitable_education_otherwise' | 'council_initiative_other',
) =>
  command({
    type: 'RevokeSchoolAttendanceOrder',
    data: { revokedOn: '2026-07-28', ground, rationale: 'as recorded' },
  });

describe('s.442 revocation: the Secretary of State’s direction, and the council’s own initiative', () => {
  const referred = () => routeFor(false, ...toOrder, request, refuse, refer);

  it('the Secretary of State directs revocation: the order is revoked, ground secretary_of_state_direction', () => {
    const [recorded, revoked] = whenAfter(referred().events, direction('revoke')).thenAccepted();
    expect(recorded).toMatchObject({
      type: 'SaoSecretaryOfStateDirectionRecorded',
      data: { direction: 'revoke', legalBasis: 'EA1996_s442' },
    });
    expect(revoked).toMatchObject({
      type: 'SchoolAttendanceOrderRevoked',
      data: { revokedOn: '2026-09-01', ground: 'secretary_of_state_direction', legalBasis: 'EA1996_s442' },
    });
    const { state } = routeFor(false, ...toOrder, request, refuse, refer, direction('revoke'));
    expect(state.sao.stage).toBe('order_revoked');
    expect(state.suitability?.outcome).toBe('suitable');
    expect(state.clocks.saoCompliance).toBeUndefined();
  });

  it('a direction to uphold the refusal leaves the order in force', () => {
    const { state } = routeFor(false, ...toOrder, request, refuse, refer, direction('uphold'));
    expect(state.sao.stage).toBe('order_in_force');
    expect(state.sao.revocation).toBe('none');
  });

  it('a direction answers only a refusal referred to the Secretary of State', () => {
    whenAfter(routeFor(false, ...toOrder, request, refuse).events, direction('revoke')).then(
      'sao_step_out_of_order',
    );
  });

  it('s.437(4)(a) "revoked by the authority": the council revokes with no request pending, and only suitable education otherwise records it as suitable', () => {
    const { events } = routeFor(false, ...toOrder);
    whenAfter(events, revoke('parent_request_granted')).then('sao_step_out_of_order');
    const [event] = whenAfter(events, revoke('council_initiative_other')).thenAccepted();
    expect(event).toMatchObject({
      data: { ground: 'council_initiative_other', legalBasis: 'EA1996_s437_4' },
    });
    const other = routeFor(false, ...toOrder, revoke('council_initiative_other')).state;
    expect(other.sao.stage).toBe('order_revoked');
    expect(other.suitability?.outcome).toBe('appears_unsuitable');
    expect(other.status).toBe('open');
    const suitable = routeFor(false, ...toOrder, revoke('suitable_education_otherwise')).state;
    expect(suitable.suitability?.outcome).toBe('suitable');
    expect(suitable.status).toBe('monitoring');
  });
});
