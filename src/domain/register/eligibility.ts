import { compulsorySchoolAge, type IsoDate } from '../calendar/index.js';

/*
 * Who may be on the Children Not In School register: EA 1996 s.436B(2)–(5), inserted by the Children's
 * Wellbeing and Schools Act 2026 s.38 (enacted text quoted in docs/law/cnis-register.md). Pure: the facts
 * come in dated, the answer is for one day.
 */

/** Both ends included; no `to` means still so. */
export interface DatedPeriod {
  from: IsoDate;
  to?: IsoDate;
}

/**
 * What kind of relevant school (s.436B(7)) the child is registered at. (7)(d) matters on its own because
 * condition C(c) names it; the store holds (7)(a)–(b) only, so which institutions are (7)(d) is the
 * officer's recorded determination, never inferred from a school's name.
 */
export type RelevantSchoolKind = 'school' | 'section436B7d';

/**
 * s.436B(5)(b): the proprietor "has arranged or agreed that— (i) the child will receive education otherwise
 * than at that or any other relevant school, and (ii) the child will be absent for some or all of the time"
 * a full-time pupil would attend. Both (i) and (ii) are what the arrangement records; `absence` says which.
 */
export interface ArrangedEducationElsewhere extends DatedPeriod {
  absence: 'some' | 'all';
}

/** One registration as a pupil or student at a relevant school, while it lasts. */
export interface SchoolRegistration extends DatedPeriod {
  school: string;
  kind: RelevantSchoolKind;
  /** Only read for a (7)(d) institution: s.436B(5)(c) "attends that school on a part-time basis". */
  attendance: 'full_time' | 'part_time';
  arrangements: readonly ArrangedEducationElsewhere[];
}

export interface ChildFacts {
  /** Unknown for some children missing education: condition B then cannot be shown. */
  dateOfBirth?: IsoDate;
  /** When the council knows the child lived in its area (condition A). */
  livesInArea: readonly DatedPeriod[];
  registrations: readonly SchoolRegistration[];
}

/** The Act's labels: C's three limbs are s.436B(5)(a), (b) and (c). */
export type ConditionCLimb = 'C(a)' | 'C(b)' | 'C(c)';
export type Ground = 'A' | 'B' | ConditionCLimb;

/** Why a condition fails on the day. */
export type NotMet =
  | 'not_living_in_area'
  | 'date_of_birth_unknown'
  | 'below_compulsory_school_age'
  | 'above_compulsory_school_age'
  | 'registered_at_relevant_school';

export interface Eligibility {
  on: IsoDate;
  eligible: boolean;
  /** The conditions met, in the Act's order: eligible exactly when A, B and at least one C limb are here. */
  grounds: Ground[];
  notMet: NotMet[];
}

export const covers = (period: DatedPeriod, on: IsoDate): boolean =>
  period.from <= on && (period.to === undefined || on <= period.to);

function conditionB(dateOfBirth: IsoDate | undefined, on: IsoDate): NotMet | 'B' {
  if (dateOfBirth === undefined) return 'date_of_birth_unknown';
  // s.8(2)–(3): from the prescribed day on or after the fifth birthday to the end of the school leaving date.
  const { start, end } = compulsorySchoolAge(dateOfBirth);
  if (on < start) return 'below_compulsory_school_age';
  return on > end ? 'above_compulsory_school_age' : 'B';
}

function conditionC(registrations: readonly SchoolRegistration[], on: IsoDate): ConditionCLimb[] {
  const current = registrations.filter((registration) => covers(registration, on));
  // (5)(a): "not a registered pupil or a student registered at a relevant school".
  if (current.length === 0) return ['C(a)'];
  const limbs: ConditionCLimb[] = [];
  // (5)(b): registered, but the proprietor has arranged or agreed education elsewhere with absence for some
  // or all of the time. Any one school's arrangement is read as enough: regulations under (6)(a) may say
  // how a dually registered child is treated, and none are made.
  if (current.some((registration) => registration.arrangements.some((a) => covers(a, on))))
    limbs.push('C(b)');
  // (5)(c): a part-time student at a (7)(d) institution "and is not also a registered pupil or a student
  // registered at a different relevant school".
  const only = current.length === 1 ? current[0] : undefined;
  if (only?.kind === 'section436B7d' && only.attendance === 'part_time') limbs.push('C(c)');
  return limbs;
}

/** s.436B(2): "eligible … if conditions A to C are met", on the day asked. */
export function eligibilityOn(facts: ChildFacts, on: IsoDate): Eligibility {
  const grounds: Ground[] = [];
  const notMet: NotMet[] = [];
  // (3) Condition A: "the child lives in the authority's area".
  if (facts.livesInArea.some((period) => covers(period, on))) grounds.push('A');
  else notMet.push('not_living_in_area');
  // (4) Condition B: "the child is of compulsory school age".
  const b = conditionB(facts.dateOfBirth, on);
  if (b === 'B') grounds.push('B');
  else notMet.push(b);
  // (5) Condition C.
  const limbs = conditionC(facts.registrations, on);
  if (limbs.length > 0) grounds.push(...limbs);
  else notMet.push('registered_at_relevant_school');
  return { on, eligible: notMet.length === 0, grounds, notMet };
}
