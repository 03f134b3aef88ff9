/** The School Attendance Order route of an EHE case. */

import type { IsoDate } from '../domain/calendar/index.js';
import { addCalendarDays } from '../domain/calendar/index.js';
import { type EhcPlanHistory, planOn } from '../domain/ehe/ehc-plan.js';
import { returnAndClose } from './ehe-monitor.js';
import { maxDate, type School, school } from './people.js';
import type { EheRun } from './run.js';
import { wd, workerMissed } from './run.js';
import { type Actor, MANAGER, senior } from './team.js';

/** Every seeded referral names one parent, `parent-1`: the notices and the order are served on them. */
const PARENT = 'parent-1';

/** The School Attendance Order route (current regime); 'closed' when the case ends on it. */
export async function saoRoute(
  run: EheRun,
  from: IsoDate,
  phase: 'primary' | 'secondary',
): Promise<'closed' | 'open'> {
  const { rng } = run;
  const s = senior(rng);
  let t = wd(run, from, rng.int(3, 15));
  let state = await run.step(
    t,
    {
      type: 'ServeSection437Notice',
      data: {
        noticeId: 'notice-437',
        issuedOn: t,
        parentId: PARENT,
        service: rng.pick([
          { method: 'in_person', servedOn: t },
          { method: 'post', postedOn: t, postClass: 'first' },
          { method: 'left_at_address', servedOn: t },
        ] as const),
      },
    },
    s,
  );
  const periodEnds = state.sao.notice437?.periodEndsOn ?? addCalendarDays(t, 15);
  t = addCalendarDays(periodEnds, rng.int(1, 10));
  if (rng.chance(0.3)) {
    state = await run.step(
      t,
      {
        type: 'JudgeSection437Response',
        data: { judgedOn: t, satisfied: true, rationale: 'The parent has shown suitable education' },
      },
      s,
    );
    return 'open';
  }
  state = await run.step(
    t,
    {
      type: 'JudgeSection437Response',
      data: { judgedOn: t, satisfied: false, rationale: 'No satisfactory response within the period' },
    },
    s,
  );
  t = wd(run, t, rng.int(1, 5));
  const expedient = rng.chance(0.9);
  state = await run.step(
    t,
    {
      type: 'DecideAttendanceExpediency',
      data: {
        decidedOn: t,
        expedient,
        rationale: expedient ? 'Attendance at school is expedient' : 'Family engaging again',
      },
    },
    MANAGER,
  );
  if (!expedient) return 'open';
  const intended = school(rng, phase);
  // A child with an EHC plan: no s.438 notice or choice; the order names the plan's school (s.441).
  if (planOn(state.ehcPlan, t)) {
    state = await planSchoolNamed(run, t, state.ehcPlan, intended, s);
    t = wd(run, t, rng.int(2, 8));
    return orderAndAfter(run, t, intended, s);
  }
  t = wd(run, t, rng.int(1, 5));
  state = await run.step(
    t,
    {
      type: 'ConsultSchool',
      data: {
        school: intended,
        consultedOn: t,
        response: 'Place available',
        maintained: false,
        childPermanentlyExcluded: false,
      },
    },
    s,
  );
  t = wd(run, t, rng.int(2, 8));
  state = await run.step(
    t,
    {
      type: 'ServeSection438Notice',
      data: {
        noticeId: 'notice-438',
        issuedOn: t,
        parentId: PARENT,
        service: { method: 'post', postedOn: t, postClass: 'second' },
        intendedSchool: intended,
        alternativeSchools: [],
      },
    },
    s,
  );
  const choiceEnds = state.sao.noticeOfIntention?.choiceEndsOn ?? addCalendarDays(t, 15);
  if (rng.chance(0.4)) {
    // Posted second class, the notice is served (deemed) four working days after posting.
    t = addCalendarDays(state.sao.noticeOfIntention?.servedOn ?? t, rng.int(2, 12));
    if (t > choiceEnds) t = choiceEnds;
    state = await run.step(
      t,
      { type: 'RecordParentSchoolChoice', data: { chosenOn: t, kind: 'named_school', school: intended } },
      s,
    );
    t = addCalendarDays(t, rng.int(1, 5));
  } else {
    t = addCalendarDays(choiceEnds, rng.int(1, 7));
  }
  return orderAndAfter(run, t, intended, s);
}

/** The plan names a school before the order: asked to be amended when it names none, then recorded. */
async function planSchoolNamed(run: EheRun, t: IsoDate, plan: EhcPlanHistory, named: School, s: Actor) {
  if (planOn(plan, t)?.namedSchool === null) {
    await run.step(
      t,
      { type: 'RequestEhcPlanAmendment', data: { requestedOn: t, notes: 'Plan to name a school' } },
      s,
    );
  }
  return run.step(t, { type: 'RecordEhcPlanSchool', data: { recordedOn: t, namedSchool: named } }, s);
}

/** The order, then compliance, revocation or prosecution. */
async function orderAndAfter(
  run: EheRun,
  from: IsoDate,
  intended: School,
  s: Actor,
): Promise<'closed' | 'open'> {
  const { rng } = run;
  let t = from;
  const state = await run.step(
    t,
    {
      type: 'ServeSchoolAttendanceOrder',
      data: {
        orderId: 'order',
        issuedOn: t,
        parentId: PARENT,
        service: { method: 'in_person', servedOn: t },
        school: intended,
      },
    },
    MANAGER,
  );
  const complianceDue = state.clocks.saoCompliance?.dueOn;
  const outcome = rng.weighted([
    ['complied', 55],
    ['revoked', 20],
    ['prosecution', 25],
  ] as const);
  if (outcome === 'complied') {
    t = run.shared.calendar.addSchoolDays(t, rng.int(2, 12));
    await run.step(t, { type: 'RecordSaoCompliance', data: { registeredOn: t, school: intended } }, s);
    await returnAndClose(run, t, intended);
    return 'closed';
  }
  if (outcome === 'revoked') {
    t = addCalendarDays(t, rng.int(10, 60));
    await run.step(
      t,
      {
        type: 'RecordSaoRevocationRequest',
        data: { requestedOn: t, arrangements: 'Tutor and structured curriculum now in place' },
      },
      s,
    );
    t = wd(run, t, rng.int(5, 20));
    await run.step(
      t,
      {
        type: 'RevokeSchoolAttendanceOrder',
        data: { revokedOn: t, ground: 'parent_request_granted', rationale: 'Suitable education shown' },
      },
      MANAGER,
    );
    return 'open';
  }
  if (complianceDue) await workerMissed(run, 'saoCompliance', complianceDue, true);
  t = maxDate(run.lastDate, wd(run, complianceDue ?? t, rng.int(3, 10)));
  await run.step(
    t,
    {
      type: 'ConsiderEso',
      data: { consideredOn: t, decision: 'prosecute', rationale: 'An ESO would not secure attendance' },
    },
    MANAGER,
  );
  t = wd(run, t, rng.int(10, 30));
  // s.443(1): the days of non-compliance, from the order's service to the day before the prosecution.
  const offencePeriod = { from, to: addCalendarDays(t, -1) };
  await run.step(
    t,
    {
      type: 'StartProsecution',
      data: { startedOn: t, court: 'Eastmere Magistrates’ Court', offencePeriod },
    },
    MANAGER,
  );
  // s.447(2)(a): a court may direct an ESO application only on convicting the parent.
  const directsEso = rng.chance(0.2);
  t = addCalendarDays(t, rng.int(30, 90));
  const convicted = rng.chance(0.75);
  await run.step(
    t,
    {
      type: 'RecordProsecutionOutcome',
      data: convicted
        ? { decidedOn: t, outcome: 'convicted', orderCeases: false, sentence: 'Fine' }
        : { decidedOn: t, outcome: 'acquitted', orderCeases: false },
    },
    MANAGER,
  );
  if (convicted && directsEso) {
    t = addCalendarDays(t, rng.int(1, 5));
    await run.step(
      t,
      { type: 'RecordEsoDirection', data: { directedOn: t, court: 'Eastmere Magistrates’ Court' } },
      MANAGER,
    );
    t = addCalendarDays(t, rng.int(10, 50));
    await run.step(
      t,
      { type: 'AnswerEsoDirection', data: { answeredOn: t, answer: 'eso_applied' } },
      MANAGER,
    );
  }
  if (convicted && rng.chance(0.6)) {
    t = run.shared.calendar.addSchoolDays(t, rng.int(5, 20));
    await run.step(t, { type: 'RecordSaoCompliance', data: { registeredOn: t, school: intended } }, s);
    await returnAndClose(run, t, intended);
    return 'closed';
  }
  return 'open';
}
