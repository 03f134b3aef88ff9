import { streamOf } from '../domain/case-types.js';
/** An EHE case's story, from its referral to the first decisions about the education. */

import { addCalendarDays, isOfCompulsorySchoolAge } from '../domain/calendar/index.js';
import { eheDecider } from '../domain/ehe/index.js';
import { monitor, returnAndClose } from './ehe-monitor.js';
import type { EheSeedCase } from './ehe-referral.js';
import { eheReferral } from './ehe-referral.js';
import { saoRoute } from './ehe-sao-story.js';
import { maxDate, school } from './people.js';
import type { Rng } from './random.js';
import type { EheRun, Shared } from './run.js';
import { Run, wd, workerMissed } from './run.js';
import { councilTeam, MANAGER, officerFor, PANEL, senior } from './team.js';

export type { EheSeedCase } from './ehe-referral.js';

export async function runEhe(shared: Shared, rng: Rng, spec: EheSeedCase): Promise<void> {
  const caseId = spec.fromCme?.caseId ?? rng.uuid();
  const run: EheRun = new Run(
    shared,
    shared.handlers.ehe,
    streamOf('ehe', caseId),
    rng,
    eheDecider.initialState(),
  );
  shared.counts.ehe++;
  await run.tell(() => eheStory(run, spec, caseId));
}

export async function eheStory(run: EheRun, spec: EheSeedCase, caseId: string): Promise<void> {
  const { rng } = run;
  const t0 = spec.receivedOn;
  const referral = eheReferral(rng, spec, caseId);
  const { dob, group, phase, left, reason, familyName } = referral;
  let state = await run.step(t0, referral.command, referral.actor);

  // Special school consent comes first.
  let t = t0;
  if (state.consent === 'needed') {
    t = wd(run, t, 1);
    state = await run.step(
      t,
      { type: 'RequestSpecialSchoolConsent', data: { requestedOn: t, requestedBy: 'school' } },
      senior(rng),
    );
    const due = state.clocks.specialSchoolConsent?.dueOn ?? wd(run, t, 10);
    const late = rng.chance(0.15);
    if (late) await workerMissed(run, 'specialSchoolConsent', due, rng.chance(0.5));
    t = late ? maxDate(run.lastDate, wd(run, due, rng.int(1, 4))) : wd(run, t, rng.int(2, 9));
    if (rng.chance(0.1)) {
      state = await run.step(
        t,
        {
          type: 'RefuseSpecialSchoolConsent',
          data: { decidedOn: t, rationale: 'The placement meets needs the plan sets out' },
        },
        senior(rng),
      );
    } else {
      state = await run.step(
        t,
        { type: 'GiveSpecialSchoolConsent', data: { decidedOn: t, rationale: 'Parents have a plan' } },
        senior(rng),
      );
    }
  }

  // Allocation: mostly within the clock, some late (the worker records it).
  const allocationDue = state.clocks.allocation?.dueOn ?? wd(run, t0, 2);
  if (rng.chance(0.12)) {
    await workerMissed(run, 'allocation', allocationDue, rng.chance(0.4));
    t = maxDate(run.lastDate, wd(run, allocationDue, rng.int(1, 5)));
  } else {
    t = maxDate(t, maxDate(t0, wd(run, t0, rng.int(0, 2))));
    if (t > allocationDue) t = maxDate(t0, allocationDue);
  }
  t = maxDate(t, run.lastDate);
  const officer = rng.pick(councilTeam.officers);
  state = await run.step(t, { type: 'AllocateCase', data: { officerId: officer, allocatedOn: t } }, MANAGER);

  if (state.consent === 'refused') {
    t = wd(run, t, rng.int(3, 15));
    state = await run.step(
      t,
      { type: 'RecordReturnToSchool', data: { school: left, startDate: t } },
      officerFor(state),
    );
    await run.step(t, { type: 'CloseCase', data: { closedOn: t, reason: 'returned_to_school' } }, MANAGER);
    return;
  }

  // First contact: a failed attempt or two, then contact; some late.
  const contactDue = state.clocks.firstContact?.dueOn ?? wd(run, t0, 5);
  const contactLate = rng.chance(0.1);
  for (let i = rng.int(0, 2); i > 0; i--) {
    t = wd(run, t, 1);
    if (!contactLate && t >= contactDue) break;
    state = await run.step(
      t,
      {
        type: 'RecordContactAttempt',
        data: {
          attemptedOn: t,
          method: rng.pick(['phone', 'letter', 'email'] as const),
          outcome: rng.pick(['no_answer', 'message_left', 'no_reply'] as const),
        },
      },
      officerFor(state),
    );
  }
  if (contactLate) {
    if (state.clocks.firstContact) await workerMissed(run, 'firstContact', contactDue, rng.chance(0.3));
    t = maxDate(run.lastDate, wd(run, contactDue, rng.int(1, 6)));
  } else {
    t = maxDate(t, wd(run, t, rng.int(0, 1)));
    if (t > contactDue) t = maxDate(run.lastDate, contactDue);
  }
  state = await run.step(
    t,
    {
      type: 'RecordContactAttempt',
      data: {
        attemptedOn: t,
        method: rng.pick(['phone', 'email', 'visit'] as const),
        outcome: 'contact_made',
      },
    },
    officerFor(state),
  );

  // Reallocation, now and then.
  if (rng.chance(0.1)) {
    t = wd(run, t, rng.int(1, 10));
    const next = rng.pick(councilTeam.officers.filter((o) => o !== state.allocatedOfficer));
    state = await run.step(
      t,
      {
        type: 'ReallocateCase',
        data: {
          officerId: next,
          reallocatedOn: t,
          reason: rng.pick(['Caseload balancing', 'Officer on leave', 'Officer left the service']),
        },
      },
      MANAGER,
    );
  }

  // Other services tell us of a child protection plan.
  if (rng.chance(0.03) && !state.priorityFlags.includes('child_protection_plan')) {
    t = wd(run, t, rng.int(1, 15));
    state = await run.step(
      t,
      {
        type: 'ChangePriorityFlags',
        data: {
          changedOn: t,
          flags: [...state.priorityFlags, 'child_protection_plan'],
          toldBy: 'social_care',
        },
      },
      officerFor(state),
    );
  }

  // Some go back to school soon after (often those who did not get a school of choice).
  const earlyReturn = reason === 'did_not_get_school_preference' ? 0.25 : 0.07;
  if (rng.chance(earlyReturn)) {
    t = addCalendarDays(t, rng.int(14, 90));
    await returnAndClose(run, t, school(rng, phase));
    return;
  }

  // The CNIS panel for priority cases.
  if (state.priority && rng.chance(0.4)) {
    t = wd(run, t, rng.int(2, 10));
    state = await run.step(
      t,
      {
        type: 'ReferToPanel',
        data: {
          panel: 'children_not_in_school',
          referredOn: t,
          reason: 'Priority case: multi-agency oversight',
        },
      },
      senior(rng),
    );
    t = wd(run, t, rng.int(5, 20));
    state = await run.step(
      t,
      {
        type: 'RecordPanelDecision',
        data: {
          panel: 'children_not_in_school',
          decidedOn: t,
          decision: 'Monitor with termly contact',
          actions: ['Lead professional to share plan'],
        },
      },
      PANEL,
    );
  }

  // The visit: ~95% accept.
  t = wd(run, t, rng.int(1, 4));
  const visitId = `visit-${rng.int(100000, 999999)}`;
  const proposedFor = wd(run, t, rng.int(3, 12));
  state = await run.step(
    t,
    {
      type: 'OfferVisit',
      data: {
        visitId,
        offeredOn: t,
        proposedFor,
        location: rng.weighted([
          ['home', 85],
          ['council_office', 12],
          ['other', 3],
        ] as const),
      },
    },
    officerFor(state),
  );
  let enquiry = false;
  if (rng.chance(0.95)) {
    t = wd(run, t, rng.int(0, 2));
    if (t > proposedFor) t = proposedFor;
    state = await run.step(
      t,
      { type: 'RecordVisitAccepted', data: { visitId, acceptedOn: t } },
      officerFor(state),
    );
    t = proposedFor;
    const outcome = rng.weighted([
      ['satisfactory', 76],
      ['further_information_needed', 19],
      ['concerns_raised', 5],
    ] as const);
    state = await run.step(
      t,
      {
        type: 'RecordVisitHeld',
        data: { visitId, heldOn: t, notes: 'Met parent and child; discussed provision', outcome },
      },
      officerFor(state),
    );
    enquiry = outcome !== 'satisfactory';
  } else {
    t = wd(run, t, rng.int(1, 3));
    state = await run.step(
      t,
      {
        type: 'RecordVisitDeclined',
        data: { visitId, declinedOn: t, reason: 'Family prefer written contact' },
      },
      officerFor(state),
    );
    enquiry = true;
  }

  // Suitability.
  let unsuitable = false;
  let refused = false;
  if (enquiry) {
    t = wd(run, t, rng.int(1, 5));
    state = await run.step(
      t,
      { type: 'SendInformalEnquiry', data: { sentOn: t, method: rng.pick(['letter', 'email'] as const) } },
      officerFor(state),
    );
    const due = state.clocks.informalEnquiry?.dueOn ?? wd(run, t, 20);
    if (rng.chance(0.8)) {
      if (rng.chance(0.15)) {
        await workerMissed(run, 'informalEnquiry', due, false);
        t = maxDate(run.lastDate, wd(run, due, rng.int(1, 8)));
      } else {
        t = wd(run, t, rng.int(5, 19));
      }
      state = await run.step(
        t,
        {
          type: 'RecordEvidence',
          data: {
            receivedOn: t,
            kind: rng.pick(['report', 'samples', 'meeting', 'tutor_report'] as const),
            description: 'Evidence of the education provided',
          },
        },
        officerFor(state),
      );
      unsuitable = rng.chance(0.15);
    } else {
      await workerMissed(run, 'informalEnquiry', due, rng.chance(0.5));
      unsuitable = true;
      refused = true;
    }
    t = maxDate(run.lastDate, wd(run, t, rng.int(2, 8)));
  } else {
    t = wd(run, t, rng.int(0, 5));
  }
  state = await run.step(
    t,
    {
      type: 'JudgeSuitability',
      data: {
        judgedOn: t,
        outcome: unsuitable ? 'appears_unsuitable' : 'suitable',
        rationale: unsuitable
          ? refused
            ? 'No information provided in response to the enquiry'
            : 'The evidence does not show suitable full-time education'
          : 'Education appears efficient and suitable',
        informationRefused: refused,
      },
    },
    officerFor(state),
  );

  if (unsuitable) {
    const reclassifyOn = wd(run, t, rng.int(5, 20));
    const toOrder = rng.chance(0.65);
    // Compulsory school age is one unbroken span, so a child of that age on both days is of it throughout.
    if (
      !isOfCompulsorySchoolAge(dob, t) ||
      !isOfCompulsorySchoolAge(dob, addCalendarDays(reclassifyOn, 365))
    ) {
      // Not yet of compulsory school age (s.437 applies only to a child of that age), or too near the school
      // leaving date for a School Attendance Order (it lasts only while the child is of that age), and so
      // no child missing education either: monitored until it ends.
    } else if (toOrder) {
      const back = await saoRoute(run, t, phase);
      if (back === 'closed') return;
      t = run.lastDate;
    } else {
      t = reclassifyOn;
      const cmeCaseId = rng.uuid();
      await run.step(
        t,
        {
          type: 'ReclassifyAsCme',
          data: { reclassifiedOn: t, cmeCaseId, reason: 'Education not shown to be suitable' },
        },
        MANAGER,
      );
      await run.shared.stories.cme(run.shared, rng, {
        index: -1,
        receivedOn: t,
        group,
        fromEhe: {
          eheCaseId: caseId,
          caseId: cmeCaseId,
          child: { givenName: 'Unknown', familyName, dateOfBirth: dob },
        },
      });
      return;
    }
  }

  // Fair Access for a few.
  if (rng.chance(0.03)) {
    t = wd(run, t, rng.int(10, 60));
    state = await run.step(
      t,
      {
        type: 'ReferToPanel',
        data: { panel: 'fair_access', referredOn: t, reason: 'Family ask for a school place' },
      },
      senior(rng),
    );
    t = wd(run, t, rng.int(5, 15));
    const place = school(rng, phase);
    state = await run.step(
      t,
      {
        type: 'RecordPanelDecision',
        data: {
          panel: 'fair_access',
          decidedOn: t,
          decision: 'Place offered',
          actions: [],
          placementSchool: place,
        },
      },
      PANEL,
    );
    const due = state.clocks.fairAccessPlacement?.dueOn;
    if (due && rng.chance(0.2)) {
      await workerMissed(run, 'fairAccessPlacement', due, false);
      t = maxDate(run.lastDate, addCalendarDays(due, rng.int(1, 10)));
    } else {
      t = run.shared.calendar.addSchoolDays(t, rng.int(3, 18));
    }
    await returnAndClose(run, t, place);
    return;
  }

  await monitor(run, maxDate(t, run.lastDate), dob, phase);
}
