import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { londonDate } from '../../domain/calendar/index.js';
import type { CmeState } from '../../domain/cme/state.js';
import type { Panel } from '../../domain/ehe/commands.js';
import type { EheState } from '../../domain/ehe/state.js';
import { readRoles } from '../../domain/roles.js';
import { recordCaseRead } from '../access-log.js';
import { type Actor, actorOf, authorize } from '../auth.js';
import type { CommandServices } from '../case-commands.js';
import { caseStateAsOf } from '../case-history.js';
import { type CaseListFilter, CaseListQuerySchema, listCases } from '../case-list.js';
import { findCaseType } from '../case-streams.js';
import { HttpProblem } from '../errors.js';
import { eheSummaryExample, exampleIds, exampleOfficers, validationProblemExample } from '../examples.js';
import { caseListExample, caseloadExample, dashboardExample, deadlinesExample } from '../examples-queries.js';
import { CaseParamsSchema, etagOf, notFoundResponse, problemResponses, security } from '../http.js';
import {
  CaseListPageSchema,
  CaseloadSchema,
  CaseSummarySchema,
  DashboardSchema,
  DeadlineListSchema,
  summaryView,
} from '../summary-schemas.js';
import type { Projections } from '../views.js';

export interface QueryRoutesOptions {
  [key: string]: unknown;
  services: CommandServices;
  projections: Projections;
}

const caseReaders = [...readRoles.ownService, ...readRoles.panelCases, 'auditor'] as const;
const listReaders = [...readRoles.ownService, 'auditor'] as const;
const date = z.iso.date({ error: 'must be a real calendar date in the form YYYY-MM-DD' });

// The dashboard takes no parameters: there is nothing to refuse as malformed.
const { 400: _, ...dashboardProblems } = problemResponses('/v1/dashboard');
const caseInstance = `/v1/cases/${exampleIds.eheCase}`;
const caseloadInstance = `/v1/caseloads/${exampleOfficers.ehe}`;

/** Case queries, answered from the in-memory views; each read of personal data is logged first. */
export const queryRoutesPlugin: FastifyPluginAsyncZod<QueryRoutesOptions> = async (
  app,
  { services, projections },
) => {
  const { store } = services;
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

  /**
   * A panel member reads only the cases referred to their own panel: EHE cases referred to it, and for the
   * Fair Access panel also the CME cases referred to it.
   */
  const panelMayRead = async (caseId: string, panel: Panel | undefined): Promise<boolean> => {
    const caseType = await findCaseType(store, caseId);
    if (!panel || !caseType) return false;
    const { state } = await caseStateAsOf(store, caseType, caseId, undefined, 'recorded');
    if (caseType === 'ehe') return (state as EheState).panels.some((referral) => referral.panel === panel);
    const cme = state as CmeState;
    return panel === 'fair_access' && cme.status !== 'none' && cme.fairAccessReferredOn !== null;
  };

  app.get(
    '/v1/cases/:caseId',
    {
      onRequest: authorize(caseReaders),
      schema: {
        summary: "A case's summary, with its ETag",
        tags: ['cases'],
        security,
        params: CaseParamsSchema,
        response: {
          200: CaseSummarySchema.meta({ description: "The case's summary", examples: [eheSummaryExample] }),
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
      const summary = projections.caseSummary.get(caseId);
      if (!summary) throw new HttpProblem(404, 'case_not_found', `no case ${caseId}`);
      if (actor.role === 'panel' && !(await panelMayRead(caseId, actor.panel))) {
        throw new HttpProblem(403, 'forbidden', 'a panel member reads only cases referred to their panel');
      }
      await logRead(request, actor, [caseId]);
      reply.header('etag', etagOf(summary.revision));
      return summaryView(summary);
    },
  );

  app.get(
    '/v1/cases',
    {
      onRequest: authorize(listReaders),
      schema: {
        summary: 'Cases, filtered, a page at a time',
        description: 'Follow `nextCursor` for the next page; a page may hold fewer than `limit` cases.',
        tags: ['cases'],
        security,
        querystring: CaseListQuerySchema,
        response: {
          200: CaseListPageSchema.meta({ examples: [caseListExample] }),
          ...problemResponses('/v1/cases'),
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
    '/v1/caseloads/:officerId',
    {
      onRequest: authorize(listReaders),
      schema: {
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
          ...problemResponses(caseloadInstance),
        },
      },
    },
    async (request) => {
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
      const next = from + limit < all.length ? { nextCursor: String(from + limit) } : {};
      return { officerId, total: all.length, items: items.map(summaryView), ...next };
    },
  );

  app.get(
    '/v1/dashboard',
    {
      onRequest: authorize(readRoles.dashboards),
      schema: {
        summary: 'Unallocated, overdue, due in 7 working days, escalations, high-risk and untraced CME',
        tags: ['caseloads'],
        security,
        response: {
          200: DashboardSchema.meta({ description: "Today's dashboard", examples: [dashboardExample] }),
          ...dashboardProblems,
        },
      },
    },
    async (request) => {
      const dashboard = projections.dashboard.get(today());
      const named = [
        ...dashboard.unallocated.items,
        ...dashboard.highRiskCme.items,
        ...dashboard.untracedCme.items,
      ];
      await logRead(request, actorOf(request), [...new Set(named.map((item) => item.caseId))]);
      return { ...dashboard, position: dashboard.position.toString() };
    },
  );

  app.get(
    '/v1/deadlines',
    {
      onRequest: authorize([...listReaders, 'admin']),
      schema: {
        summary: 'Open clocks, by due date',
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
      return { items };
    },
  );
};
