import { addCalendarDays, compulsorySchoolAge, type IsoDate } from '../domain/calendar/index.js';
import type { CaseTypeName } from '../domain/case-types.js';
import type { RegisterContent } from '../domain/register/content.js';
import {
  type ChildFacts,
  type DatedPeriod,
  eligibilityOn,
  type Ground,
  type SchoolRegistration,
} from '../domain/register/eligibility.js';
import type { CaseEvent } from './case-event.js';
import {
  type ArrangedAbsenceHistory,
  type ArrangedLimb,
  arrangedAbsenceSteps,
  evolveArrangedAbsence,
} from './register-arranged-absence.js';
import { contentFromEvent } from './register-content.js';
import type { RegisterLeaveReason, RegisterPeriod, ReportedChild } from './register-types.js';

/*
 * What the case history says about the Children Not In School register (EA 1996 s.436B, inserted by CWSA
 * 2026 s.38): the dated facts conditions A and C read, derived from events already in the log. How each
 * event is read is set out in docs/law/cnis-register.md ("How sightline reads the case history").
 */

/** The case's knowledge of the child from `on`: each step holds the whole state, so the last one stands. */
export interface RegisterStep {
  on: IsoDate;
  livesInArea: boolean;
  onRoll: boolean;
  /** A school's arrangement in force (register-arranged-absence.ts): condition C(b) or C(c) on the roll. */
  arranged?: ArrangedLimb;
  /** Set when the step can end the child's time on the register. */
  because?: RegisterLeaveReason;
}

export interface RegisterCase {
  caseType: CaseTypeName;
  /** The child's names as the opening event gave them. */
  names: { givenName: string; familyName: string };
  dateOfBirth?: IsoDate;
  steps: readonly RegisterStep[];
  facts: ChildFacts;
  /** The s.436C information the council holds from the case's events. */
  content: RegisterContent;
  /** Only an arranged-absence entry: its arrangements, from which its steps are computed afresh. */
  arrangedAbsence?: ArrangedAbsenceHistory;
  /** Only an arranged-absence entry: the pupil's identifiers as the school reported them. */
  reported?: ReportedChild;
}

type Change = { on: IsoDate; livesInArea?: boolean; onRoll?: boolean; because?: RegisterLeaveReason };

const left = (on: IsoDate, because: RegisterLeaveReason): Change => ({ on, livesInArea: false, because });

const eheClosure: Record<string, RegisterLeaveReason> = {
  returned_to_school: 'on_roll',
  moved_out_of_area: 'moved_out_of_area',
  end_of_compulsory_school_age: 'past_compulsory_school_age',
  reclassified_as_cme: 'continued_in_cme_case',
  died: 'died',
};

const cmeClosure: Record<string, RegisterLeaveReason> = {
  on_roll: 'on_roll',
  ehe_case_opened: 'continued_in_ehe_case',
  handed_to_another_council: 'moved_out_of_area',
  abroad_confirmed: 'moved_out_of_area',
  end_of_compulsory_school_age: 'past_compulsory_school_age',
  died: 'died',
};

function eheChange(change: CaseEvent & { caseType: 'ehe' }): Change | undefined {
  const { event } = change;
  switch (event.type) {
    case 'EheReferralReceived': {
      // An open EHE case is a child of the area not on a school's roll (C(a)) from the day home education
      // began, or from the referral when the parent wrote ahead of it: until then the council knows neither.
      const { receivedOn, eheStartDate } = event.data;
      // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings; Math.max would compare NaN
      return { on: eheStartDate > receivedOn ? eheStartDate : receivedOn, livesInArea: true, onRoll: false };
    }
    case 'ReturnedToSchool':
      return { on: event.data.startDate, onRoll: true, because: 'on_roll' };
    case 'EheCaseClosed': {
      const reason = eheClosure[event.data.reason] ?? 'case_closed';
      if (reason === 'on_roll') return { on: event.data.closedOn, onRoll: true, because: reason };
      return left(event.data.closedOn, reason);
    }
    case 'EheCaseReopened':
      // Reopening clears the return to school (EheCase.returnedToSchool): home educated in the area again.
      return { on: event.data.reopenedOn, livesInArea: true, onRoll: false };
    default:
      return undefined;
  }
}

function cmeChange(change: CaseEvent & { caseType: 'cme' }): Change | undefined {
  const { event } = change;
  switch (event.type) {
    case 'WhereaboutsEstablished': {
      const { establishedOn, whereabouts } = event.data;
      // A missing child is a candidate only once located in the area and out of school.
      if (whereabouts.kind === 'in_area') return { on: establishedOn, livesInArea: true, onRoll: false };
      if (whereabouts.kind === 'on_roll')
        return { on: whereabouts.onRollFrom, onRoll: true, because: 'on_roll' };
      return left(establishedOn, 'moved_out_of_area');
    }
    case 'CmeCaseHandedToAnotherCouncil':
      return left(event.data.handedOn, 'moved_out_of_area');
    case 'CmeChildBecameEhe':
      return left(event.data.establishedOn, 'continued_in_ehe_case');
    case 'CmeCaseClosed': {
      const reason = cmeClosure[event.data.destination] ?? 'case_closed';
      if (reason === 'on_roll') return { on: event.data.closedOn, onRoll: true, because: reason };
      return left(event.data.closedOn, reason);
    }
    case 'CmeCaseReopened':
      // Missing again: not a candidate until located again.
      return left(event.data.reopenedOn, 'whereabouts_unknown');
    default:
      return undefined;
  }
}

/** Intervals where `holds` is true, from steps in date order (a later step on the same day wins). */
function periodsWhere(steps: readonly RegisterStep[], holds: (step: RegisterStep) => boolean): DatedPeriod[] {
  const periods: DatedPeriod[] = [];
  let open: IsoDate | undefined;
  steps.forEach((step, index) => {
    const next = steps[index + 1];
    if (next && next.on === step.on) return;
    if (holds(step) && open === undefined) open = step.on;
    if (!holds(step) && open !== undefined) {
      periods.push({ from: open, to: addCalendarDays(step.on, -1) });
      open = undefined;
    }
  });
  if (open !== undefined) periods.push({ from: open });
  return periods;
}

function factsOf(dateOfBirth: IsoDate | undefined, steps: readonly RegisterStep[]): ChildFacts {
  // s.436B(5)(b): the school's arrangement for education elsewhere, with absence, while on its roll.
  const elsewhere = periodsWhere(steps, (step) => step.onRoll && step.arranged === 'elsewhere');
  const atSchool = periodsWhere(steps, (step) => step.onRoll && step.arranged !== 'part_time_student');
  const registrations: SchoolRegistration[] = atSchool.map((period) => ({
    ...period,
    school: 'recorded on the case',
    kind: 'school',
    attendance: 'full_time',
    arrangements: elsewhere.map((arranged) => ({ ...arranged, absence: 'some' as const })),
  }));
  // s.436B(5)(c): a part-time student of a (7)(d) institution, as the school reported it.
  for (const period of periodsWhere(steps, (step) => step.onRoll && step.arranged === 'part_time_student')) {
    registrations.push({
      ...period,
      school: 'recorded on the case',
      kind: 'section436B7d',
      attendance: 'part_time',
      arrangements: [],
    });
  }
  return {
    ...(dateOfBirth ? { dateOfBirth } : {}),
    livesInArea: periodsWhere(steps, (step) => step.livesInArea),
    registrations,
  };
}

/** The case's register facts after one more event; the same object when the event says nothing of them. */
export function evolveRegisterCase(
  previous: RegisterCase | undefined,
  change: CaseEvent,
): RegisterCase | undefined {
  if (change.caseType === 'cnis') return evolveArrangedAbsenceCase(previous, change);
  let current = previous;
  if (!current) {
    const { event } = change;
    if (event.type !== 'EheReferralReceived' && event.type !== 'CmeReferralReceived') return undefined;
    const { dateOfBirth, givenName, familyName } = event.data.child;
    current = {
      caseType: change.caseType,
      names: { givenName, familyName },
      ...(dateOfBirth ? { dateOfBirth } : {}),
      steps: [],
      facts: factsOf(dateOfBirth, []),
      content: { additionalAddresses: [], parents: [], providers: [] },
    };
  }
  const content = contentFromEvent(current.content, change) ?? current.content;
  if (content !== current.content) current = { ...current, content };
  const next = change.caseType === 'ehe' ? eheChange(change) : cmeChange(change);
  if (!next) return current;
  const last = current.steps.at(-1);
  // A date before the last step (a start date or on-roll date recorded after later news) cannot rewrite
  // what the register already showed: it takes effect from the last step's day.
  const on = last && next.on < last.on ? last.on : next.on;
  const step: RegisterStep = {
    on,
    livesInArea: next.livesInArea ?? last?.livesInArea ?? false,
    onRoll: next.onRoll ?? last?.onRoll ?? false,
    ...(next.because ? { because: next.because } : {}),
  };
  const steps = [...current.steps, step];
  return { ...current, steps, facts: factsOf(current.dateOfBirth, steps) };
}

/** An arranged-absence entry after one more event: its steps recomputed from its arrangements. */
function evolveArrangedAbsenceCase(
  previous: RegisterCase | undefined,
  change: CaseEvent & { caseType: 'cnis' },
): RegisterCase | undefined {
  const { event } = change;
  const opening = event.type === 'ArrangedAbsenceRecorded' ? event.data.pupil : undefined;
  if (!previous && !opening) return undefined;
  const current: RegisterCase = previous ?? {
    caseType: 'cnis',
    names: { givenName: opening!.givenName, familyName: opening!.familyName },
    dateOfBirth: opening!.dateOfBirth,
    reported: {
      sex: opening!.sex,
      ...(opening!.upn ? { upn: opening!.upn } : {}),
      ...(opening!.senStatus ? { senStatus: opening!.senStatus } : {}),
    },
    steps: [],
    facts: factsOf(undefined, []),
    content: { additionalAddresses: [], parents: [], providers: [] },
  };
  const arrangedAbsence = evolveArrangedAbsence(current.arrangedAbsence, event);
  if (!arrangedAbsence) return current;
  const steps = arrangedAbsenceSteps(arrangedAbsence);
  const content = contentFromEvent(current.content, change) ?? current.content;
  return { ...current, content, arrangedAbsence, steps, facts: factsOf(current.dateOfBirth, steps) };
}

/**
 * The case's stretches on the register. Eligibility can change only on a step's day or where compulsory
 * school age starts or ends (s.8), so it is evaluated on those days alone.
 */
export function registerPeriods(entry: RegisterCase): RegisterPeriod[] {
  const days = new Set(entry.steps.map((step) => step.on));
  if (entry.dateOfBirth) {
    const age = compulsorySchoolAge(entry.dateOfBirth);
    days.add(age.start);
    days.add(addCalendarDays(age.end, 1));
  }
  const periods: RegisterPeriod[] = [];
  let current: RegisterPeriod | undefined;
  for (const day of [...days].sort()) {
    const eligibility = eligibilityOn(entry.facts, day);
    if (eligibility.eligible && !current) current = { from: day };
    if (!eligibility.eligible && current) {
      const because = eligibility.notMet.includes('above_compulsory_school_age')
        ? 'past_compulsory_school_age'
        : (entry.steps.findLast((step) => step.on === day)?.because ?? 'case_closed');
      periods.push({ ...current, to: addCalendarDays(day, -1), leftBecause: because });
      current = undefined;
    }
  }
  if (current) periods.push(current);
  return periods;
}

export type { Ground, RegisterLeaveReason, RegisterPeriod };
