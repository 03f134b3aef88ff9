/** Where a missing child turns out to be, and how the CME case closes (or reopens). */

import type { IsoDate } from '../domain/calendar/index.js';
import { addCalendarDays, isOfCompulsorySchoolAge } from '../domain/calendar/index.js';
import { address, GIVEN_NAMES, maxDate, OTHER_COUNCILS, school } from './people.js';
import type { CmeRun } from './run.js';
import { wd, workerMissed } from './run.js';
import { cmeOfficer, MANAGER, senior } from './team.js';

export async function whereabouts(
  run: CmeRun,
  from: IsoDate,
  group: number,
  familyName: string,
  dob: IsoDate | undefined,
  caseId: string,
): Promise<void> {
  const { rng } = run;
  let t = from;
  const kind = rng.weighted([
    ['on_roll', 40],
    ['other_council_area', 25],
    ['in_area', 25],
    ['abroad', 10],
  ] as const);
  const phase = group >= 7 ? 'secondary' : 'primary';
  if (kind === 'on_roll') {
    const at = school(rng, phase);
    await run.step(
      t,
      {
        type: 'EstablishWhereabouts',
        data: { establishedOn: t, whereabouts: { kind, school: at, onRollFrom: t } },
      },
      cmeOfficer(run),
    );
    await closeCme(run, wd(run, t, rng.int(0, 5)), 'on_roll');
    await maybeReopen(run, group, familyName, dob, caseId);
    return;
  }
  if (kind === 'other_council_area') {
    const council = rng.pick(OTHER_COUNCILS);
    await run.step(
      t,
      { type: 'EstablishWhereabouts', data: { establishedOn: t, whereabouts: { kind, council } } },
      cmeOfficer(run),
    );
    t = wd(run, t, rng.int(0, 3));
    await run.step(t, { type: 'HandToAnotherCouncil', data: { handedOn: t, council } }, cmeOfficer(run));
    await closeCme(run, wd(run, t, rng.int(0, 3)), 'handed_to_another_council');
    return;
  }
  if (kind === 'abroad') {
    await run.step(
      t,
      {
        type: 'EstablishWhereabouts',
        data: {
          establishedOn: t,
          whereabouts: {
            kind,
            country: rng.pick(['Poland', 'Romania', 'Spain', 'India', 'Nigeria']),
            confirmedBy: 'Home Office record',
          },
        },
      },
      cmeOfficer(run),
    );
    await closeCme(run, wd(run, t, rng.int(0, 5)), 'abroad_confirmed');
    return;
  }
  await run.step(
    t,
    {
      type: 'EstablishWhereabouts',
      data: { establishedOn: t, whereabouts: { kind, address: address(rng) } },
    },
    cmeOfficer(run),
  );
  const next = rng.weighted([
    ['apply', 55],
    ['fair_access', 20],
    ['becomes_ehe', 25],
  ] as const);
  if (next === 'becomes_ehe' && dob) {
    t = wd(run, t, rng.int(1, 5));
    const eheCaseId = rng.uuid();
    await run.step(t, { type: 'RecordBecameEhe', data: { eheCaseId, establishedOn: t } }, MANAGER);
    await run.shared.stories.ehe(run.shared, rng, {
      index: -1,
      receivedOn: t,
      group,
      fromCme: {
        cmeCaseId: caseId,
        caseId: eheCaseId,
        child: { givenName: rng.pick(GIVEN_NAMES), familyName, dateOfBirth: dob },
      },
    });
    await closeCme(run, maxDate(t, wd(run, t, rng.int(0, 3))), 'ehe_case_opened');
    return;
  }
  t = wd(run, t, rng.int(1, 5));
  // The senior officer who refers the child records the panel's steps too.
  const panel = next === 'fair_access' ? senior(rng) : undefined;
  if (panel) {
    await run.step(t, { type: 'ReferToFairAccess', data: { referredOn: t } }, panel);
    // The panel meets a few days later and agrees to consider the child: the 20 school days start then.
    t = wd(run, t, 3);
    await run.step(t, { type: 'AgreeFairAccessConsideration', data: { agreedOn: t } }, panel);
  } else {
    await run.step(
      t,
      { type: 'ApplyForSchoolPlace', data: { appliedOn: t, school: school(rng, phase) } },
      cmeOfficer(run),
    );
  }
  const s = run.state;
  const due = s.status === 'none' ? undefined : s.clocks.fairAccessPlacement?.dueOn;
  if (due && rng.chance(0.2)) {
    await workerMissed(run, 'fairAccessPlacement', due, false);
    t = maxDate(run.lastDate, wd(run, due, rng.int(1, 10)));
  } else {
    t = run.shared.calendar.addSchoolDays(t, rng.int(5, 18));
  }
  t = maxDate(t, run.lastDate);
  const placedAt = school(rng, phase);
  if (panel) {
    const data = { allocatedOn: t, school: placedAt };
    await run.step(t, { type: 'RecordFairAccessPlaceAllocated', data }, panel);
  }
  await run.step(
    t,
    {
      type: 'EstablishWhereabouts',
      data: { establishedOn: t, whereabouts: { kind: 'on_roll', school: placedAt, onRollFrom: t } },
    },
    cmeOfficer(run),
  );
  await closeCme(run, wd(run, t, rng.int(0, 3)), 'on_roll');
}

export async function closeCme(
  run: CmeRun,
  on: IsoDate,
  destination: 'on_roll' | 'handed_to_another_council' | 'abroad_confirmed' | 'ehe_case_opened',
): Promise<void> {
  const date = maxDate(on, run.lastDate);
  await run.step(date, { type: 'CloseCase', data: { closedOn: date, destination } }, MANAGER);
}

/** Now and then a child found on roll goes missing again: the case is reopened and traced once more. */
export async function maybeReopen(
  run: CmeRun,
  group: number,
  familyName: string,
  dob: IsoDate | undefined,
  caseId: string,
): Promise<void> {
  const { rng } = run;
  if (!rng.chance(0.04)) return;
  const enquiryId = `enq-${run.state.status === 'none' ? 1 : Object.keys(run.state.enquiries).length + 1}`;
  let t = addCalendarDays(run.lastDate, rng.int(60, 300));
  if (dob && !isOfCompulsorySchoolAge(dob, t)) return;
  await run.step(
    t,
    { type: 'ReopenCase', data: { reopenedOn: t, reason: 'Child missing from school again' } },
    MANAGER,
  );
  t = wd(run, t, rng.int(1, 5));
  await run.step(
    t,
    { type: 'MakeCmeEnquiry', data: { enquiryId, agency: 'school', madeOn: t } },
    cmeOfficer(run),
  );
  t = wd(run, t, rng.int(1, 5));
  await run.step(
    t,
    {
      type: 'RecordCmeEnquiryOutcome',
      data: { enquiryId, outcome: 'child_located', receivedOn: t },
    },
    cmeOfficer(run),
  );
  await whereabouts(run, t, group, familyName, dob, caseId);
}
