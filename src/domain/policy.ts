import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { calendarConfigSchema, isoDateSchema } from './calendar/index.js';
import { DomainError } from './decider.js';

/**
 * A council's local standards, with DOMAIN.md's defaults. The law is the floor: a loaded policy may lengthen
 * a statutory period but never shorten it, and every due date records the policy `version` that set it.
 */

export const clockNames = [
  'allocation',
  'firstContact',
  'firstVisit',
  'informalEnquiry',
  'annualContact',
  'ehcpAnnualReview',
  'section437Notice',
  'section438Choice',
  'saoCompliance',
  'esoReasons',
  'specialSchoolConsent',
  'fairAccessPlacement',
  'cmeTracingReview',
  'cmeHighRiskReport',
  // Issue 14 items 3, 5 and 7: the order's life, the governing body's window, informing the named school,
  // the education supervision order's life.
  'saoInForce',
  'governingBodyDirection',
  'namedSchoolInformed',
  'esoInForce',
  // Issue 18 item 3: the Children Not In School register's duties (EA 1996 ss.436B, 436D; CWSA 2026 s.38).
  'registerHomeVisitDecision',
  'registerParentResponse',
] as const;
export const ClockNameSchema = z.enum(clockNames);
export type ClockName = z.infer<typeof ClockNameSchema>;

/**
 * - `working` / `school`: N days *after* the start, the start itself not counted.
 * - `calendar`: N calendar days (or months) after the start.
 * - `beginning_with`: N days beginning with the start (the day of service counts as day 1).
 */
export const DayTypeSchema = z.enum(['working', 'school', 'calendar', 'beginning_with']);
export type DayType = z.infer<typeof DayTypeSchema>;

export const ClockPolicySchema = z.strictObject({
  duration: z.int().positive(),
  unit: z.enum(['days', 'weeks', 'months']),
  dayType: DayTypeSchema,
  /** Tighter local standard for priority cases (CPP, CIN, EHCP, youth justice, ...). */
  priorityDuration: z.int().positive().optional(),
  /** Later cycles of a repeating clock (the CME tracing review: 10, then every 20). */
  repeatDuration: z.int().positive().optional(),
  /** A reminder this many calendar days before the due date. */
  remindDaysBefore: z.int().positive().optional(),
  /** The law's floor, in the clock's unit; informative only: the floors enforced live in `statutoryFloors`. */
  statutoryMinimum: z.int().positive().optional(),
  source: z.string().min(1),
});
export type ClockPolicy = z.infer<typeof ClockPolicySchema>;

/**
 * What the statutes fix. Kept out of the policy file on purpose, so a file cannot lower the floor it is
 * checked against. `exact`: the statute sets the period itself (a council cannot change it either way).
 */
export const statutoryFloors = {
  section437Notice: {
    duration: 15,
    unit: 'days',
    dayType: 'beginning_with',
    exact: false,
    law: 'EA 1996 s437(1)',
  },
  section438Choice: {
    duration: 15,
    unit: 'days',
    dayType: 'beginning_with',
    exact: true,
    law: 'EA 1996 s438',
  },
  esoReasons: { duration: 8, unit: 'weeks', dayType: 'beginning_with', exact: true, law: 'EA 1996 s447' },
  // s.439 was not in the stored statute text: the 15 days are as the issue states them (subsection unverified).
  governingBodyDirection: {
    duration: 15,
    unit: 'days',
    dayType: 'beginning_with',
    exact: true,
    law: 'EA 1996 s439',
  },
} as const satisfies Partial<
  Record<ClockName, { duration: number; unit: string; dayType: DayType; exact: boolean; law: string }>
>;

/** What other services tell us about a child (DOMAIN.md "Priority case"). */
export const PriorityFlagSchema = z.enum([
  'child_protection_plan',
  'child_in_need_plan',
  'ehcp',
  'youth_justice',
  's47_enquiry',
  'looked_after',
  'council_placed_special_school',
]);
export type PriorityFlag = z.infer<typeof PriorityFlagSchema>;

const CodeSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a code is lower snake_case'),
  label: z.string().min(1),
});
export type CodedLabel = z.infer<typeof CodeSchema>;

/** Closure days and term dates: the calendar module's own schema, so a policy file and the calendar agree. */
export const CalendarConfigSchema = calendarConfigSchema;

const clocksShape = Object.fromEntries(clockNames.map((name) => [name, ClockPolicySchema])) as Record<
  ClockName,
  typeof ClockPolicySchema
>;

const PolicyObjectSchema = z.strictObject({
  version: z.string().min(1),
  clocks: z.strictObject(clocksShape),
  escalation: z.strictObject({
    /** Working days after a missed due date before the manager is told. */
    graceWorkingDays: z.int().nonnegative(),
    /** Working days after the manager escalation before the head of service is told. */
    headOfServiceAfterWorkingDays: z.int().positive(),
    /** Clocks escalated to the manager as soon as they are missed, without grace. */
    immediate: z.array(ClockNameSchema),
  }),
  codes: z.strictObject({
    primaryReasons: z.array(CodeSchema).min(1),
    previousSchoolTypes: z.array(CodeSchema).min(1),
    cmeTimeMissing: z.array(CodeSchema).min(1),
    cmePrimaryReasons: z.array(CodeSchema).min(1),
    eheClosureReasons: z.array(CodeSchema).min(1),
    cmeClosureReasons: z.array(CodeSchema).min(1),
  }),
  /**
   * When each part of the Children's Wellbeing and Schools Act 2026 comes into force here. s.78(5)–(6) leaves
   * it to regulations, which "may appoint different days for different purposes or areas"; null: not in
   * force. A date is refused (below) until sightline models that part's procedure; the register is modelled:
   * from its date entries are kept under the duty (`statutory`), before it `voluntary`.
   */
  commencement: z.strictObject({
    /** EA 1996 ss.436B–436G, the Children Not In School register (inserted by CWSA 2026 s.38). */
    cnisRegister: isoDateSchema.nullable(),
    /** EA 1996 s.434A, the council's consent to home education in certain cases. */
    localAuthorityConsent: isoDateSchema.nullable(),
    /** EA 1996 ss.436H–436N, the new school attendance order regime (the order is s.436I: CWSA 2026 Sch. 2). */
    schoolAttendanceOrders: isoDateSchema.nullable(),
  }),
  /**
   * Matters of the Children Not In School register the Act leaves to regulations or that the enacted text
   * found so far does not settle (docs/law/cnis-register.md, "Settings standing for matters left to
   * regulations").
   */
  register: z.strictObject({
    /**
     * EA 1996 s.436E (CWSA 2026 s.38): the council may not ask a provider for updates more often than every
     * 3 months (the Lords Report amendments of 7 January 2026, as a secondary source gives them; the enacted
     * s.436E was not in the store). A council may wait longer, never less: the Act's limit is the floor.
     */
    providerRequestIntervalMonths: z.int().min(3).max(24),
  }),
  /** Flags that make a case a priority case (tighter clocks, listed first); the others are recorded only. */
  priorityCaseFlags: z.array(PriorityFlagSchema),
  /** A vulnerable child's family refusing a visit is a reason to make formal enquiries (local policy). */
  visitRefusalByVulnerableFamilyPromptsFormalEnquiry: z.boolean(),
  calendar: CalendarConfigSchema,
  /**
   * Where the local first-contact standard runs from (issue 15 item 9): the day the referral was received
   * (Southampton), or the day the family opted to home educate, the referral's eheStartDate (Kent's standard
   * 1.1 reads "within 5 working days of the family opting to home educate"). No statute sets it. The clock
   * records the day it started from (`startedOn`) and the policy version that chose it.
   */
  firstContactAnchor: z.enum(['referral_received', 'home_education_began']),
  /**
   * The pupil population of the council's area by academic year ('2025-26': 41234), from the school census:
   * what the committee reports' rates per 100 pupils and EHE's share of the population are taken over.
   */
  schoolPopulation: z.record(z.string().regex(/^\d{4}-\d{2}$/), z.int().positive()),
});

/** Codes the deciders rely on by name, so a council's list may add and relabel but not drop them. */
export const requiredCodes = {
  primaryReasons: ['other', 'no_reason_given', 'school_suggestion'],
  eheClosureReasons: ['returned_to_school', 'moved_out_of_area', 'reclassified_as_cme', 'other'],
  cmeClosureReasons: ['other'],
  cmePrimaryReasons: ['other', 'unsuitable_home_education', 'whereabouts_unknown'],
} as const satisfies Partial<Record<keyof Policy['codes'], readonly string[]>>;

type PolicyIssues = { addIssue: (issue: { code: 'custom'; path: PropertyKey[]; message: string }) => void };

function checkCodeLists(policy: z.infer<typeof PolicyObjectSchema>, ctx: PolicyIssues): void {
  for (const [list, entries] of Object.entries(policy.codes)) {
    const codes = entries.map((entry) => entry.code);
    const duplicate = codes.find((c, i) => codes.indexOf(c) !== i);
    if (duplicate)
      ctx.addIssue({
        code: 'custom',
        path: ['codes', list],
        message: `codes.${list} lists ${duplicate} twice`,
      });
    for (const needed of requiredCodes[list as keyof typeof requiredCodes] ?? []) {
      if (!codes.includes(needed)) {
        ctx.addIssue({
          code: 'custom',
          path: ['codes', list],
          message: `codes.${list} must keep the code ${needed}`,
        });
      }
    }
  }
}

function checkUnits(policy: z.infer<typeof PolicyObjectSchema>, ctx: PolicyIssues): void {
  for (const [name, clock] of Object.entries(policy.clocks)) {
    if (clock.unit === 'months' && clock.dayType !== 'calendar' && clock.dayType !== 'beginning_with') {
      ctx.addIssue({
        code: 'custom',
        path: ['clocks', name, 'dayType'],
        message: `clocks.${name}: months are calendar months, counted from a date or beginning with it`,
      });
    }
  }
}

/** The parts sightline models, which may therefore be given a date: the register (src/domain/register). */
const modelledProvisions: ReadonlySet<string> = new Set(['cnisRegister']);

/**
 * Until a part's new procedure is modelled, commencing it would run today's procedure under the new section
 * numbers (as an earlier version did), so a date is refused rather than half-honoured.
 */
function checkCommencement(policy: z.infer<typeof PolicyObjectSchema>, ctx: z.RefinementCtx): void {
  for (const [provision, date] of Object.entries(policy.commencement)) {
    if (date === null || modelledProvisions.has(provision)) continue;
    ctx.addIssue({
      code: 'custom',
      path: ['commencement', provision],
      message:
        `the CWSA 2026 provisions behind commencement.${provision} are not modelled in this version of ` +
        'sightline, so it cannot run them from a date: leave it null (the Education Act 1996 procedure applies)',
    });
  }
}

export const PolicySchema = PolicyObjectSchema.superRefine((policy, ctx) => {
  checkCommencement(policy, ctx);
  checkUnits(policy, ctx);
  checkCodeLists(policy, ctx);
  for (const [name, floor] of Object.entries(statutoryFloors)) {
    const clock = policy.clocks[name as keyof typeof statutoryFloors];
    const path = ['clocks', name];
    if (clock.unit !== floor.unit || clock.dayType !== floor.dayType) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, clock.unit !== floor.unit ? 'unit' : 'dayType'],
        message: `clocks.${name} must count ${floor.unit} ${floor.dayType} (${floor.law})`,
      });
    } else if (floor.exact ? clock.duration !== floor.duration : clock.duration < floor.duration) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'duration'],
        message: `clocks.${name}.duration ${floor.exact ? 'must be' : 'must be at least'} ${floor.duration} ${floor.unit} (${floor.law})`,
      });
    }
    if (clock.priorityDuration !== undefined && clock.priorityDuration !== clock.duration) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'priorityDuration'],
        message: `clocks.${name}.priorityDuration cannot differ from the statutory period (${floor.law})`,
      });
    }
  }
});
export type Policy = z.infer<typeof PolicyObjectSchema>;

const code = (c: string, label: string): CodedLabel => ({ code: c, label });

export const defaultPolicy: Policy = {
  version: 'default-2026.1',
  clocks: {
    allocation: { duration: 2, unit: 'days', dayType: 'working', source: 'local' },
    firstContact: {
      duration: 5,
      unit: 'days',
      dayType: 'working',
      priorityDuration: 2,
      source: 'local (Kent 1.1, Southampton)',
    },
    firstVisit: { duration: 20, unit: 'days', dayType: 'working', priorityDuration: 10, source: 'local' },
    informalEnquiry: { duration: 20, unit: 'days', dayType: 'working', source: 'local' },
    annualContact: {
      duration: 12,
      unit: 'months',
      dayType: 'calendar',
      remindDaysBefore: 30,
      source: 'DfE EHE guidance 2019',
    },
    // Children and Families Act 2014 s.44(1): a review in the 12 months starting with the day the plan was
    // made, then in each 12 months starting with the last review: the day before the anniversary.
    ehcpAnnualReview: {
      duration: 12,
      unit: 'months',
      dayType: 'beginning_with',
      source: 'Children and Families Act 2014 s.44(1)',
    },
    section437Notice: {
      duration: 15,
      unit: 'days',
      dayType: 'beginning_with',
      statutoryMinimum: 15,
      source: 'EA 1996 s437(1)',
    },
    section438Choice: {
      duration: 15,
      unit: 'days',
      dayType: 'beginning_with',
      statutoryMinimum: 15,
      source: 'EA 1996 s438',
    },
    saoCompliance: { duration: 15, unit: 'days', dayType: 'school', source: 'local' },
    esoReasons: {
      duration: 8,
      unit: 'weeks',
      dayType: 'beginning_with',
      statutoryMinimum: 8,
      source: 'EA 1996 s447',
    },
    specialSchoolConsent: { duration: 10, unit: 'days', dayType: 'working', source: 'local' },
    fairAccessPlacement: { duration: 20, unit: 'days', dayType: 'school', source: 'School Admissions Code' },
    cmeTracingReview: { duration: 10, unit: 'days', dayType: 'school', repeatDuration: 20, source: 'local' },
    cmeHighRiskReport: { duration: 1, unit: 'days', dayType: 'working', source: 'local' },
    // Due on the school leaving date, computed from the date of birth (this entry's duration is not read).
    saoInForce: {
      duration: 1,
      unit: 'days',
      dayType: 'calendar',
      source: 'EA 1996 s437(4), s8(3): the order ends with compulsory school age',
    },
    governingBodyDirection: {
      duration: 15,
      unit: 'days',
      dayType: 'beginning_with',
      statutoryMinimum: 15,
      source: 'EA 1996 s439',
    },
    namedSchoolInformed: {
      duration: 1,
      unit: 'days',
      dayType: 'working',
      source: 'local (EA 1996 s437(5) sets no period)',
    },
    // Children Act 1989 Sch. 3 para 15 (one year, extendable) was not in the stored statute text: the length
    // is this setting, 12 months by default, counted as a period beginning with the day the order is made.
    esoInForce: {
      duration: 12,
      unit: 'months',
      dayType: 'calendar',
      source: 'Children Act 1989 Sch 3 para 15 (not verified)',
    },
    // EA 1996 s.436B (CWSA 2026 s.38): within 15 days of registering a child the council considers where the
    // child lives and whether to request a home visit. The enacted words were not in the store (a secondary
    // source gives "within 15 days of registration"); counted as 15 days beginning with registration, the
    // earlier of the two readings. Runs only once the register has commenced (commencement.cnisRegister).
    registerHomeVisitDecision: {
      duration: 15,
      unit: 'days',
      dayType: 'beginning_with',
      source: 'EA 1996 s436B (CWSA 2026 s38): 15 days, enacted wording not verified',
    },
    // EA 1996 s.436D: the period a parent has to give the register's information is left to regulations,
    // none made yet. 15 days beginning with the request, the period the 2022 Schools Bill's s.436D gave, as
    // a placeholder a council may change.
    registerParentResponse: {
      duration: 15,
      unit: 'days',
      dayType: 'beginning_with',
      source: 'regulations under EA 1996 s436D (not made): placeholder from the 2022 Schools Bill',
    },
  },
  escalation: {
    graceWorkingDays: 2,
    headOfServiceAfterWorkingDays: 5,
    immediate: ['cmeHighRiskReport'],
  },
  codes: {
    primaryReasons: [
      code('mental_health', 'Mental health'),
      code('physical_health', 'Physical health'),
      code('covid_19_health_concerns', 'Health concerns related to COVID-19'),
      code('school_dissatisfaction_general', 'Dissatisfaction with school - general'),
      code('school_dissatisfaction_send', 'Dissatisfaction with school - SEND'),
      code('school_dissatisfaction_bullying', 'Dissatisfaction with school - bullying'),
      code('lifestyle', 'Lifestyle'), // the DfE's label (issue 15 item 5), not "Lifestyle choice"
      code('philosophical_or_preferential', 'Philosophical or preferential'),
      code('religious', 'Religious'),
      code('risk_of_exclusion', 'Risk of school exclusion'),
      code('permanent_exclusion', 'Permanent exclusion'),
      code('did_not_get_school_preference', 'Did not get school preference'),
      code('difficulty_accessing_suitable_place', 'Difficulty accessing a suitable school place'),
      code('offered_place_not_yet_accepted', 'Offered a school place but not yet accepted'),
      code('did_not_apply_for_place', 'Did not apply for a school place at compulsory school age'),
      code('school_suggestion', 'School suggestion'),
      code('other', 'Other'),
      code('no_reason_given', 'No reason given'),
      code('unknown', 'Unknown'),
    ],
    previousSchoolTypes: [
      code('la_maintained', 'LA maintained school'),
      code('academy', 'Academy'),
      code('free_school', 'Free school'),
      code('independent', 'Independent school'),
      code('special', 'Special school'),
      code('alternative_provision', 'Alternative provision'),
      code('pupil_referral_unit', 'Pupil referral unit'),
      code('early_years', 'Early years setting'),
      code('already_ehe', 'Already electively home educated'),
      code('not_previously_in_school', 'Not previously in school'),
      code('other_or_unknown', 'Other or unknown'),
    ],
    cmeTimeMissing: [
      code('twelve_weeks_or_less', '12 weeks or less'),
      code('more_than_twelve_weeks', 'More than 12 weeks'),
      code('unknown', 'Unknown'),
    ],
    // The DfE's EHE and CME collection asks each CME child's primary reason (collected since autumn 2023;
    // five reasons added in autumn 2025: DfE "Children missing education" methodology, explore-education-
    // statistics). The collection's own code list ("Elective home education and children missing education:
    // submit your data", GOV.UK) could not be read when this was written: these codes and labels are
    // built from the categories the DfE's methodology and the CME statutory guidance (2024/2025) name, and
    // are TO BE CHECKED against that specification (see `unverifiedCodeLists`).
    cmePrimaryReasons: [
      code('awaiting_school_place', 'Awaiting a school place'),
      code('offered_place_not_yet_started', 'Offered a school place but not yet started'),
      code('moved_into_area_without_place', 'Moved into the area without a school place'),
      code('no_place_at_phase_transfer', 'No school place at a phase transfer'),
      code('did_not_start_school', 'Did not start school at compulsory school age'),
      code('unsuitable_home_education', 'Elective home education judged unsuitable'),
      code('whereabouts_unknown', 'Whereabouts unknown'),
      code('other', 'Other'),
    ],
    eheClosureReasons: [
      code('returned_to_school', 'Returned to school'),
      code('moved_out_of_area', 'Moved out of the area'),
      code('end_of_compulsory_school_age', 'Reached the end of compulsory school age'),
      code('reclassified_as_cme', 'Reclassified as child missing education'),
      code('died', 'Died'),
      code('other', 'Other'),
    ],
    cmeClosureReasons: [
      code('on_roll', 'On roll at a school'),
      code('ehe_case_opened', 'Electively home educated (EHE case opened)'),
      code('handed_to_another_council', 'Handed to another council'),
      code('abroad_confirmed', 'Abroad (confirmed)'),
      code('end_of_compulsory_school_age', 'Reached the end of compulsory school age'),
      code('died', 'Died'),
      code('other', 'Other'),
    ],
  },
  commencement: { cnisRegister: null, localAuthorityConsent: null, schoolAttendanceOrders: null },
  register: { providerRequestIntervalMonths: 3 },
  priorityCaseFlags: ['child_protection_plan', 'child_in_need_plan', 'ehcp', 'youth_justice'],
  visitRefusalByVulnerableFamilyPromptsFormalEnquiry: true,
  calendar: {},
  firstContactAnchor: 'referral_received',
  schoolPopulation: {},
};

/**
 * Code lists whose codes and labels have not been checked against the DfE's collection specification: the
 * return still counts by them, but a council should confirm them before relying on the labels.
 */
export const unverifiedCodeLists = {
  cmePrimaryReasons:
    'built from the DfE CME methodology and the CME statutory guidance; the collection spec was not read',
  cmeTimeMissing:
    "the bands are DOMAIN.md's; the DfE's 'length of time missing education' bands were not read",
} as const satisfies Partial<Record<keyof Policy['codes'], string>>;

/** The DfE label of a stored code, or the code itself when the policy no longer lists it. */
export function labelOf(list: readonly CodedLabel[], code: string): string {
  return list.find((entry) => entry.code === code)?.label ?? code;
}

export function isPriorityCase(policy: Policy, flags: readonly PriorityFlag[]): boolean {
  return flags.some((flag) => policy.priorityCaseFlags.includes(flag));
}

export function hasCode(list: readonly CodedLabel[], code: string): boolean {
  return list.some((entry) => entry.code === code);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays and scalars in the override replace the default. */
function mergeOver(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = mergeOver(base[key], value);
  return merged;
}

/**
 * Parses a council's policy file (the caller reads it) and merges it over the defaults. A file must state
 * its own `version`, since every due date it sets is recorded with that version.
 * Throws a DomainError `policy_invalid` whose `field` names the offending setting.
 */
export function loadPolicy(text: string, format: 'json' | 'yaml'): Policy {
  let raw: unknown;
  try {
    raw = format === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new DomainError(
      'internal',
      'policy_invalid',
      `policy is not valid ${format}: ${(error as Error).message}`,
    );
  }
  raw ??= {};
  if (!isPlainObject(raw)) throw new DomainError('internal', 'policy_invalid', 'policy must be an object');
  if (typeof raw.version !== 'string' || raw.version === '') {
    throw new DomainError(
      'internal',
      'policy_invalid',
      'version: a policy file must state its version',
      'version',
    );
  }
  const result = PolicySchema.safeParse(mergeOver(defaultPolicy, raw));
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new DomainError(
      'internal',
      'policy_invalid',
      `${field}: ${issue?.message ?? 'invalid policy'}`,
      field,
    );
  }
  return result.data;
}
