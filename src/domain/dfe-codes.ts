/**
 * The DfE's own codes and labels for each breakdown of the termly EHE and CME return (issue 15 item 5), keyed
 * by the stable code sightline stores. A council's policy may relabel its codes for its own screens; the
 * return always carries these.
 *
 * Sources, and what could not be checked:
 * - Labels marked `published`: seen in the DfE's published data ("Elective home education at census date",
 *   explore-education-statistics, data set af1af85d-05cf-423e-acab-75ad1023943c, autumn term 2025/26:
 *   breakdown topics "Sex" with Female, Male, Unknown and "Year group" with Reception …), or stated by the
 *   issue's legal review (the EHE reason "Lifestyle").
 * - Every other label is TO BE CHECKED against the collection's specification ("Elective home education and
 *   children missing education: submit your data", GOV.UK), which could not be read when this was written:
 *   those labels are the categories DOMAIN.md lists from the DfE collection, in the DfE's wording as far as
 *   we know it.
 * - `dfeCode`: the collection's own code for the category. The specification's codes were not found in any
 *   source we could read, so `dfeCode` is null (the CSV leaves it empty) except the SEN status, which the
 *   collection takes from the school census coding (N no SEN, K SEN support, E EHC plan: DOMAIN.md), itself
 *   to be checked. Never fill a code in without its source.
 */
export interface DfeCategory {
  dfeCode: string | null;
  dfeLabel: string;
  /** `published`: the label was seen in the DfE's published data; `to_check`: our best reading. */
  checked: 'published' | 'to_check';
}

const published = (dfeLabel: string): DfeCategory => ({ dfeCode: null, dfeLabel, checked: 'published' });
const toCheck = (dfeLabel: string, dfeCode: string | null = null): DfeCategory => ({
  dfeCode,
  dfeLabel,
  checked: 'to_check',
});

const sex: Record<string, DfeCategory> = {
  F: published('Female'),
  M: published('Male'),
  U: published('Unknown'),
};

/** 'Reception', 'Year 1' … 'Year 11', 'Not known': the return's year group keys are the DfE's labels. */
const yearGroups: Record<string, DfeCategory> = Object.fromEntries([
  ['Reception', published('Reception')],
  ...Array.from({ length: 11 }, (_, i) => [`Year ${i + 1}`, published(`Year ${i + 1}`)]),
  ['Not known', toCheck('Not known')],
]);

const ehePrimaryReasons: Record<string, DfeCategory> = {
  mental_health: toCheck('Mental health'),
  physical_health: toCheck('Physical health'),
  covid_19_health_concerns: toCheck('Health concerns related to COVID-19'),
  school_dissatisfaction_general: toCheck('Dissatisfaction with school - general'),
  school_dissatisfaction_send: toCheck('Dissatisfaction with school - SEND'),
  school_dissatisfaction_bullying: toCheck('Dissatisfaction with school - bullying'),
  lifestyle: published('Lifestyle'),
  philosophical_or_preferential: toCheck('Philosophical or preferential'),
  religious: toCheck('Religious'),
  risk_of_exclusion: toCheck('Risk of school exclusion'),
  permanent_exclusion: toCheck('Permanent exclusion'),
  did_not_get_school_preference: toCheck('Did not get school preference'),
  difficulty_accessing_suitable_place: toCheck('Difficulty accessing a suitable school place'),
  offered_place_not_yet_accepted: toCheck('Offered a school place but not yet accepted'),
  did_not_apply_for_place: toCheck('Did not apply for a school place at compulsory school age'),
  school_suggestion: toCheck('School suggestion'),
  other: toCheck('Other'),
  no_reason_given: toCheck('No reason given'),
  unknown: toCheck('Unknown'),
};

/** CME primary reason (collected since autumn 2023, five reasons added autumn 2025: DfE CME methodology). */
const cmePrimaryReasons: Record<string, DfeCategory> = {
  awaiting_school_place: toCheck('Awaiting a school place'),
  offered_place_not_yet_started: toCheck('Offered a school place but not yet started'),
  moved_into_area_without_place: toCheck('Moved into the area without a school place'),
  no_place_at_phase_transfer: toCheck('No school place at a phase transfer'),
  did_not_start_school: toCheck('Did not start school at compulsory school age'),
  unsuitable_home_education: toCheck('Elective home education judged unsuitable'),
  whereabouts_unknown: toCheck('Whereabouts unknown'),
  other: toCheck('Other'),
  not_recorded: toCheck('Not known'),
};

/** "Length of time child was missing education at census date" (DfE CME methodology, from autumn 2023). */
const cmeTimeMissing: Record<string, DfeCategory> = {
  twelve_weeks_or_less: toCheck('12 weeks or less'),
  more_than_twelve_weeks: toCheck('More than 12 weeks'),
  unknown: toCheck('Unknown'),
};

/** SEN status on the census date, as the school census codes it. */
const senStatus: Record<string, DfeCategory> = {
  senSupport: toCheck('SEN support', 'K'),
  ehcp: toCheck('Education, health and care plan', 'E'),
};

/** The return's breakdowns the DfE collects, by the breakdown's name in the return. */
export const dfeCategories = {
  ehe: { bySex: sex, byYearGroup: yearGroups, byPrimaryReason: ehePrimaryReasons, senStatus },
  cme: {
    bySex: sex,
    byYearGroup: yearGroups,
    byPrimaryReason: cmePrimaryReasons,
    byTimeMissing: cmeTimeMissing,
  },
} as const;

/**
 * The DfE's code and label of one of our codes in a breakdown, or null when the DfE collects no such
 * category (a council's own code, a breakdown only the council reads such as the referral source).
 */
export function dfeCategoryOf(section: 'ehe' | 'cme', breakdown: string, code: string): DfeCategory | null {
  const lists: Record<string, Record<string, DfeCategory>> = dfeCategories[section];
  const list = Object.hasOwn(lists, breakdown) ? lists[breakdown] : undefined;
  return list && Object.hasOwn(list, code) ? (list[code] ?? null) : null;
}
