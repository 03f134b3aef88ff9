import type { Policy } from '../../domain/policy.js';
import type { RegisterCounts } from '../../projections/register-counts.js';
import type { Rounded } from '../../projections/rounding.js';
import type { CommitteeReport } from '../../projections/types.js';
import { countRow, tableOnly, tableRows } from './figures.js';
import { firstContactStandard, labelFrom, senStatusLabel, senStatusOrder, yearGroupOrder } from './labels.js';
import { renderPage } from './page.js';
import type { Section } from './section.js';
import {
  breakdownSection,
  cmeDestinations,
  newRegistrationsByMonth,
  returnsToSchoolByMonth,
} from './shared-sections.js';

/** The statistics view's report with the register's counts the route adds (projections/register-counts.ts). */
type Report = Rounded<CommitteeReport & { register: RegisterCounts }>;

function headline(report: Report): Section {
  return {
    id: 'headline',
    title: 'Headline figures',
    description: 'The headline figures for the period',
    rows: tableRows(report, [
      ['Children home educated (open at the end of the period)', ['ehe', 'openAtEnd'], 'count'],
      [
        `Per 100 pupils (school population ${report.rates.academicYear})`,
        ['rates', 'eheOpenAtEndPer100Pupils'],
        'per100',
      ],
      ['New registrations in the period', ['ehe', 'newRegistrations'], 'count'],
      ['New registrations in the same period a year before', ['ehe', 'newRegistrationsYearBefore'], 'count'],
      ['Returns to school', ['ehe', 'returnsToSchool'], 'count'],
      ['First contact within the standard', ['ehe', 'firstContact', 'rate'], 'percent'],
      ['Children missing education: referrals', ['cme', 'referrals'], 'count'],
      ['Children missing education: open at the end', ['cme', 'openAtEnd'], 'count'],
      ['Children missing education: untraced at the end', ['cme', 'untracedAtEnd'], 'count'],
    ]),
  };
}

function trend(report: Report): Section {
  const years = report.rates.eheShareByAcademicYear;
  return {
    id: 'trend',
    title: 'Children home educated by academic year',
    description: 'Children home educated at any point in each academic year',
    chart: 'line',
    rows: years.flatMap((year, i) => [
      countRow(year.academicYear, year.academicYear, year.eheAtAnyPoint, [
        'rates',
        'eheShareByAcademicYear',
        String(i),
        'eheAtAnyPoint',
      ]),
      tableOnly(
        `${year.academicYear}-per100`,
        `${year.academicYear}: per 100 pupils`,
        year.eheAtAnyPointPer100Pupils,
        ['rates', 'eheShareByAcademicYear', String(i), 'eheAtAnyPointPer100Pupils'],
        'per100',
      ),
    ]),
    empty:
      'The policy gives no school population for these years (schoolPopulation), so there is no trend to show.',
  };
}

function firstContact(report: Report, policy: Policy): Section {
  const contact = report.ehe.firstContact;
  const path = ['ehe', 'firstContact'];
  return {
    id: 'firstContact',
    title: 'First contact against the standard',
    description: 'New registrations due a first contact, and those contacted within the standard',
    note: firstContactStandard(policy),
    chart: 'bars',
    rows: [
      countRow('referrals', 'Due a first contact', contact.referrals, [...path, 'referrals']),
      countRow('withinStandard', 'Contacted within the standard', contact.withinStandard, [
        ...path,
        'withinStandard',
      ]),
      tableOnly('rate', 'Share within the standard', contact.rate, [...path, 'rate'], 'percent'),
      tableOnly(
        'average',
        'Average working days to first contact',
        contact.averageWorkingDays,
        [...path, 'averageWorkingDays'],
        'days',
      ),
      tableOnly(
        'median',
        'Median working days to first contact',
        contact.medianWorkingDays,
        [...path, 'medianWorkingDays'],
        'days',
      ),
    ],
  };
}

/** SEN status at referral; the table ends with all new registrations, what the shares are of. */
function sen(report: Report): Section {
  const { ehe } = report;
  const section = breakdownSection(
    {
      id: 'sen',
      title: 'Special educational needs and EHC plans',
      description: 'New registrations by special educational needs status at referral',
    },
    ehe.bySenStatus,
    ['ehe', 'bySenStatus'],
    senStatusLabel,
    senStatusOrder,
  );
  const all = tableOnly(
    'all',
    'All new registrations',
    ehe.newRegistrations,
    ['ehe', 'newRegistrations'],
    'count',
  );
  return { ...section, rows: [...section.rows, all] };
}

function missingEducation(report: Report): Section {
  const { cme } = report;
  return {
    id: 'cme',
    title: 'Children missing education: located and untraced',
    description: 'Children missing education referred, located, open and untraced',
    chart: 'bars',
    rows: [
      countRow('referrals', 'Referred in the period', cme.referrals, ['cme', 'referrals']),
      countRow('located', 'Located in the period', cme.located, ['cme', 'located']),
      countRow('openAtEnd', 'Open at the end of the period', cme.openAtEnd, ['cme', 'openAtEnd']),
      countRow('untracedAtEnd', 'Untraced at the end of the period', cme.untracedAtEnd, [
        'cme',
        'untracedAtEnd',
      ]),
    ],
  };
}

function schoolAttendanceOrders(report: Report): Section {
  const { sao } = report.ehe;
  const path = ['ehe', 'sao'];
  return {
    id: 'sao',
    title: 'School Attendance Order steps',
    description: 'Notices served and orders made and revoked in the period (Education Act 1996 ss.437-442)',
    chart: 'bars',
    rows: [
      countRow('section437Notices', 'Notices served (s.437(1))', sao.section437Notices, [
        ...path,
        'section437Notices',
      ]),
      countRow('section438Notices', 'Notices of intention served (s.438)', sao.section438Notices, [
        ...path,
        'section438Notices',
      ]),
      countRow('ordersServed', 'Orders served (s.437(3))', sao.ordersServed, [...path, 'ordersServed']),
      countRow('ordersRevoked', 'Orders revoked (s.442)', sao.ordersRevoked, [...path, 'ordersRevoked']),
    ],
  };
}

/** The Children Not In School register on the period's last day (EA 1996 s.436B), by the condition met. */
function registerByCondition(report: Report): Section {
  const { register } = report;
  const path = ['register'];
  const basis =
    register.basis === 'statutory'
      ? 'kept under the duty of s.436B'
      : 'kept voluntarily: the duty has not commenced';
  return {
    id: 'register',
    title: 'Children Not In School register',
    description: `Children on the register on ${register.on}, by the condition of s.436B they meet`,
    note: `The register is ${basis}. A child meets A (lives in the area), B (of compulsory school age) and one limb of C, so the conditions overlap; the total counts each child once.`,
    chart: 'bars',
    rows: [
      tableOnly('total', 'Children on the register', register.total, [...path, 'total'], 'count'),
      tableOnly(
        'entries',
        'Home educated (entries)',
        register.byStanding.entry,
        [...path, 'byStanding', 'entry'],
        'count',
      ),
      tableOnly(
        'candidates',
        'Missing education, located and out of school (candidates)',
        register.byStanding.candidate,
        [...path, 'byStanding', 'candidate'],
        'count',
      ),
      countRow('C(a)', 'C(a): not a registered pupil', register.byCondition['C(a)'], [
        ...path,
        'byCondition',
        'C(a)',
      ]),
      countRow('C(b)', 'C(b): education arranged elsewhere by the school', register.byCondition['C(b)'], [
        ...path,
        'byCondition',
        'C(b)',
      ]),
      countRow('C(c)', 'C(c): a part-time student', register.byCondition['C(c)'], [
        ...path,
        'byCondition',
        'C(c)',
      ]),
    ],
  };
}

/** The committee report's sections, in the order a committee paper puts them. */
export function committeeSections(report: Report, policy: Policy): Section[] {
  const { ehe } = report;
  return [
    headline(report),
    trend(report),
    newRegistrationsByMonth(report.byMonth),
    breakdownSection(
      { id: 'yearGroups', title: 'Year groups', description: 'New registrations by year group at referral' },
      ehe.byYearGroup,
      ['ehe', 'byYearGroup'],
      (group) => group,
      yearGroupOrder,
    ),
    breakdownSection(
      {
        id: 'primaryReasons',
        title: 'Primary reasons',
        description: 'New registrations by the primary reason the family gave',
      },
      ehe.byPrimaryReason,
      ['ehe', 'byPrimaryReason'],
      labelFrom(policy.codes.primaryReasons),
    ),
    sen(report),
    firstContact(report, policy),
    returnsToSchoolByMonth(report.byMonth, ehe.returnsToSchool, 'In the period'),
    missingEducation(report),
    cmeDestinations(report.cme.closedByDestination, policy, 'period'),
    schoolAttendanceOrders(report),
    registerByCondition(report),
    breakdownSection(
      {
        id: 'registerYearGroups',
        title: 'Children Not In School register: year groups',
        description: 'Children on the register at the end of the period by year group',
      },
      report.register.byYearGroup,
      ['register', 'byYearGroup'],
      (group) => group,
      yearGroupOrder,
    ),
  ];
}

/** The committee report as a printable page (GET /v1/reports/committee with Accept: text/html). */
export function committeePage(
  report: Report,
  policy: Policy,
  rounding: 'published' | 'raw',
): Promise<string> {
  return renderPage(
    {
      title: 'Elective home education and children missing education: report to committee',
      period: `${report.from} to ${report.to}`,
      rounding,
    },
    committeeSections(report, policy),
  );
}
