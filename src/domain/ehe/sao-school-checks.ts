import type { IsoDate } from '../calendar/index.js';
import { compulsorySchoolAge } from '../calendar/index.js';
import type { StartedClock } from '../clocks.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import type { School } from './commands.js';
import { sameSchool } from './decide-support.js';
import { today } from './guards.js';
import type { EheState, SaoSchoolsState } from './state.js';

/**
 * The checks on the schools the council names (s.438, s.439; neither was in the stored statute text, so they
 * follow the issue and the Bill's s.436K(3)–(4), and cite the sections without subsections).
 */

const consultationOf = (schools: SaoSchoolsState, school: School) =>
  schools.consulted.findLast((c) => sameSchool(c.school, school));

/** Every school a s.438 notice names has been consulted, and none is one the child is excluded from. */
export function checkNamedInNotice(
  schools: SaoSchoolsState,
  consulted: readonly School[],
  school: School,
  field: string,
): void {
  if (!consulted.some((c) => sameSchool(c, school)))
    fail.conflict('school_not_consulted', `consult ${school.name} before naming it (s.439)`, field);
  checkNotExcluded(schools, school, field);
}

/** s.439: a school from which the child is permanently excluded cannot be named. */
export function checkNotExcluded(schools: SaoSchoolsState, school: School, field: string): void {
  if (consultationOf(schools, school)?.childPermanentlyExcluded) {
    fail.conflict(
      'school_permanently_excluded',
      `the child is permanently excluded from ${school.name}: it cannot be named (s.439)`,
      field,
    );
  }
}

/**
 * s.439: before a maintained school is named in the order its governing body is told, and its 15 days
 * (beginning with that day) to apply for a direction have run out. A school consulted before consultation
 * recorded whether it was maintained (v1 events, `maintained: null`) is not held to it.
 */
export function checkGoverningBodyPeriod(
  ctx: DecideContext,
  schools: SaoSchoolsState,
  school: School,
  issuedOn: IsoDate,
): void {
  if (consultationOf(schools, school)?.maintained !== true) return;
  const period = schools.directionPeriods.findLast((p) => sameSchool(p.school, school));
  if (!period) {
    fail.conflict(
      'governing_body_not_notified',
      `tell the governing body of ${school.name}, a maintained school, before naming it (s.439)`,
      'school',
    );
  }
  if (issuedOn <= period.endsOn || today(ctx) <= period.endsOn) {
    fail.conflict(
      'direction_period_running',
      `the governing body may apply for a direction until the end of ${period.endsOn} (s.439)`,
      'school',
    );
  }
  checkDirectionApplication(schools, school);
}

/**
 * While the governing body's application made in time is undetermined, the school cannot be named; once the
 * Secretary of State directs that it is not to be named, it cannot be (s.439, on the pattern of SSFA 1998
 * s.97(2)(b): no direction "until the period … has expired and, if it is so referred, the Secretary of State
 * has made his determination").
 */
function checkDirectionApplication(schools: SaoSchoolsState, school: School): void {
  const application = schools.directionApplications.find((a) => sameSchool(a.school, school));
  if (!application) return;
  if (application.outcome === 'pending' && application.inTime) {
    fail.conflict(
      'direction_application_pending',
      `the governing body of ${school.name} applied on ${application.appliedOn} for the Secretary of State's direction, not yet given (s.439)`,
      'school',
    );
  }
  if (application.outcome === 'school_not_to_be_named') {
    fail.conflict(
      'school_directed_not_to_be_named',
      `the Secretary of State directed that ${school.name} is not to be named (s.439)`,
      'school',
    );
  }
}

export function requireMaintainedConsulted(schools: SaoSchoolsState, school: School): void {
  const consultation = consultationOf(schools, school);
  if (!consultation)
    fail.conflict(
      'school_not_consulted',
      `consult ${school.name} before telling its governing body`,
      'school',
    );
  if (consultation.maintained === false)
    fail.conflict('school_not_maintained', `${school.name} is not a maintained school (s.439)`, 'school');
}

/**
 * s.437(4): the order continues in force "for so long as the child is of compulsory school age", which ends
 * "at the end of the day which is the school leaving date" (s.8(3)). Unknown date of birth: no clock.
 */
export function inForceClock(ctx: DecideContext, state: EheState, servedOn: IsoDate): StartedClock[] {
  if (state.dateOfBirth === null) return [];
  const dueOn = compulsorySchoolAge(state.dateOfBirth).end;
  return [
    {
      clock: 'saoInForce',
      startedOn: servedOn,
      dueOn,
      policyVersion: ctx.policy.version,
      dayType: 'calendar',
    },
  ];
}
