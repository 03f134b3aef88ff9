/** An EHE case's later years: monitoring, returns to school, moves and the end of school age. */

import type { IsoDate } from '../domain/calendar/index.js';
import { addCalendarDays, addMonths, compulsorySchoolAge } from '../domain/calendar/index.js';
import type { School } from './people.js';
import { maxDate, OTHER_COUNCILS, school } from './people.js';
import type { EheRun } from './run.js';
import { workerMissed } from './run.js';
import { MANAGER, officerFor, WORKER } from './team.js';

export async function returnAndClose(run: EheRun, on: IsoDate, to: School): Promise<void> {
  const date = maxDate(on, run.lastDate);
  await run.step(
    date,
    { type: 'RecordReturnToSchool', data: { school: to, startDate: date } },
    officerFor(run.state),
  );
  await run.step(
    date,
    { type: 'CloseCase', data: { closedOn: date, reason: 'returned_to_school' } },
    MANAGER,
  );
}

/** Monitoring, year by year: annual contact, EHCP reviews, returns to school, moves, the end of school age. */
export async function monitor(
  run: EheRun,
  from: IsoDate,
  dob: IsoDate,
  phase: 'primary' | 'secondary',
): Promise<void> {
  const { rng } = run;
  const csaEnd = compulsorySchoolAge(dob).end;
  let t = from;
  for (let year = 0; year < 20; year++) {
    const state = run.state;
    const due = state.clocks.annualContact?.dueOn ?? addMonths(t, 12);
    const r = rng.next();
    if (csaEnd < due) {
      // School age ends before the next contact is due.
      const on = maxDate(t, addCalendarDays(csaEnd, rng.int(1, 30)));
      await run.step(
        on,
        { type: 'CloseCase', data: { closedOn: on, reason: 'end_of_compulsory_school_age' } },
        MANAGER,
      );
      return;
    }
    if (r < 0.2) {
      await returnAndClose(run, addCalendarDays(t, rng.int(20, 320)), school(rng, phase));
      return;
    }
    if (r < 0.26) {
      const on = addCalendarDays(t, rng.int(20, 320));
      await run.step(
        on,
        {
          type: 'CloseCase',
          data: { closedOn: on, reason: 'moved_out_of_area', receivingCouncil: rng.pick(OTHER_COUNCILS) },
        },
        MANAGER,
      );
      if (!rng.chance(0.15)) return;
      // Moved back: the case is reopened.
      t = addCalendarDays(on, rng.int(60, 240));
      await run.step(
        t,
        { type: 'ReopenCase', data: { reopenedOn: t, reason: 'Family moved back into the area' } },
        MANAGER,
      );
      await run.step(
        t,
        { type: 'RecordContactAttempt', data: { attemptedOn: t, method: 'phone', outcome: 'contact_made' } },
        officerFor(run.state),
      );
      continue;
    }
    if (r < 0.27) {
      const on = addCalendarDays(t, rng.int(20, 320));
      await run.step(
        on,
        {
          type: 'CloseCase',
          data: {
            closedOn: on,
            reason: 'other',
            reasonText: 'Family no longer resident; destination unknown',
          },
        },
        MANAGER,
      );
      return;
    }
    // The EHCP review, when due this year.
    const review = state.clocks.ehcpAnnualReview?.dueOn;
    const steps: { on: IsoDate; go: () => Promise<unknown> }[] = [];
    if (review && review <= due) {
      const on = maxDate(t, addCalendarDays(review, -rng.int(0, 25)));
      steps.push({
        on,
        go: () =>
          run.step(on, { type: 'RecordEhcpAnnualReview', data: { heldOn: on } }, officerFor(run.state)),
      });
    }
    const remindOn = state.clocks.annualContact?.remindOn;
    if (remindOn && remindOn >= t) {
      steps.push({
        on: remindOn,
        go: () => run.step(remindOn, { type: 'RecordAnnualContactDue', data: { dueOn: due } }, WORKER),
      });
    }
    const late = rng.chance(0.08);
    const contactOn = late
      ? addCalendarDays(due, rng.int(5, 40))
      : maxDate(t, addCalendarDays(due, -rng.int(0, 28)));
    if (late)
      steps.push({
        on: addCalendarDays(due, 1),
        go: () => workerMissed(run, 'annualContact', due, rng.chance(0.3)),
      });
    steps.push({
      on: contactOn,
      go: () =>
        run.step(
          maxDate(contactOn, run.lastDate),
          {
            type: 'RecordContactAttempt',
            data: {
              attemptedOn: maxDate(contactOn, run.lastDate),
              method: rng.pick(['visit', 'phone', 'email'] as const),
              outcome: 'contact_made',
            },
          },
          officerFor(run.state),
        ),
    });
    steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    for (const s of steps) await s.go();
    t = run.lastDate;
  }
}
