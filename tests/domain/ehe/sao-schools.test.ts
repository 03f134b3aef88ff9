import { describe, expect, it } from 'vitest';
import type { EheCommand } from '../../../src/domain/ehe/index.js';
import { allocate, command, given, history, judge, on, referral } from './fixtures.js';
import { autumn, autumnRoute, routeToNoticeOfIntention } from './sao-route.js';

/**
 * The schools the council names: s.438 (the parent's application within the 15 days), s.439 (consultation,
 * exclusion, a maintained school's governing body) and s.437(5) (the named school told). s.438 and s.439 were
 * not in the stored statute text: the rules are the issue's, as the Bill's s.436K(3)–(4) mirrors them.
 * The s.438 notice is served on Monday 29 June 2026: the 15 days beginning with it end on Monday 13 July.
 */
const woodlands = { name: 'Woodlands Community College', urn: '116448' };
const oasis = { name: 'Oasis Academy Lordshill', urn: '135969' };
const regents = { name: 'Regents Park Community College', urn: '116441' };
const c = (input: Parameters<typeof command>[0]) => command(input);
const consult = (
  school: typeof woodlands,
  more: { maintained?: boolean; childPermanentlyExcluded?: boolean } = {},
) => c({ type: 'ConsultSchool', data: { school, consultedOn: '2026-06-25', maintained: false, ...more } });
// The s.437(1) notice, the response found wanting and expediency (the route's steps after the judgement).
const before438 = routeToNoticeOfIntention({
  allocated: '2026-06-02',
  judged: '2026-06-05',
  notice437: '2026-06-08',
  responded: '2026-06-23',
  consulted: '2026-06-25',
  notice438: '2026-06-29',
}).slice(2, 5);
const notice438 = (alternativeSchools: (typeof woodlands)[] = [oasis]) =>
  c({
    type: 'ServeSection438Notice',
    data: {
      noticeId: 'notice-438',
      issuedOn: '2026-06-29',
      parentId: 'parent-1',
      service: { method: 'in_person', servedOn: '2026-06-29' },
      intendedSchool: woodlands,
      alternativeSchools,
    },
  });
const order = (school = woodlands, issuedOn = '2026-07-14') =>
  c({
    type: 'ServeSchoolAttendanceOrder',
    data: {
      orderId: 'order-1',
      issuedOn,
      parentId: 'parent-1',
      service: { method: 'in_person', servedOn: issuedOn },
      school,
    },
  });
const route = autumnRoute;

const when = (steps: EheCommand[], cmd: EheCommand) => given(route(...steps).events).when(cmd, autumn);
const toNotice = [...before438, consult(woodlands), consult(oasis), notice438()];
const apply = (applicationMadeOn: string, notifiedOn = applicationMadeOn) =>
  c({
    type: 'RecordParentSchoolChoice',
    data: { kind: 'application_elsewhere', school: regents, applicationMadeOn, notifiedOn },
  });
const decision = (outcome: 'offered' | 'refused', decidedOn = '2026-07-18') =>
  c({ type: 'RecordSchoolApplicationDecision', data: { decidedOn, outcome } });

describe('s.438: the application, and the notice of it to the council, within the 15 days; the offer may come later', () => {
  it('an application made and notified on day 15 (13 July) and offered on day 20 (18 July): the order names that school', () => {
    const steps = [...toNotice, apply('2026-07-13'), decision('offered')];
    const [event] = when(steps, order(regents, '2026-07-20')).thenAccepted();
    expect(event).toMatchObject({ type: 'SchoolAttendanceOrderServed', data: { school: regents } });
    when(steps, order(woodlands, '2026-07-20')).then('school_not_chosen', 'school');
  });

  it('an application made on day 16 is out of time; so is one notified to the council on day 16', () => {
    when(toNotice, apply('2026-07-14')).then('choice_period_expired', 'applicationMadeOn');
    when(toNotice, apply('2026-07-13', '2026-07-14')).then('choice_period_expired', 'notifiedOn');
    when(toNotice, apply('2026-06-26')).then('date_before_previous_step', 'applicationMadeOn');
  });

  it('records the dates, and the offer as not yet made', () => {
    const [event] = when(toNotice, apply('2026-07-06', '2026-07-07')).thenAccepted();
    expect(event).toMatchObject({
      type: 'SchoolChosenByParent',
      data: {
        kind: 'application_elsewhere',
        applicationMadeOn: '2026-07-06',
        notifiedOn: '2026-07-07',
        offeredOn: null,
      },
    });
  });

  it('while an in-time application is undecided the council cannot serve an order naming its own school', () => {
    when([...toNotice, apply('2026-07-10')], order()).then('school_application_pending');
  });

  it('once the school refuses the application, the council names a school of its own', () => {
    when(
      [...toNotice, apply('2026-07-10'), decision('refused', '2026-07-15')],
      order(woodlands, '2026-07-16'),
    ).thenAccepted();
  });

  it('a named school and an application elsewhere each need their own dates', () => {
    const bare = c({
      type: 'RecordParentSchoolChoice',
      data: { kind: 'application_elsewhere', school: regents },
    });
    when(toNotice, bare).then('field_required', 'applicationMadeOn');
    const mixed = c({
      type: 'RecordParentSchoolChoice',
      data: { kind: 'named_school', school: oasis, chosenOn: '2026-07-01', notifiedOn: '2026-07-01' },
    });
    when(toNotice, mixed).then('contradictory_fields', 'notifiedOn');
  });
});

describe('s.439: the schools a notice or an order names', () => {
  it('every school named in the s.438 notice, the alternatives included, must have been consulted', () => {
    when([...before438, consult(woodlands)], notice438()).then(
      'school_not_consulted',
      'alternativeSchools.0',
    );
  });

  it('a school from which the child is permanently excluded cannot be named', () => {
    const excluded = consult(oasis, { childPermanentlyExcluded: true });
    when([...before438, consult(woodlands), excluded], notice438()).then(
      'school_permanently_excluded',
      'alternativeSchools.0',
    );
    when([...before438, consult(woodlands), excluded], notice438([])).thenAccepted();
  });

  const maintained = [...before438, consult(woodlands, { maintained: true }), consult(oasis)];
  const notify = (notifiedOn: string) =>
    c({ type: 'NotifyGoverningBody', data: { school: woodlands, notifiedOn } });

  it("a maintained school's governing body is told before the order names it", () => {
    when([...maintained, notice438()], order()).then('governing_body_not_notified', 'school');
    when(
      maintained,
      c({ type: 'NotifyGoverningBody', data: { school: oasis, notifiedOn: '2026-06-26' } }),
    ).then('school_not_maintained', 'school');
  });

  it('its 15 days beginning with the notice run to 10 July when told on 26 June: the order of 14 July may name it', () => {
    const [event] = when(maintained, notify('2026-06-26')).thenAccepted();
    expect(event).toMatchObject({
      type: 'GoverningBodyNotified',
      data: { directionPeriodEndsOn: '2026-07-10', legalBasis: 'EA1996_s439' },
    });
    when([...maintained, notify('2026-06-26'), notice438()], order()).thenAccepted();
  });

  it('while the 15 days run (told on 30 June: to 14 July) the order naming that school is refused', () => {
    when([...maintained, notice438(), notify('2026-06-30')], order()).then(
      'direction_period_running',
      'school',
    );
    when([...maintained, notice438(), notify('2026-06-30')], order(woodlands, '2026-07-15')).thenAccepted();
  });

  describe("s.439: the governing body's application to the Secretary of State for a direction (told Friday 26 June, its 15 days end Friday 10 July)", () => {
    const applyForDirection = (appliedOn: string) =>
      c({ type: 'RecordGoverningBodyDirectionApplication', data: { school: woodlands, appliedOn } });
    const direct = (outcome: 'school_may_be_named' | 'school_not_to_be_named') =>
      c({
        type: 'RecordSecretaryOfStateSchoolDirection',
        data: { school: woodlands, directedOn: '2026-07-20', outcome },
      });
    const told = [...maintained, notify('2026-06-26'), notice438()];

    it('an application on the 15th day, 10 July, is in time', () => {
      when(told, applyForDirection('2026-07-10')).then([
        {
          type: 'GoverningBodyAppliedForDirection',
          data: {
            school: woodlands,
            appliedOn: '2026-07-10',
            inTime: true,
            legalBasis: 'EA1996_s439',
            decidedBy: 'manager-1',
          },
        },
      ]);
    });

    it('while an application made in time is undetermined, the order cannot name that school', () => {
      when([...told, applyForDirection('2026-07-10')], order()).then(
        'direction_application_pending',
        'school',
      );
    });

    it('once the Secretary of State directs that the school may be named, the order names it', () => {
      const steps = [...told, applyForDirection('2026-07-10'), direct('school_may_be_named')];
      when(steps, order(woodlands, '2026-07-21')).thenAccepted();
    });

    it('a direction that the school is not to be named bars it from the order', () => {
      const steps = [...told, applyForDirection('2026-07-10'), direct('school_not_to_be_named')];
      when(steps, order(woodlands, '2026-07-21')).then('school_directed_not_to_be_named', 'school');
    });

    it('an application on Saturday 11 July, the 16th day, is out of time and does not hold the order back', () => {
      const [event] = when(told, applyForDirection('2026-07-11')).thenAccepted();
      expect(event).toMatchObject({ data: { inTime: false } });
      when([...told, applyForDirection('2026-07-11')], order()).thenAccepted();
    });

    it('a governing body never told cannot apply, and no direction is recorded without an application', () => {
      when([...maintained, notice438()], applyForDirection('2026-07-10')).then(
        'governing_body_not_notified',
        'school',
      );
      when(told, direct('school_may_be_named')).then('sao_step_out_of_order', 'school');
    });
  });

  it('15 days beginning with 20 January 2026 end on 3 February, across the month end', () => {
    const january = history(
      referral({
        receivedOn: '2026-01-05',
        eheStartDate: '2026-01-02',
        deletionReturn: { school: woodlands, deletedOn: '2026-01-02', ground: 'written notice' },
      } as never),
      [allocate('officer-1', '2026-01-06'), autumn],
      [judge('appears_unsuitable', '2026-01-07'), autumn],
      [
        c({
          type: 'ServeSection437Notice',
          data: {
            noticeId: 'notice-437',
            issuedOn: '2026-01-08',
            parentId: 'parent-1',
            service: { method: 'in_person', servedOn: '2026-01-08' },
          },
        }),
        autumn,
      ],
      [
        c({
          type: 'JudgeSection437Response',
          data: { judgedOn: '2026-01-23', satisfied: false, rationale: 'none' },
        }),
        autumn,
      ],
      [
        c({
          type: 'DecideAttendanceExpediency',
          data: { decidedOn: '2026-01-23', expedient: true, rationale: 'school' },
        }),
        autumn,
      ],
      [
        c({
          type: 'ConsultSchool',
          data: { school: woodlands, consultedOn: '2026-01-19', maintained: true },
        }),
        autumn,
      ],
    );
    const [event] = given(january.events).when(notify('2026-01-20'), autumn).thenAccepted();
    expect(event).toMatchObject({ data: { directionPeriodEndsOn: '2026-02-03' } });
  });

  it('once the period has passed the worker records its end, not a missed deadline', () => {
    const { events } = route(...maintained, notify('2026-06-26'));
    const expiry = c({
      type: 'RecordClockExpiry',
      data: { clock: 'governingBodyDirection', dueOn: '2026-07-10' },
    });
    given(events)
      .when(expiry, on('2026-07-11T09:00:00Z'))
      .then([
        {
          type: 'GoverningBodyDirectionPeriodEnded',
          data: { endedOn: '2026-07-10', recordedOn: '2026-07-11' },
        },
      ]);
    given(events).when(expiry, on('2026-07-10T09:00:00Z')).then([]);
  });
});

describe('s.437(5) "the local education authority shall inform the governing body and the head teacher"', () => {
  const informed = c({
    type: 'RecordNamedSchoolInformed',
    data: { informedOn: '2026-07-15', governingBody: true, headTeacher: true },
  });

  it('serving the order starts a clock to inform the named school; recording it stops the clock, once', () => {
    const { state } = route(...toNotice, order());
    expect(state.clocks.namedSchoolInformed?.dueOn).toBe('2026-07-15');
    when([...toNotice, order()], informed).then([
      {
        type: 'NamedSchoolInformed',
        data: {
          school: woodlands,
          informedOn: '2026-07-15',
          legalBasis: 'EA1996_s437_5',
          decidedBy: 'manager-1',
        },
      },
    ]);
    expect(route(...toNotice, order(), informed).state.clocks.namedSchoolInformed).toBeUndefined();
    when([...toNotice, order(), informed], informed).then('sao_step_out_of_order');
  });

  it('needs an order in force', () => {
    when(toNotice, informed).then('sao_step_out_of_order');
  });
});
