/** Report examples for a council with a few hundred children home educated: published figures round to 10. */
import { dfeReturnRows } from '../../projections/dfe-return-rows.js';

/** The DfE's year group labels. */
const yearGroups = ['Reception', ...Array.from({ length: 11 }, (_, i) => `Year ${i + 1}`)];
const eheByYearGroup = [0, 10, 10, 20, 20, 20, 30, 40, 40, 50, 50, 60];

const dfeReturnFigures = {
  censusDate: '2026-01-15',
  rounding: 'published' as const,
  ehe: {
    total: 350,
    bySex: { F: 180, M: 170, U: 'low' as const },
    byYearGroup: Object.fromEntries(
      yearGroups.map((group, i) => [
        group,
        eheByYearGroup[i] === 0 ? ('low' as const) : (eheByYearGroup[i] ?? 0),
      ]),
    ),
    byPrimaryReason: {
      mental_health: 70,
      school_dissatisfaction_send: 50,
      philosophical_or_preferential: 60,
      school_dissatisfaction_bullying: 30,
      no_reason_given: 90,
      other: 50,
    },
    senSupport: 60,
    ehcp: 20,
    childInNeed: 10,
    childProtectionPlan: 'low' as const,
  },
  cme: {
    total: 90,
    bySex: { F: 40, M: 50 },
    byYearGroup: { 'Year 6': 10, 'Year 7': 20, 'Year 8': 10, 'Year 9': 20, 'Year 10': 20, 'Year 11': 10 },
    byTimeMissing: { twelve_weeks_or_less: 60, more_than_twelve_weeks: 20, unknown: 10 },
    byPrimaryReason: {
      whereabouts_unknown: 30,
      awaiting_school_place: 30,
      moved_into_area_without_place: 20,
      unsuitable_home_education: 10,
    },
    bySource: {
      continuous_absence_ten_school_days: 40,
      deletion_return_no_destination: 30,
      other_agency: 10,
      public: 'low' as const,
      ehe_judged_unsuitable: 10,
    },
    fromUnsuitableEhe: 10,
    withEstimatedDateOfBirth: 'low' as const,
  },
};

export const dfeReturnExample = { ...dfeReturnFigures, rows: dfeReturnRows(dfeReturnFigures) };

const months = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
const eheRegistrations = [48, 36, 41, 22, 30, 27, 33];

const byMonth = months.map((month, i) => ({
  month,
  eheNewRegistrations: eheRegistrations[i] ?? 0,
  eheClosures: 14 + (i % 3) * 4,
  returnsToSchool: 6 + (i % 2) * 3,
  cmeReferrals: 12 + (i % 4) * 2,
  cmeLocated: 10 + (i % 3) * 2,
}));

export const academicYearExample = {
  label: '2025-26',
  start: '2025-09-01',
  end: '2026-08-31',
  ehe: {
    atAnyPoint: 512,
    starts: 237,
    startsByPreviousSchoolType: {
      la_maintained: 88,
      academy: 104,
      independent: 9,
      special: 6,
      other_or_unknown: 30,
    },
    returnsToSchool: 61,
    otherLeavers: 44,
    section437NoticesIssued: 9,
    saosIssued: 3,
    saosRevoked: 1,
    atAnyPointPer100Pupils: 1.24,
  },
  cme: {
    referrals: 118,
    located: 97,
    closedByDestination: { on_roll: 58, handed_to_another_council: 21, abroad_confirmed: 9 },
  },
  schoolPopulation: 41_290,
  byMonth,
};

export const committeeExample = {
  from: '2025-09-01',
  to: '2026-03-31',
  ehe: {
    openAtEnd: 351,
    newRegistrations: 237,
    newRegistrationsYearBefore: 214,
    byYearGroup: { 'Year 7': 41, 'Year 11': 33 },
    primaryReasonByYearGroup: {
      'Year 7': { mental_health: 14, school_dissatisfaction_send: 9, philosophical_or_preferential: 6 },
      'Year 11': { mental_health: 15, lifestyle: 4 },
    },
    returnsToSchool: 61,
    firstContact: {
      referrals: 237,
      withinStandard: 219,
      rate: 0.92,
      averageWorkingDays: 3.1,
      medianWorkingDays: 3,
    },
    sao: { section437Notices: 9, section438Notices: 5, ordersServed: 3, ordersRevoked: 1 },
  },
  cme: {
    referrals: 118,
    openAtEnd: 21,
    located: 97,
    untracedAtEnd: 6,
    highRisk: 7,
    highRiskReportedWithinStandard: 7,
  },
  rates: {
    academicYear: '2025-26',
    schoolPopulation: 41_290,
    eheOpenAtEndPer100Pupils: 0.85,
    cmeOpenAtEndPer100Pupils: 0.05,
    eheShareByAcademicYear: [
      {
        academicYear: '2024-25',
        schoolPopulation: 40_980,
        eheAtAnyPoint: 496,
        eheAtAnyPointPer100Pupils: 1.21,
      },
      {
        academicYear: '2025-26',
        schoolPopulation: 41_290,
        eheAtAnyPoint: 512,
        eheAtAnyPointPer100Pupils: 1.24,
      },
    ],
  },
  byMonth,
  // The register on the period's last day, before its commencement: kept voluntarily.
  register: {
    on: '2026-03-31',
    basis: 'voluntary' as const,
    total: 357,
    byStanding: { entry: 351, candidate: 6 },
    byCondition: { A: 357, B: 357, 'C(a)': 357, 'C(b)': 0, 'C(c)': 0 },
    byYearGroup: { 'Year 7': 44, 'Year 11': 35 },
  },
};

/** Two schools' returns in a term: one sent a return three days after deleting the pupil. */
export const lateDeletionReturnsExample = {
  from: '2025-09-01',
  to: '2026-03-31',
  schools: [
    {
      school: { name: 'Bitterne Park School', urn: '116453' },
      returns: 4,
      late: 1,
      arrivalNotRecorded: 0,
      lateReturns: [
        {
          returnId: '8e2d4c6a-1b3f-4a5e-9c7d-0f1e2d3c4b5a',
          deletedOn: '2025-11-17',
          receivedOn: '2025-11-20',
          daysLate: 3,
        },
      ],
    },
    {
      school: { name: 'Weston Lane School' },
      returns: 2,
      late: 0,
      arrivalNotRecorded: 0,
      lateReturns: [],
    },
  ],
};

/**
 * The start of a report page, abbreviated: the real page carries every section, each chart as inline SVG with
 * its data table (src/api/reports-html/, rendered in Chromium by tests/api/report-pages.test.ts).
 */
const pageExample = (title: string, period: string, figures: [label: string, value: string][]) =>
  [
    '<!doctype html>',
    `<html lang="en-GB"><head><meta charset="utf-8"><title>${title}, ${period}</title><style>…@page{size:A4}…</style></head>`,
    `<body><header><h1>${title}</h1><p class="meta">${period}</p></header><main>`,
    '<section class="report-section" data-section="headline"><h2>Headline figures</h2><table class="figures">',
    ...figures.map(([label, value]) => `<tr><th scope="row">${label}</th><td>${value}</td></tr>`),
    '</table></section>',
    '<section class="report-section" data-section="newRegistrations"><h2>New registrations by month</h2>',
    '<div class="with-chart"><div class="chart" role="img" aria-label="Children newly registered as home educated, by month"><svg …>…</svg></div><table class="figures">…</table></div></section>',
    '…</main></body></html>',
  ].join('\n');

export const committeePageExample = pageExample(
  'Elective home education and children missing education: report to committee',
  '2025-09-01 to 2026-03-31',
  [
    ['Children home educated (open at the end of the period)', '351'],
    ['New registrations in the period', '237'],
    ['First contact within the standard', '92.0%'],
  ],
);

export const academicYearPageExample = pageExample(
  'Elective home education and children missing education: academic year 2025-26',
  '2025-09-01 to 2026-08-31',
  [
    ['Children home educated at any point in the year', '512'],
    ['Began home education in the year', '237'],
  ],
);
