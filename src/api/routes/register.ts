import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { londonDate } from '../../domain/calendar/index.js';
import { caseTypeNames } from '../../domain/case-types.js';
import { registerBasisOn } from '../../domain/register/commencement.js';
import { readRoles } from '../../domain/roles.js';
import { byName, type RegisterEntry } from '../../projections/register.js';
import { recordCaseRead } from '../access-log.js';
import type { RouteDeps } from '../cases/commands.js';
import { CaseListQuerySchema } from '../cases/list.js';
import { csvField } from '../csv.js';
import { boundedDate, notADate, periodIssue } from '../date-bounds.js';
import { exampleIds, validationProblemExample } from '../examples/index.js';
import { registerLeaversExample, registerPageExample } from '../examples/register.js';
import { problemResponses, security } from '../http.js';
import { actorOf, authorize } from '../plugins/auth.js';
import { HttpProblem } from '../plugins/errors.js';

/*
 * The Children Not In School register (EA 1996 s.436B, inserted by CWSA 2026 s.38). Who may read it: the
 * service's officers and managers, who keep it, and auditors; never a school or agency (referrer), a panel
 * member (their access is to the cases referred to their panel) or IT (admin). s.436F limits the use of
 * register information; every read is logged, case by case, before the data is sent.
 */

const GroundSchema = z.enum(['A', 'B', 'C(a)', 'C(b)', 'C(c)']);
const BasisSchema = z.enum(['statutory', 'voluntary']).meta({
  description: 'statutory on or after policy commencement.cnisRegister (CWSA 2026 s.78), else voluntary',
});

export const RegisterEntrySchema = z
  .object({
    caseId: z.string(),
    caseType: z.enum(caseTypeNames),
    standing: z.enum(['entry', 'candidate']).meta({
      description:
        "entry: an EHE case, or a school's arranged-absence pupil (cnis, POST /v1/arranged-absences); candidate: a CME child located in the area and out of school",
    }),
    givenName: z.string(),
    familyName: z.string(),
    dateOfBirth: z.string(),
    yearGroup: z.number().meta({ description: '0 is Reception' }),
    grounds: z
      .array(GroundSchema)
      .meta({ description: 'The conditions of s.436B(3)-(5) met on the day, as the Act labels them' }),
    onRegisterSince: z.string(),
    basis: BasisSchema,
    statutorySince: z.string().optional(),
    missing: z.array(z.string()).meta({
      description:
        'The s.436C mandatory information the council does not yet hold, by field of RegisterContent (enacted s.436C not yet verified: see docs/law/cnis-register.md)',
    }),
  })
  .meta({ id: 'RegisterEntry' });

export const RegisterPageSchema = z
  .object({
    on: z.string(),
    basis: BasisSchema,
    commencement: z.string().nullable(),
    items: z.array(RegisterEntrySchema),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'RegisterPage' });

export const RegisterLeaversSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    items: z.array(
      z.object({
        caseId: z.string(),
        caseType: z.enum(caseTypeNames),
        standing: z.enum(['entry', 'candidate']),
        givenName: z.string(),
        familyName: z.string(),
        lastDay: z.string().meta({ description: 'The last day on the register' }),
        reason: z.enum([
          'on_roll',
          'moved_out_of_area',
          'past_compulsory_school_age',
          'died',
          'case_closed',
          'continued_in_cme_case',
          'continued_in_ehe_case',
          'whereabouts_unknown',
          'arrangement_ended',
          'left_school',
        ]),
        basis: BasisSchema,
      }),
    ),
  })
  .meta({ id: 'RegisterLeavers' });

const LeaversQuerySchema = z
  .object({
    from: boundedDate.meta({ examples: ['2028-09-01'] }),
    to: boundedDate.meta({ examples: ['2029-08-31'] }),
  })
  .superRefine(({ from, to }, context) => {
    const issue = periodIssue(from, to);
    if (issue) context.addIssue({ code: 'custom', path: ['to'], message: issue });
  });

const RegisterQuerySchema = z.object({
  on: boundedDate
    .optional()
    .meta({ description: 'The day asked about; today by default', examples: ['2025-12-01'] }),
  condition: GroundSchema.optional().meta({
    description: 'Only children meeting this condition',
    examples: ['C(a)'],
  }),
  // The case list's: the same year group and page size.
  yearGroup: CaseListQuerySchema.shape.yearGroup,
  standing: z
    .enum(['entry', 'candidate'])
    .optional()
    .meta({ examples: ['entry'] }),
  limit: CaseListQuerySchema.shape.limit,
  cursor: z
    .uuid()
    .optional()
    .meta({
      description: '`nextCursor` from the previous page (the case id of its last entry); ignored for CSV',
      examples: [exampleIds.eheCase],
    }),
});

const csvColumns = [
  'caseId',
  'caseType',
  'standing',
  'givenName',
  'familyName',
  'dateOfBirth',
  'yearGroup',
  'grounds',
  'onRegisterSince',
  'basis',
  'statutorySince',
  'missing',
] as const;

export function registerToCsv(items: readonly RegisterEntry[]): string {
  const row = (entry: RegisterEntry) =>
    csvColumns
      .map((column) => {
        const value = column === 'grounds' || column === 'missing' ? entry[column].join(' ') : entry[column];
        return csvField(value === undefined ? '' : String(value));
      })
      .join(',');
  return `${[csvColumns.join(','), ...items.map(row)].join('\r\n')}\r\n`;
}

const wantsCsv = (request: FastifyRequest) => /\btext\/csv\b/.test(request.headers.accept ?? '');

export const registerRoutesPlugin: FastifyPluginAsyncZod<RouteDeps> = async (
  app,
  { services, projections },
) => {
  const instance = '/v1/register';
  // Every entry or leaver shown is a read of that child's personal data: logged before the answer is sent.
  const logRead = (request: FastifyRequest, items: readonly { caseId: string }[]) =>
    recordCaseRead(services.store, {
      actor: actorOf(request),
      caseIds: items.map((item) => item.caseId),
      route: request.routeOptions.url ?? request.url,
      requestId: request.id,
      clientRequestId: request.clientRequestId,
      at: services.now(),
    });
  app.get(
    '/register',
    {
      onRequest: authorize(readRoles.register),
      schema: {
        operationId: 'getRegister',
        summary: 'The Children Not In School register on a day (EA 1996 s.436B)',
        description:
          'A page at a time (follow `nextCursor`), by family name; with Accept: text/csv every entry matching the filter, one row each, for the council’s own use.',
        tags: ['register'],
        security,
        querystring: RegisterQuerySchema,
        response: {
          200: {
            description: 'The entries on the day, as JSON or CSV',
            content: {
              'application/json': { schema: RegisterPageSchema, example: registerPageExample },
              'text/csv': { schema: z.string(), example: registerToCsv(registerPageExample.items) },
            },
          },
          ...problemResponses(instance, {
            400: validationProblemExample(instance, 'querystring.on', notADate),
          }),
        },
      },
    },
    async (request, reply) => {
      const {
        on = londonDate(services.now()),
        condition,
        yearGroup,
        standing,
        limit,
        cursor,
      } = request.query;
      const commencement = services.policy.commencement.cnisRegister;
      const all = projections.register.on({
        on,
        commencement,
        ...(condition ? { condition } : {}),
        ...(yearGroup === undefined ? {} : { yearGroup }),
        ...(standing ? { standing } : {}),
      });
      const csv = wantsCsv(request);
      let items = all;
      let nextCursor: string | undefined;
      if (!csv) {
        const start = cursor === undefined ? 0 : startAfter(all, cursor, projections);
        items = all.slice(start, start + limit);
        nextCursor = start + limit < all.length ? items.at(-1)?.caseId : undefined;
      }
      await logRead(request, items);
      if (csv) {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="register-${on}.csv"`)
          .serializer((payload) => payload as string)
          .send(registerToCsv(items));
      }
      return reply.type('application/json').send({
        on,
        basis: registerBasisOn(commencement, on),
        commencement,
        items,
        ...(nextCursor ? { nextCursor } : {}),
      });
    },
  );

  app.get(
    '/register/leavers',
    {
      onRequest: authorize(readRoles.register),
      schema: {
        operationId: 'listRegisterLeavers',
        summary: 'The children who left the register in a period, with why (EA 1996 s.436B)',
        description:
          'Each stretch on the register whose last day falls from `from` to `to`, both included; a reason that is foreseen (the end of compulsory school age) is listed once its day is in the period.',
        tags: ['register'],
        security,
        querystring: LeaversQuerySchema,
        response: {
          200: RegisterLeaversSchema.meta({ examples: [registerLeaversExample] }),
          ...problemResponses('/v1/register/leavers', {
            400: validationProblemExample(
              '/v1/register/leavers',
              'querystring.to',
              'must be on or after `from`',
            ),
          }),
        },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const items = projections.register.leavers(from, to, services.policy.commencement.cnisRegister);
      await logRead(request, items);
      return { from, to, items };
    },
  );
};

/**
 * Where the page after `cursor` starts: after that case's place in the order, found by its name even when
 * the child has left the register since the previous page.
 */
function startAfter(
  entries: readonly RegisterEntry[],
  cursor: string,
  projections: RouteDeps['projections'],
): number {
  const summary = projections.caseSummary.get(cursor);
  if (!summary) {
    throw new HttpProblem(
      400,
      'invalid_cursor',
      'querystring.cursor: must be the `nextCursor` of a previous page',
      {
        errors: [{ path: 'querystring.cursor', message: 'must be the `nextCursor` of a previous page' }],
      },
    );
  }
  const anchor = { familyName: summary.child.familyName, givenName: summary.child.givenName, caseId: cursor };
  const index = entries.findIndex((entry) => byName(entry, anchor) > 0);
  return index === -1 ? entries.length : index;
}
