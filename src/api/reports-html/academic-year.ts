import type { Policy } from '../../domain/policy.js';
import type { Rounded } from '../../projections/rounding.js';
import type { AcademicYearReport } from '../../projections/types.js';
import { countRow, monthRows, tableOnly, tableRows } from './figures.js';
import { labelFrom } from './labels.js';
import { renderPage } from './page.js';
import type { Section } from './section.js';
import {
  breakdownSection,
  cmeDestinations,
  newRegistrationsByMonth,
  returnsToSchoolByMonth,
} from './shared-sections.js';

type Report = Rounded<AcademicYearReport>;

/** The academic year report's sections. */
export function academicYearSections(report: Report, policy: Policy): Section[] {
  const { ehe, cme } = report;
  return [
    {
      id: 'headline',
      title: 'Headline figures',
      description: `The headline figures for ${report.label}`,
      rows: tableRows(report, [
        ['Children home educated at any point in the year', ['ehe', 'atAnyPoint'], 'count'],
        ['Per 100 pupils of the school population', ['ehe', 'atAnyPointPer100Pupils'], 'per100'],
        ['Began home education in the year', ['ehe', 'starts'], 'count'],
        ['Returned to school', ['ehe', 'returnsToSchool'], 'count'],
        ['Left home education for another reason', ['ehe', 'otherLeavers'], 'count'],
        ['Children missing education: referrals', ['cme', 'referrals'], 'count'],
        ['Children missing education: located', ['cme', 'located'], 'count'],
      ]),
    },
    newRegistrationsByMonth(report.byMonth),
    breakdownSection(
      {
        id: 'previousSchools',
        title: 'Where the children were at school',
        description: 'Children who began home education in the year, by the type of school they left',
      },
      ehe.startsByPreviousSchoolType,
      ['ehe', 'startsByPreviousSchoolType'],
      labelFrom(policy.codes.previousSchoolTypes),
    ),
    returnsToSchoolByMonth(report.byMonth, ehe.returnsToSchool, 'In the year'),
    {
      id: 'cme',
      title: 'Children missing education: located',
      description: 'Children missing education located, by month',
      chart: 'columns',
      rows: [
        ...monthRows(report.byMonth, 'cmeLocated'),
        tableOnly('referrals', 'Referred in the year', cme.referrals, ['cme', 'referrals'], 'count'),
        tableOnly('located', 'Located in the year', cme.located, ['cme', 'located'], 'count'),
      ],
    },
    cmeDestinations(cme.closedByDestination, policy, 'year'),
    {
      id: 'sao',
      title: 'School Attendance Order steps',
      description: 'Notices served and orders made and revoked in the year (Education Act 1996 ss.437-442)',
      chart: 'bars',
      rows: [
        countRow('section437Notices', 'Notices served (s.437(1))', ehe.section437NoticesIssued, [
          'ehe',
          'section437NoticesIssued',
        ]),
        countRow('saosIssued', 'Orders served (s.437(3))', ehe.saosIssued, ['ehe', 'saosIssued']),
        countRow('saosRevoked', 'Orders revoked (s.442)', ehe.saosRevoked, ['ehe', 'saosRevoked']),
      ],
    },
  ];
}

/** The academic year report as a printable page (GET /v1/reports/academic-year with Accept: text/html). */
export function academicYearPage(
  report: Report,
  policy: Policy,
  rounding: 'published' | 'raw',
): Promise<string> {
  return renderPage(
    {
      title: `Elective home education and children missing education: academic year ${report.label}`,
      period: `${report.start} to ${report.end}`,
      rounding,
    },
    academicYearSections(report, policy),
  );
}
