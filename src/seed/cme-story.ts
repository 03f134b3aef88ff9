import { streamOf } from '../domain/case-types.js';
/** A CME case's story, from the referral to the search for the child. */

import type { IsoDate } from '../domain/calendar/index.js';
import { addCalendarDays, compulsorySchoolAge, isOfCompulsorySchoolAge } from '../domain/calendar/index.js';
import { cmeDecider } from '../domain/cme/index.js';
import { whereabouts } from './cme-whereabouts.js';
import { address, birthDateFor, FAMILY_NAMES, GIVEN_NAMES, maxDate, school, upn } from './people.js';
import type { Rng } from './random.js';
import type { CmeRun, CmeSeedCase, Shared } from './run.js';
import { Run, wd, workerMissed } from './run.js';
import { cmeOfficer, councilTeam, MANAGER, PORTAL } from './team.js';

export const CME_SOURCES = [
  ['deletion_return_no_destination', 30],
  ['continuous_absence_ten_school_days', 19],
  ['joint_reasonable_enquiry_before_deletion', 10],
  ['census_cross_check', 10],
  ['fair_access_place_not_taken_up', 3],
  ['other_agency', 17],
  ['public', 11],
] as const;

export async function runCme(shared: Shared, rng: Rng, spec: CmeSeedCase): Promise<void> {
  const caseId = spec.fromEhe?.caseId ?? rng.uuid();
  const run: CmeRun = new Run(
    shared,
    shared.handlers.cme,
    streamOf('cme', caseId),
    rng,
    cmeDecider.initialState(),
  );
  shared.counts.cme++;
  await run.tell(() => cmeStory(run, spec, caseId));
}

export async function cmeStory(run: CmeRun, spec: CmeSeedCase, caseId: string): Promise<void> {
  const { rng } = run;
  const t0 = spec.receivedOn;
  const source = spec.fromEhe ? 'ehe_judged_unsuitable' : rng.weighted(CME_SOURCES);
  let dob: IsoDate | undefined = spec.fromEhe?.child.dateOfBirth ?? birthDateFor(rng, spec.group, t0);
  if (!spec.fromEhe && !isOfCompulsorySchoolAge(dob, t0)) dob = birthDateFor(rng, 8, t0);
  if (source === 'public' && rng.chance(0.3)) dob = undefined;
  const familyName = spec.fromEhe?.child.familyName ?? rng.pick(FAMILY_NAMES);
  const lastSchool = school(rng, spec.group >= 7 ? 'secondary' : 'primary');
  const fromSchool = [
    'deletion_return_no_destination',
    'continuous_absence_ten_school_days',
    'joint_reasonable_enquiry_before_deletion',
  ].includes(source);
  let state = await run.step(
    t0,
    {
      type: 'ReceiveCmeReferral',
      data: {
        caseId,
        receivedOn: t0,
        source,
        ...(source === 'other_agency'
          ? { referrer: rng.pick(['Health visiting team', 'Housing options', 'Youth offending service']) }
          : {}),
        ...(source === 'public' ? { referrer: 'Member of the public' } : {}),
        child: {
          givenName: spec.fromEhe?.child.givenName ?? rng.pick(GIVEN_NAMES),
          familyName,
          ...(dob ? { dateOfBirth: dob } : {}),
          sex: rng.weighted([
            ['F', 48],
            ['M', 48],
            ['U', 4],
          ] as const),
          ...(fromSchool && dob && rng.chance(0.8) ? { upn: upn(rng, Number(dob.slice(0, 4))) } : {}),
          ...(rng.chance(0.8) ? { address: address(rng) } : {}),
        },
        parentsCarers: [],
        whatIsKnown: fromSchool
          ? 'Not attending; family not responding to the school'
          : 'Reported as not attending any school',
        primaryReason: {
          code: spec.fromEhe
            ? 'unsuitable_home_education'
            : rng.weighted([
                ['whereabouts_unknown', 40],
                ['awaiting_school_place', 25],
                ['moved_into_area_without_place', 20],
                ['did_not_start_school', 15],
              ] as const),
        },
        missingSince: rng.chance(0.8) ? t0 : null,
        ...(fromSchool ? { lastSchool } : {}),
        ...(spec.fromEhe ? { eheCaseId: spec.fromEhe.eheCaseId } : {}),
      },
    },
    fromSchool ? PORTAL : { id: rng.pick(councilTeam.officers), role: 'officer' },
  );

  // Allocation.
  const allocationDue = state.status === 'none' ? t0 : (state.clocks.allocation?.dueOn ?? wd(run, t0, 2));
  let t: IsoDate;
  if (rng.chance(0.1)) {
    await workerMissed(run, 'allocation', allocationDue, rng.chance(0.4));
    t = maxDate(run.lastDate, wd(run, allocationDue, rng.int(1, 4)));
  } else {
    t = maxDate(t0, wd(run, t0, rng.int(0, 2)));
    if (t > allocationDue) t = maxDate(t0, allocationDue);
  }
  state = await run.step(
    t,
    { type: 'AllocateCase', data: { officerId: rng.pick(councilTeam.officers), allocatedOn: t } },
    MANAGER,
  );

  // Risk: a few high, reported to social care and the police, sometimes late.
  t = maxDate(t, wd(run, t, rng.int(0, 1)));
  const level = rng.weighted([
    ['low', 68],
    ['medium', 26],
    ['high', 6],
  ] as const);
  state = await run.step(
    t,
    {
      type: 'AssessCmeRisk',
      data: {
        assessedOn: t,
        level,
        rationale:
          level === 'high'
            ? 'Safeguarding concerns; no contact with any agency'
            : 'No known safeguarding concerns',
      },
    },
    cmeOfficer(run),
  );
  if (level === 'high') {
    const due = state.status === 'none' ? t : state.clocks.cmeHighRiskReport?.dueOn;
    if (due && rng.chance(0.2)) {
      await workerMissed(run, 'cmeHighRiskReport', due, true);
      t = maxDate(run.lastDate, wd(run, due, rng.int(1, 2)));
    }
    await run.stepAt(
      t,
      (reportedAt) => ({ type: 'ReportToSocialCare', data: { reportedAt } }),
      cmeOfficer(run),
    );
    await run.stepAt(t, (reportedAt) => ({ type: 'ReportToPolice', data: { reportedAt } }), cmeOfficer(run));
  }

  if (rng.chance(0.08)) {
    t = wd(run, t, rng.int(1, 10));
    state = run.state;
    const current = state.status === 'none' ? null : state.allocatedOfficer;
    await run.step(
      t,
      {
        type: 'ReallocateCase',
        data: {
          officerId: rng.pick(councilTeam.officers.filter((o) => o !== current)),
          reallocatedOn: t,
          reason: 'Caseload balancing',
        },
      },
      MANAGER,
    );
  }

  // Enquiries.
  const located = rng.chance(0.86);
  const enquiries = rng.int(1, 4);
  for (let i = 0; i < enquiries; i++) {
    t = wd(run, t, rng.int(0, 2));
    const enquiryId = `enq-${i + 1}`;
    const agency = rng.pick([
      'school',
      'other_council',
      'lost_pupils_database',
      'health',
      'housing',
      'benefits',
      'police',
      'home_office',
    ] as const);
    await run.step(t, { type: 'MakeCmeEnquiry', data: { enquiryId, agency, madeOn: t } }, cmeOfficer(run));
    const replyOn = wd(run, t, rng.int(1, 6));
    const last = i === enquiries - 1;
    await run.step(
      replyOn,
      {
        type: 'RecordCmeEnquiryOutcome',
        data: {
          enquiryId,
          outcome:
            last && located
              ? 'child_located'
              : rng.pick(['information_received', 'no_trace', 'no_reply'] as const),
          receivedOn: replyOn,
        },
      },
      cmeOfficer(run),
    );
    t = maxDate(t, replyOn);
  }

  if (!located) {
    // Untraced: reviewed on the cycle, for years if need be; a few found later.
    const foundLater = rng.chance(0.3);
    const reviewsBeforeFound = foundLater ? rng.int(1, 12) : Number.POSITIVE_INFINITY;
    for (let n = 0; n < 200; n++) {
      const s = run.state;
      if (s.status === 'none') return;
      const due = s.clocks.cmeTracingReview?.dueOn ?? run.shared.calendar.addSchoolDays(t, 20);
      if (n >= reviewsBeforeFound) break;
      // Reviews run while the child is of compulsory school age; then the case closes for age.
      const end = dob === undefined ? undefined : compulsorySchoolAge(dob).end;
      const closeForAge = async (): Promise<void> => {
        const on = maxDate(run.lastDate, addCalendarDays(end ?? due, rng.int(1, 20)));
        await run.step(
          on,
          { type: 'CloseCase', data: { closedOn: on, destination: 'end_of_compulsory_school_age' } },
          MANAGER,
        );
      };
      if (end !== undefined && due > end) return closeForAge();
      let on = maxDate(run.lastDate, addCalendarDays(due, -rng.int(0, 5)));
      if (rng.chance(0.06)) {
        await workerMissed(run, 'cmeTracingReview', due, rng.chance(0.3));
        on = maxDate(run.lastDate, wd(run, due, rng.int(1, 5)));
      }
      if (end !== undefined && on > end) return closeForAge();
      await run.step(
        on,
        {
          type: 'RecordUntracedReview',
          data: { reviewedOn: on, notes: 'Checks repeated with school, health and housing; no trace' },
        },
        cmeOfficer(run),
      );
      t = on;
    }
    t = wd(run, run.lastDate, rng.int(1, 10));
  } else {
    t = maxDate(t, run.lastDate);
  }

  await whereabouts(run, t, spec.group, familyName, dob, caseId);
}
