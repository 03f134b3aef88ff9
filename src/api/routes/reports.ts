import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readRoles } from '../../domain/roles.js';
import { registerCounts } from '../../projections/register-counts.js';
import { roundReport } from '../../projections/rounding.js';
import type { DfeReturnRow } from '../../projections/types.js';
import type { RouteDeps } from '../cases/commands.js';
import { csvField, reportToCsv } from '../csv.js';
import {
  boundedDate,
  EARLIEST_DATE,
  LATEST_DATE,
  MAX_PERIOD_YEARS,
  notADate,
  periodIssue,
} from '../date-bounds.js';
import { validationProblemExample } from '../examples/index.js';
import {
  academicYearExample,
  academicYearPageExample,
  committeeExample,
  committeePageExample,
  dfeReturnExample,
} from '../examples/reports.js';
import { problemResponses, security } from '../http.js';
import { authorize } from '../plugins/auth.js';
import { academicYearPage, committeePage } from '../reports-html/index.js';

const Figure = z.union([z.number(), z.literal('low')]);
const Breakdown = z.record(z.string(), Figure);

export const DfeReturnSchema = z
  .object({
    censusDate: z.string(),
    rounding: z.enum(['published', 'raw']),
    ehe: z.object({
      total: Figure,
      bySex: Breakdown,
      byYearGroup: Breakdown,
      byPrimaryReason: Breakdown,
      senSupport: Figure,
      ehcp: Figure,
      childInNeed: Figure,
      childProtectionPlan: Figure,
    }),
    cme: z.object({
      total: Figure,
      bySex: Breakdown,
      byYearGroup: Breakdown,
      byTimeMissing: Breakdown.meta({
        description:
          "Length of time missing education at the census date, from each case's missingSince (DfE CME collection, from autumn 2023)",
      }),
      byPrimaryReason: Breakdown.meta({
        description:
          "The DfE CME primary reason (the policy's cmePrimaryReasons); not_recorded for referrals stored before it was asked",
      }),
      bySource: Breakdown,
      fromUnsuitableEhe: Figure.meta({
        description:
          'Children whose home education the council judged unsuitable on the census date: counted as CME, not EHE (CME statutory guidance 2025). Children referred while still on a school roll are not counted until the day they leave it (EA 1996 s.436A(1)(a))',
      }),
      withEstimatedDateOfBirth: Figure.meta({
        description:
          "Children counted whose date of birth is an officer's estimate (not known): their compulsory school age and year group are estimates too",
      }),
    }),
    rows: z
      .array(
        z.object({
          section: z.enum(['ehe', 'cme']),
          figure: z
            .string()
            .meta({ description: 'The figure in the return: total, byPrimaryReason, senSupport …' }),
          code: z
            .string()
            .nullable()
            .meta({ description: 'Our code within the breakdown; null for a total' }),
          dfeCode: z.string().nullable().meta({
            description:
              "The DfE collection's own code of the category; null where it could not be checked against the collection's specification, or the DfE collects no such category",
          }),
          dfeLabel: z.string().nullable().meta({
            description: "The DfE's label of the category; null where the DfE collects no such category",
          }),
          value: Figure,
        }),
      )
      .meta({
        description:
          "Every figure above as one row with the DfE's code and label (domain/dfe-codes.ts names each label's source and those still to be checked); the CSV has these rows",
      }),
  })
  .meta({
    id: 'DfeReturn',
    description:
      'Published figures are rounded to the nearest 10; `low` is a non-zero count that rounds to 0',
  });

const MonthSchema = z.object({
  month: z.string(),
  eheNewRegistrations: Figure,
  eheClosures: Figure,
  returnsToSchool: Figure,
  cmeReferrals: Figure,
  cmeLocated: Figure,
});
const Per100 = z.number().nullable();

export const AcademicYearSchema = z
  .object({
    label: z.string(),
    start: z.string(),
    end: z.string(),
    ehe: z.object({
      atAnyPoint: Figure,
      starts: Figure,
      startsByPreviousSchoolType: Breakdown,
      returnsToSchool: Figure,
      otherLeavers: Figure,
      section437NoticesIssued: Figure.meta({
        description:
          's.437(1) notices counted on the day of their first (deemed) service on a parent, once however many parents are served',
      }),
      saosIssued: Figure.meta({
        description:
          'School Attendance Orders counted on the day of their first (deemed) service on a parent (s.437(3) "serve"), once each',
      }),
      saosRevoked: Figure,
      atAnyPointPer100Pupils: Per100.meta({
        description:
          'atAnyPoint per 100 pupils of the school population the policy gives for the year (policy schoolPopulation); null without one. From the exact count, never rounded',
      }),
    }),
    cme: z.object({ referrals: Figure, located: Figure, closedByDestination: Breakdown }),
    schoolPopulation: z.number().nullable(),
    byMonth: z.array(MonthSchema),
  })
  .meta({ id: 'AcademicYearReport' });

export const CommitteeSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    ehe: z
      .record(z.string(), z.unknown())
      .meta({ description: 'Open, registrations and trend, breakdowns, first contact rate, SAO activity' }),
    cme: z
      .record(z.string(), z.unknown())
      .meta({ description: 'Referrals, open, located, untraced, closed by destination, high risk' }),
    rates: z
      .object({
        academicYear: z.string(),
        schoolPopulation: z.number().nullable(),
        eheOpenAtEndPer100Pupils: Per100,
        cmeOpenAtEndPer100Pupils: Per100,
        eheShareByAcademicYear: z.array(
          z.object({
            academicYear: z.string(),
            schoolPopulation: z.number(),
            eheAtAnyPoint: Figure,
            eheAtAnyPointPer100Pupils: z.number(),
          }),
        ),
      })
      .meta({
        description:
          "Per 100 pupils of the school population the policy gives for the academic year of `to` (policy schoolPopulation; null without one), and EHE's share of the population in each year the policy gives, up to that one",
      }),
    byMonth: z.array(MonthSchema),
    register: z
      .object({
        on: z.string(),
        basis: z.enum(['statutory', 'voluntary']),
        total: Figure,
        byStanding: z.object({ entry: Figure, candidate: Figure }),
        byCondition: z.record(z.string(), Figure),
        byYearGroup: z.record(z.string(), Figure),
      })
      .meta({
        description:
          'The Children Not In School register (EA 1996 s.436B) on `to`: children by standing (EHE entries, CME candidates), by the condition they meet (a child meets A, B and a limb of C, so conditions overlap) and by year group',
      }),
  })
  .meta({ id: 'CommitteeReport' });

const csvOrJson = <T extends z.ZodType>(
  schema: T,
  example: z.output<T>,
  toCsv: (report: z.output<T>) => string = reportToCsv,
) => ({
  description: 'The report as JSON, or as CSV (one figure per row) with Accept: text/csv',
  content: {
    'application/json': { schema, example },
    'text/csv': { schema: z.string(), example: toCsv(example) },
  },
});

/** The DfE return's CSV: its rows, each with our code and the DfE's code and label. */
export function dfeReturnToCsv(report: { rows: readonly DfeReturnRow[] }): string {
  const header = 'section,figure,code,dfeCode,dfeLabel,value';
  const lines = report.rows.map((row) =>
    [row.section, row.figure, row.code, row.dfeCode, row.dfeLabel, row.value]
      .map((field) => csvField(field === null ? '' : String(field)))
      .join(','),
  );
  return `${[header, ...lines].join('\r\n')}\r\n`;
}

/** A report a committee reads: JSON, CSV, or a printable page with Accept: text/html. */
const csvJsonOrPage = <T extends z.ZodType>(schema: T, example: z.output<T>, page: string) => {
  const answers = csvOrJson(schema, example);
  return {
    description:
      'The report as JSON, as CSV (one figure per row) with Accept: text/csv, or as a printable HTML page with Accept: text/html (charts drawn as inline SVG, each with its data table)',
    content: {
      ...answers.content,
      'text/html': { schema: z.string(), example: page },
    },
  };
};

const wantsCsv = (request: FastifyRequest) => /\btext\/csv\b/.test(request.headers.accept ?? '');
const wantsHtml = (request: FastifyRequest) => /\btext\/html\b/.test(request.headers.accept ?? '');

/**
 * The report as the client asks for it: CSV first (as before the page existed), then the page where the
 * report has one and a browser asks for HTML, otherwise JSON. The page holds the same aggregate figures as
 * the JSON and nothing about any child.
 */
async function send<T extends object>(
  request: FastifyRequest,
  reply: FastifyReply,
  report: T,
  filename: string,
  { toCsv = reportToCsv, page }: { toCsv?: (report: T) => string; page?: () => Promise<string> } = {},
) {
  if (wantsCsv(request)) {
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}.csv"`)
      .serializer((payload) => payload as string)
      .send(toCsv(report));
  }
  if (page && wantsHtml(request)) {
    return reply
      .type('text/html; charset=utf-8')
      .serializer((payload) => payload as string)
      .send(await page());
  }
  return reply.type('application/json').send(report);
}

/** A report's errors: a query parameter that is not a date, a year or a period. */
const reportErrors = (instance: string, invalid: [path: string, message: string]) =>
  problemResponses(instance, { 400: validationProblemExample(instance, ...invalid) });

// An academic year runs 1 September to 31 August: its first year is bounded so that both ends lie within
// the dates any report takes.
const firstAcademicYear = Number(EARLIEST_DATE.slice(0, 4));
const lastAcademicYear = Number(LATEST_DATE.slice(0, 4)) - 1;
const academicYearLabel = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'must be an academic year like 2025-26')
  .refine(
    (year) => (Number(year.slice(0, 4)) + 1) % 100 === Number(year.slice(5)),
    'the years must follow each other',
  )
  .refine((year) => {
    const first = Number(year.slice(0, 4));
    return first >= firstAcademicYear && first <= lastAcademicYear;
  }, `must start between ${firstAcademicYear} and ${lastAcademicYear}`);

const roundingParameter = z
  .enum(['published', 'raw'])
  .default('raw')
  .meta({
    description:
      'raw (the default): the exact counts a council submits and its committee reads; published: counts rounded to the nearest 10, "low" for a count that rounds to 0, as the DfE publishes them (rates and averages are never rounded)',
    examples: ['raw'],
  });

const period = {
  from: boundedDate.meta({ examples: ['2025-09-01'] }),
  to: boundedDate.meta({ examples: ['2026-03-31'] }),
};
const checkPeriod = ({ from, to }: { from: string; to: string }, context: z.RefinementCtx) => {
  const issue = periodIssue(from, to);
  if (issue) context.addIssue({ code: 'custom', path: ['to'], message: issue });
};

/** A report's period, `from` to `to`, both included (at most `MAX_PERIOD_YEARS`). */
export const PeriodQuerySchema = z.object(period).superRefine(checkPeriod);

/** The committee's period, with the rounding the figures are asked in. */
const CommitteeQuerySchema = z.object({ ...period, rounding: roundingParameter }).superRefine(checkPeriod);

const committeePageLink = '/v1/reports/committee?from=2025-09-01&to=2026-03-31&rounding=published';
const committeeDescription = [
  `The period runs from \`from\` to \`to\`, both included: at most ${MAX_PERIOD_YEARS} years.`,
  '',
  `**The report as a page:** [${committeePageLink}](${committeePageLink}) with \`Accept: text/html\` (a browser's own) and the bearer token answers a self-contained, printable HTML page for the committee: headline figures, EHE by academic year, new registrations by month, year groups, primary reasons, SEN and EHC plans, first contact against the standard, returns to school, children missing education located and untraced, and School Attendance Order steps. Each chart is inline SVG drawn on the server, with its data table beside it; \`rounding=published\` rounds the counts for publication, and the print stylesheet makes "Print to PDF" an A4 document. JSON with any other Accept, CSV with \`Accept: text/csv\`.`,
].join('\n');

/** DfE returns and committee figures (JSON, CSV by Accept: text/csv, a page by text/html): managers and auditors. */
export const reportRoutesPlugin: FastifyPluginAsyncZod<RouteDeps> = async (
  app,
  { projections, services },
) => {
  const roles = readRoles.dashboards;
  app.get(
    '/reports/dfe-return',
    {
      onRequest: authorize(roles),
      schema: {
        operationId: 'getDfeReturn',
        summary: 'The DfE termly EHE and CME return as at a census date',
        description:
          "The counts the DfE's termly EHE and CME collection asks for, as at a census date: children of compulsory school age only, exact figures (rounding is for publication). JSON, or CSV with Accept: text/csv.",
        tags: ['reports'],
        security,
        querystring: z.object({
          censusDate: boundedDate.meta({ examples: ['2026-01-15'] }),
          rounding: roundingParameter,
        }),
        response: {
          200: csvOrJson(DfeReturnSchema, dfeReturnExample, dfeReturnToCsv),
          ...reportErrors('/v1/reports/dfe-return', ['querystring.censusDate', notADate]),
        },
      },
    },
    async (request, reply) => {
      const { censusDate, rounding } = request.query;
      return send(
        request,
        reply,
        projections.statistics.dfeReturn(censusDate, rounding),
        `dfe-return-${censusDate}`,
        { toCsv: dfeReturnToCsv },
      );
    },
  );

  app.get(
    '/reports/academic-year',
    {
      onRequest: authorize(roles),
      schema: {
        operationId: 'getAcademicYearReport',
        summary: 'Academic year figures: EHE at any point, starts, returns, notices and orders',
        description:
          'Figures for one academic year (1 September to 31 August): children in EHE at any point, new starts, returns to school, notices served and orders made. JSON, CSV with Accept: text/csv, or a printable page with Accept: text/html (as the committee report).',
        tags: ['reports'],
        security,
        querystring: z.object({
          year: academicYearLabel.meta({ examples: ['2025-26'] }),
          rounding: roundingParameter,
        }),
        response: {
          200: csvJsonOrPage(AcademicYearSchema, academicYearExample, academicYearPageExample),
          ...reportErrors('/v1/reports/academic-year', [
            'querystring.year',
            'the years must follow each other',
          ]),
        },
      },
    },
    async (request, reply) => {
      const { year, rounding } = request.query;
      const report = roundReport(
        projections.statistics.academicYear(year, services.policy.schoolPopulation),
        rounding,
      );
      return send(request, reply, report, `academic-year-${year}`, {
        page: () => academicYearPage(report, services.policy, rounding),
      });
    },
  );

  app.get(
    '/reports/committee',
    {
      onRequest: authorize(roles),
      schema: {
        operationId: 'getCommitteeReport',
        summary: "The committee's figures for a period",
        description: committeeDescription,
        tags: ['reports'],
        security,
        querystring: CommitteeQuerySchema,
        response: {
          200: csvJsonOrPage(CommitteeSchema, committeeExample, committeePageExample),
          ...reportErrors('/v1/reports/committee', ['querystring.to', 'must be on or after `from`']),
        },
      },
    },
    async (request, reply) => {
      const { from, to, rounding } = request.query;
      const commencement = services.policy.commencement.cnisRegister;
      const report = roundReport(
        {
          ...projections.statistics.committee(from, to, services.policy.schoolPopulation),
          register: registerCounts(projections.register.on({ on: to, commencement }), to, commencement),
        },
        rounding,
      );
      return send(request, reply, report, `committee-${from}-${to}`, {
        page: () => committeePage(report, services.policy, rounding),
      });
    },
  );
};
