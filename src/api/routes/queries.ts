import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { londonDate } from '../../domain/calendar/index.js';
import { readRoles } from '../../domain/roles.js';
import { recordCaseRead } from '../access-log.js';
import type { RouteDeps } from '../cases/commands.js';
import { type CaseListFilter, CaseListQuerySchema, listCases } from '../cases/list.js';
import { assertPanelMayAct } from '../cases/panel-access.js';
import { boundedDate } from '../date-bounds.js';
import {
  eheSummaryExample,
  exampleIds,
  exampleOfficers,
  invalidCursorExample,
  saoEheSummaryExample,
  validationProblemExample,
} from '../examples/index.js';
import { caseListExample, caseloadExample, dashboardExample, deadlinesExample } from '../examples/queries.js';
import { CaseParamsSchema, etagOf, notFoundResponse, problemResponses, security } from '../http.js';
import { createJsonCache, sendJson } from '../json-cache.js';
import { type Actor, actorOf, authorize } from '../plugins/auth.js';
import { HttpProblem } from '../plugins/errors.js';
import {
  CaseListPageSchema,
  CaseloadSchema,
  CaseSummarySchema,
  DashboardSchema,
  DeadlineListSchema,
  summaryView,
} from '../summary-schemas.js';

const caseReaders = [...readRoles.ownService, ...readRoles.panelCases, 'auditor'] as const;
const listReaders = [...readRoles.ownService, 'auditor'] as const;
const date = boundedDate;

// The dashboard takes no parameters: there is nothing to refuse as malformed.
const { 400: _, ...dashboardProblems } = problemResponses('/v1/dashboard');
const caseInstance = `/v1/cases/${exampleIds.eheCase}`;
const caseloadInstance = `/v1/caseloads/${exampleOfficers.ehe}`;

/** Case queries, answered from the in-memory views; each read of personal data is logged first. */
export const queryRoutesPlugin: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, projections }) => {
  const { store } = services;
  // Per instance of the app: each app has its own views, whose values key these.
  const caseloadJson = createJsonCache(CaseloadSchema, '/v1/caseloads/:officerId');
  const dashboardJson = createJsonCache(DashboardSchema, '/v1/dashboard');
  const namedByDashboard = new WeakMap<object, string[]>();
  const today = () => londonDate(services.now());
  const logRead = (request: FastifyRequest, actor: Actor, caseIds: string[]) =>
    recordCaseRead(store, {
      actor,
      caseIds,
      route: request.routeOptions.url ?? request.url,
      requestId: request.id,
      clientRequestId: request.clientRequestId,
      at: services.now(),
    });

  app.get(
    '/cases/:caseId',
    {
      onRequest: authorize(caseReaders),
      schema: {
        operationId: 'getCaseSummary',
        summary: "A case's summary, with its ETag",
        description:
          "The case as its views hold it. The ETag is the case's revision, for If-Match on the next command. The read is recorded in the access log.",
        tags: ['cases'],
        security,
        params: CaseParamsSchema,
        response: {
          200: CaseSummarySchema.meta({
            description: "The case's summary",
            examples: [eheSummaryExample, saoEheSummaryExample],
          }),
          ...notFoundResponse(caseInstance),
          ...problemResponses(caseInstance, {
            400: validationProblemExample(caseInstance, 'params.caseId', 'must be a case id (a UUID)'),
          }),
        },
      },
    },
    async (request, reply) => {
      const { caseId } = request.params;
      const actor = actorOf(request);
      await assertPanelMayAct({ store, caseTypeOf: app.caseTypeOf }, actor, caseId);
      const summary = projections.caseSummary.get(caseId);
      if (!summary) throw new HttpProblem(404, 'case_not_found', `no case ${caseId}`);
      await logRead(request, actor, [caseId]);
      reply.header('etag', etagOf(summary.revision));
      return summaryView(summary);
    },
  );

  app.get(
    '/cases',
    {
      onRequest: authorize(listReaders),
      schema: {
        operationId: 'listCases',
        summary: 'Cases, filtered, a page at a time',
        description: 'Follow `nextCursor` for the next page; a page may hold fewer than `limit` cases.',
        tags: ['cases'],
        security,
        querystring: CaseListQuerySchema,
        response: {
          200: CaseListPageSchema.meta({ examples: [caseListExample] }),
          ...problemResponses('/v1/cases', {
            400: invalidCursorExample(
              '/v1/cases',
              'querystring.cursor',
              'must be the `nextCursor` of a previous page',
            ),
          }),
        },
      },
    },
    async (request) => {
      const page = listCases(projections, request.query satisfies CaseListFilter, today());
      await logRead(
        request,
        actorOf(request),
        page.items.map((item) => item.caseId),
      );
      return {
        items: page.items.map(summaryView),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
    },
  );

  app.get(
    '/caseloads/:officerId',
    {
      onRequest: authorize(listReaders),
      schema: {
        operationId: 'getOfficerCaseload',
        summary: "An officer's open cases: priority first, then by next due date",
        description: 'A page at a time: follow `nextCursor`.',
        tags: ['caseloads'],
        security,
        params: z.object({
          officerId: z
            .string()
            .min(1)
            .max(100)
            .meta({ examples: [exampleOfficers.ehe] }),
        }),
        querystring: z.object({
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(500)
            .default(100)
            .meta({ examples: [25] }),
          cursor: z
            .string()
            .regex(/^\d{1,6}$/, 'must be a cursor from the previous page')
            .optional()
            .meta({ examples: ['25'] }),
        }),
        response: {
          200: CaseloadSchema.meta({ examples: [caseloadExample] }),
          ...problemResponses(caseloadInstance, {
            400: invalidCursorExample(
              caseloadInstance,
              'querystring.cursor',
              'must be a cursor from the previous page',
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const { officerId } = request.params;
      const { limit, cursor } = request.query;
      const all = projections.caseload.forOfficer(officerId);
      const from = Number(cursor ?? 0);
      const items = all.slice(from, from + limit);
      await logRead(
        request,
        actorOf(request),
        items.map((item) => item.caseId),
      );
      const json = caseloadJson(all, `${officerId} ${from} ${limit}`, () => {
        const next = from + limit < all.length ? { nextCursor: String(from + limit) } : {};
        return { officerId, total: all.length, items: items.map(summaryView), ...next };
      });
      return sendJson(reply, json);
    },
  );

  app.get(
    '/dashboard',
    {
      onRequest: authorize(readRoles.dashboards),
      schema: {
        operationId: 'getDashboard',
        summary: 'Unallocated, overdue, due in 7 working days, escalations, high-risk and untraced CME',
        description:
          "The service's work at a glance for managers and auditors: unallocated cases, overdue clocks by kind, what falls due within 7 working days, open escalations, high-risk and untraced CME cases, possible duplicates and SAO cases by stage.",
        tags: ['caseloads'],
        security,
        response: {
          200: DashboardSchema.meta({ description: "Today's dashboard", examples: [dashboardExample] }),
          ...dashboardProblems,
        },
      },
    },
    async (request, reply) => {
      const dashboard = projections.dashboard.get(today());
      let named = namedByDashboard.get(dashboard);
      if (!named) {
        // Every case the dashboard names, by name or by its clocks, is a read of that case.
        const items = [
          ...dashboard.unallocated.items,
          ...dashboard.overdue.items,
          ...dashboard.dueSoon.items,
          ...dashboard.escalationsOpen.items,
          ...dashboard.highRiskCme.items,
          ...dashboard.untracedCme.items,
          ...dashboard.possibleDuplicates.items,
          ...dashboard.pastSchoolAge.items,
          ...dashboard.closureProposals.items,
        ];
        named = [...new Set(items.map((item) => item.caseId))];
        namedByDashboard.set(dashboard, named);
      }
      await logRead(request, actorOf(request), named);
      const json = dashboardJson(dashboard, '', () => ({
        ...dashboard,
        position: dashboard.position.toString(),
      }));
      return sendJson(reply, json);
    },
  );

  app.get(
    '/deadlines',
    {
      onRequest: authorize(listReaders),
      schema: {
        operationId: 'listDeadlines',
        summary: 'Open clocks, by due date',
        description:
          'Every open clock (first contact, annual contact, notice periods and the rest) with its due date, earliest first, a page at a time.',
        tags: ['caseloads'],
        security,
        querystring: z.object({
          dueFrom: date.optional().meta({ examples: ['2025-12-01'] }),
          dueTo: date.optional().meta({ examples: ['2025-12-31'] }),
          status: z
            .string()
            .regex(/^(due|due_soon|overdue|missed|escalated)(,(due|due_soon|overdue|missed|escalated))*$/)
            .optional()
            .meta({
              description: 'Comma-separated: due, due_soon, overdue, missed, escalated',
              examples: ['overdue,escalated'],
            }),
          caseId: z
            .uuid()
            .optional()
            .meta({ examples: [exampleIds.eheCase] }),
        }),
        response: {
          200: DeadlineListSchema.meta({ examples: [deadlinesExample] }),
          ...problemResponses('/v1/deadlines', {
            400: validationProblemExample(
              '/v1/deadlines',
              'querystring.dueFrom',
              'must be a real calendar date in the form YYYY-MM-DD',
            ),
          }),
        },
      },
    },
    async (request) => {
      const { dueFrom, dueTo, status, caseId } = request.query;
      const items = projections.deadlines.open({
        ...(dueFrom ? { dueFrom } : {}),
        ...(dueTo ? { dueTo } : {}),
        ...(status ? { status: status.split(',') as ('due' | 'overdue')[] } : {}),
        ...(caseId ? { caseId } : {}),
      });
      // Which children have which statutory clocks running is case data: the read is recorded first.
      await logRead(request, actorOf(request), [...new Set(items.map((item) => item.caseId))]);
      return { items };
    },
  );
};
