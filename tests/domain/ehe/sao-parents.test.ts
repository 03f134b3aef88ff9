import { describe, expect, it } from 'vitest';
import type { EheEvent } from '../../../src/domain/ehe/index.js';
import { eheCodec } from '../../../src/domain/ehe/index.js';
import { given } from './fixtures.js';
import {
  byHand,
  caseFrom,
  consult,
  emailConsent,
  expedient,
  notSatisfied,
  post,
  recordFather,
  serve437,
  serve438,
  servedEvent,
  serveOrder,
  v1Notice437,
  when,
  withdrawConsent,
} from './service-fixtures.js';

const stateOf = (events: EheEvent[]) => given(events).state;

describe('the parents and carers notices are served on', () => {
  it('the referral names each parent with an id, parent-1 first', () => {
    expect(stateOf(caseFrom()).parents).toEqual({
      'parent-1': {
        name: 'Sara Khan',
        relationship: 'mother',
        livesWithChild: true,
        electronicServiceConsents: [],
      },
    });
  });

  it('a parent not known at referral (a father living apart) is recorded under the id given, once', () => {
    const events = caseFrom(recordFather());
    expect(stateOf(events).parents['parent-2']).toMatchObject({
      relationship: 'father',
      livesWithChild: false,
    });
    when(events, recordFather()).then('parent_already_on_case', 'parentId');
  });

  it('a consent to service by email is given by a parent on the case, once at a time, and withdrawn', () => {
    when(caseFrom(), emailConsent('2026-03-10', 'parent-9')).then('parent_not_on_case', 'parentId');
    const consented = caseFrom(emailConsent('2026-03-10'));
    when(consented, emailConsent('2026-03-12')).then('electronic_service_consent_in_force', 'parentId');
    when(caseFrom(), withdrawConsent('2026-03-12')).then('no_electronic_service_consent', 'parentId');
    const withdrawn = caseFrom(emailConsent('2026-03-10'), withdrawConsent('2026-04-01'));
    expect(stateOf(withdrawn).parents['parent-1']?.electronicServiceConsents).toEqual([
      { email: 'sara.khan@example.org', givenOn: '2026-03-10', withdrawnOn: '2026-04-01' },
    ]);
    when(withdrawn, emailConsent('2026-03-20')).then('date_before_previous_step', 'givenOn');
  });

  it('s.437(1) "serve a notice in writing on the parent": a notice names a parent of the case', () => {
    when(caseFrom(), serve437('2026-06-05', post('2026-06-05'), 'parent-2')).then(
      'parent_not_on_case',
      'parentId',
    );
  });
});

describe('separated parents: each service is its own record', () => {
  const bothServed = () =>
    caseFrom(
      recordFather(),
      serve437('2026-06-05', post('2026-06-05')),
      serve437('2026-06-15', byHand('2026-06-15'), 'parent-2'),
    );

  it('s.437(2) "beginning with the day on which the notice is served": the second parent’s period runs from that parent’s service', () => {
    const event = servedEvent(
      when(
        caseFrom(recordFather(), serve437('2026-06-05', post('2026-06-05'))),
        serve437('2026-06-15', byHand('2026-06-15'), 'parent-2'),
      ).thenAccepted(),
    );
    expect(event.data).toMatchObject({
      parentId: 'parent-2',
      additionalService: true,
      servedOn: '2026-06-15',
      periodEndsOn: '2026-06-29',
    });
    const { sao, clocks } = stateOf(bothServed());
    expect(sao.stage).toBe('notice_served');
    expect(sao.notice437).toMatchObject({ servedOn: '2026-06-09', periodEndsOn: '2026-06-29' });
    expect(clocks.section437Notice?.dueOn).toBe('2026-06-29');
  });

  it('s.437(3)(a) "fails to satisfy … within the period specified in the notice": not before the later parent’s period ends', () => {
    when(bothServed(), notSatisfied('2026-06-24')).then('notice_period_not_expired', 'judgedOn');
    when(bothServed(), notSatisfied('2026-06-30')).thenAccepted();
  });

  it('the same notice is served once on each parent', () => {
    when(bothServed(), serve437('2026-06-16', byHand('2026-06-16'), 'parent-2')).then(
      'already_served_on_parent',
      'parentId',
    );
  });
});

describe('s.443(1) "a parent on whom a school attendance order is served"', () => {
  const toOrderOnMother = () =>
    caseFrom(
      recordFather(),
      serve437('2026-06-05', post('2026-06-05')),
      notSatisfied('2026-06-24'),
      expedient('2026-06-24'),
      consult('2026-06-25'),
      serve438('2026-06-26', byHand('2026-06-29')),
    );

  it('an order on a parent needs the s.437(1) notice served on that parent', () => {
    when(toOrderOnMother(), serveOrder('2026-07-14', byHand('2026-07-14'), 'parent-2')).then(
      'notice_not_served_on_parent',
      'parentId',
    );
    when(toOrderOnMother(), serveOrder('2026-07-14', byHand('2026-07-14'))).thenAccepted();
  });

  it('and, on the route with a s.438 notice, that notice served on that parent, with that parent’s 15 days ended', () => {
    const fatherGiven437 = [...toOrderOnMother(), ...later437OnFather()];
    when(fatherGiven437, serveOrder('2026-07-31', byHand('2026-07-31'), 'parent-2')).then(
      'notice_not_served_on_parent',
      'parentId',
    );
    const fatherGiven438 = [
      ...fatherGiven437,
      ...when(fatherGiven437, serve438('2026-07-16', byHand('2026-07-16'), 'parent-2')).thenAccepted(),
    ];
    when(fatherGiven438, serveOrder('2026-07-30', byHand('2026-07-30'))).then(
      'notice_period_not_expired',
      'issuedOn',
    );
    const onMother = when(fatherGiven438, serveOrder('2026-07-31', byHand('2026-07-31'))).thenAccepted();
    const onFather = when(
      [...fatherGiven438, ...onMother],
      serveOrder('2026-07-31', post('2026-07-31'), 'parent-2'),
    ).thenAccepted();
    expect(servedEvent(onFather).data).toMatchObject({
      parentId: 'parent-2',
      additionalService: true,
      servedOn: '2026-08-04',
      clocksStarted: [],
    });
    const { sao } = stateOf([...fatherGiven438, ...onMother, ...onFather]);
    expect(sao.services.filter((s) => s.document === 'schoolAttendanceOrder').map((s) => s.parentId)).toEqual(
      ['parent-1', 'parent-2'],
    );
  });

  /** The father, found late, is served the s.437(1) notice on 1 July: his period ends on 15 July. */
  function later437OnFather(): EheEvent[] {
    return when(toOrderOnMother(), serve437('2026-07-01', byHand('2026-07-01'), 'parent-2')).thenAccepted();
  }

  it('a service recorded before services named a parent (a v1 event) counts for any parent', () => {
    const v1 = (type: string, data: object) => eheCodec.decode({ type, data, schemaVersion: 1 }) as EheEvent;
    const statutory = { decidedBy: 'manager-1', clocksStarted: [] };
    const legacy = [...caseFrom(recordFather()), v1('Section437NoticeServed', v1Notice437)];
    const routed = caseFromEvents(legacy, [
      notSatisfied('2026-06-24'),
      expedient('2026-06-24'),
      consult('2026-06-25'),
    ]);
    const withNotice438 = [
      ...routed,
      v1('Section438NoticeServed', {
        issuedOn: '2026-06-26',
        servedOn: '2026-06-29',
        serviceMethod: 'in_person',
        intendedSchool: { name: 'Woodlands Community College', urn: '116448' },
        alternativeSchools: [],
        choiceEndsOn: '2026-07-13',
        legalBasis: 'EA1996_s438',
        ...statutory,
      }),
    ];
    expect(stateOf(withNotice438).sao.services.map((s) => s.parentId)).toEqual([null, null]);
    when(withNotice438, serveOrder('2026-07-14', byHand('2026-07-14'), 'parent-2')).thenAccepted();
  });
});

/** Steps decided one after another on top of stored events. */
function caseFromEvents(events: EheEvent[], steps: Parameters<typeof when>[1][]): EheEvent[] {
  const all = [...events];
  for (const step of steps) all.push(...when(all, step).thenAccepted());
  return all;
}
