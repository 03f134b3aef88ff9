import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { CmeCommand } from '../../domain/cme/index.js';
import { cmeCommandBodies, cmeCommandRoles } from '../../domain/cme/index.js';
import type { EheCommand } from '../../domain/ehe/index.js';
import { eheCommandBodies } from '../../domain/ehe/index.js';
import { eheCommandRoles } from '../../domain/ehe/roles.js';
import type { Role } from '../../domain/roles.js';
import { actorOf, authorize } from '../auth.js';
import type { RouteDeps } from '../case-commands.js';
import { type CaseCommand, runCaseCommand } from '../case-commands.js';
import { reserveCaseId } from '../case-ids.js';
import {
  bodyExamplesOf,
  commandProblemExamples,
  commandResultExampleOf,
  commandRouteExamples,
} from '../command-examples.js';
import { CommandResultSchema, commandResult } from '../command-result.js';
import { bodySchemaOf, type CommandRoute, commandRoutes } from '../command-routes.js';
import { HttpProblem } from '../errors.js';
import { exampleIds } from '../examples.js';
import {
  CaseParamsSchema,
  CmeCaseParamsSchema,
  CommandHeadersSchema,
  commandProblemResponses,
  expectedRevisionFrom,
  requestMeta,
  security,
  sendCommandResult,
} from '../http.js';
import { assertLinkedCaseCanOpen, linkedReferralOf } from '../linked-cases.js';
import { assertPanelMayAct } from '../panel-access.js';

/** The route's body, with its examples: `x-examples` becomes the request body's named examples. */
const bodyOf = (route: CommandRoute): z.ZodType =>
  bodySchemaOf(route).meta({ 'x-examples': bodyExamplesOf(commandRouteExamples(route)) });

/** The route's path with the example case of its type, as a problem's `instance`. */
const exampleInstanceOf = (route: CommandRoute) =>
  `/v1/cases/${route.ehe ? exampleIds.eheCase : exampleIds.cmeCase}/${route.path}`;

function rolesOf(route: CommandRoute): Role[] {
  const roles = [
    ...(route.ehe ? eheCommandRoles[route.ehe] : []),
    ...(route.cme ? cmeCommandRoles[route.cme] : []),
  ];
  return [...new Set(roles)];
}

/** Parses the body again with the case type's own schema (a path both types share accepts either shape). */
function commandFor(route: CommandRoute, caseType: 'ehe' | 'cme', body: unknown): CaseCommand {
  const type = caseType === 'ehe' ? route.ehe : route.cme;
  if (!type) {
    throw new HttpProblem(
      409,
      'wrong_case_type',
      `this is a ${caseType.toUpperCase()} case: ${route.path} does not apply`,
    );
  }
  const schema =
    caseType === 'ehe'
      ? eheCommandBodies[route.ehe ?? 'CloseCase']
      : cmeCommandBodies[route.cme ?? 'CloseCase'];
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      path: ['body', ...issue.path].join('.'),
      message: issue.message,
    }));
    throw new HttpProblem(400, 'validation_failed', `${errors[0]?.path}: ${errors[0]?.message}`, { errors });
  }
  return caseType === 'ehe'
    ? { caseType, command: { type, data: parsed.data } as EheCommand }
    : { caseType, command: { type, data: parsed.data } as CmeCommand };
}

/** `POST /v1/cases/{caseId}/<path>` for every decider command, from the table in command-routes.ts. */
export const commandRoutesPlugin: FastifyPluginAsyncZod<RouteDeps> = async (
  app,
  { services, projections },
) => {
  const { store } = services;

  const run = async (
    request: FastifyRequest,
    caseId: string,
    command: CaseCommand,
    headers: z.infer<typeof CommandHeadersSchema>,
  ) => {
    const actor = actorOf(request);
    const idempotencyKey = headers['idempotency-key'];
    const expectedRevision = expectedRevisionFrom(headers['if-match']);
    const options = {
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      ...(expectedRevision === undefined
        ? {}
        : { expectedRevision: expectedRevision < 0n ? ('no_stream' as const) : expectedRevision }),
    };
    const meta = { actor, ...requestMeta(request) };
    // The other case is checked before the step is recorded, so a step that cannot complete records nothing.
    const linkedCommand = await linkedReferralOf(store, caseId, command);
    const outcome = await runCaseCommand(services, caseId, command, meta, {
      ...options,
      // After the step itself is decided (its own refusals first), before it is recorded.
      ...(linkedCommand
        ? { beforeAppend: () => assertLinkedCaseCanOpen(services, linkedCommand, actor, idempotencyKey) }
        : {}),
    });
    const linkedId = linkedCommand?.command.data.caseId;
    const linked =
      linkedCommand && linkedId
        ? await runCaseCommand(services, linkedId, linkedCommand, meta, {
            ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
            beforeAppend: () => reserveCaseId(store, linkedId, linkedCommand.caseType, meta, services.now()),
          })
        : undefined;
    return { outcome, result: await commandResult(projections, outcome, linked) };
  };

  for (const route of commandRoutes) {
    const tag = route.ehe && route.cme ? 'cases' : route.ehe ? 'ehe' : 'cme';
    const instance = exampleInstanceOf(route);
    app.post(
      `/cases/:caseId/${route.path}`,
      {
        onRequest: authorize(rolesOf(route)),
        schema: {
          summary: route.summary,
          description: `Command ${[route.ehe && `EHE ${route.ehe}`, route.cme && `CME ${route.cme}`].filter(Boolean).join(', ')}.`,
          tags: [tag],
          security,
          params: route.ehe ? CaseParamsSchema : CmeCaseParamsSchema,
          headers: CommandHeadersSchema,
          body: bodyOf(route),
          response: {
            200: CommandResultSchema.meta({
              description: 'The events recorded, the new revision (also the ETag) and the case summary',
              examples: [commandResultExampleOf(route)],
            }),
            ...commandProblemResponses(instance, commandProblemExamples(route, instance)),
          },
        },
      },
      async (request, reply) => {
        const { caseId } = request.params;
        await assertPanelMayAct({ store, caseTypeOf: app.caseTypeOf }, actorOf(request), caseId);
        const caseType = await app.caseTypeOf(caseId);
        if (!caseType) throw new HttpProblem(404, 'case_not_found', `no case ${caseId}`);
        const { outcome, result } = await run(
          request,
          caseId,
          commandFor(route, caseType, request.body),
          request.headers,
        );
        return sendCommandResult(reply, outcome, result);
      },
    );
  }
};
