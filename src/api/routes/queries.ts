import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readRoles } from '../../domain/roles.js';
import { recordCaseRead } from '../access-log.js';
import { actorOf, authorize } from '../auth.js';
import type { CommandServices } from '../case-commands.js';
import { findCaseType } from '../case-streams.js';
import { CaseSummarySchema } from '../command-result.js';
import { HttpProblem } from '../errors.js';
import { CaseParamsSchema, problemResponse, problemResponses, security } from '../http.js';
import type { Projections } from '../views.js';

export interface QueryRoutesOptions {
  [key: string]: unknown;
  services: CommandServices;
  projections: Projections;
}

const caseReaders = [...readRoles.ownService, ...readRoles.panelCases, 'auditor'] as const;

/** Case queries, answered from the in-memory views. */
export const queryRoutesPlugin: FastifyPluginAsyncZod<QueryRoutesOptions> = async (
  app,
  { services, projections },
) => {
  const { store } = services;
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
          200: CaseSummarySchema,
          404: problemResponse('No case with this id'),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { caseId } = request.params;
      const actor = actorOf(request);
      const summary = projections.caseSummary.get(caseId);
      if (!summary && !(await findCaseType(store, caseId)))
        throw new HttpProblem(404, 'case_not_found', `no case ${caseId}`);
      await recordCaseRead(store, {
        actor,
        caseIds: [caseId],
        route: '/v1/cases/:caseId',
        requestId: request.id,
        at: services.now(),
      });
      const revision = summary?.revision;
      if (typeof revision === 'string' || typeof revision === 'number')
        reply.header('etag', `W/"${revision}"`);
      return summary ?? {};
    },
  );
};
