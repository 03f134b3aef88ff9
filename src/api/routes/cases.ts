import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { type CaseTypeName, caseTypeNames, caseTypes } from '../../domain/case-types.js';
import type { Role } from '../../domain/roles.js';
import { CommandResultSchema, commandResult } from '../cases/command-result.js';
import type { RouteDeps } from '../cases/commands.js';
import { type CaseCommand, runCaseCommand } from '../cases/commands.js';
import { reserveCaseId } from '../cases/ids.js';
import { assertLinkedCaseCanOpen, linkedReferralOf } from '../cases/linked.js';
import { assertPanelMayAct } from '../cases/panel-access.js';
import {
  bodyExamplesOf,
  commandProblemExamples,
  commandResultExampleOf,
  commandRouteExamples,
} from '../examples/commands.js';
import { exampleIds } from '../examples/index.js';
import {
  CaseParamsSchema,
  CmeCaseParamsSchema,
  CommandHeadersSchema,
  commandOptionsFrom,
  commandProblemResponses,
  requestMeta,
  security,
  sendCommandResult,
} from '../http.js';
import { actorOf, authorize } from '../plugins/auth.js';
import { HttpProblem } from '../plugins/errors.js';
import {
  bodySchemaOf,
  type CommandRoute,
  commandOf,
  commandRoutes,
  operationIdOf,
} from './case-command-table.js';

/** The route's body, with its examples: `x-examples` becomes the request body's named examples. */
const bodyOf = (route: CommandRoute): z.ZodType =>
  bodySchemaOf(route).meta({ 'x-examples': bodyExamplesOf(commandRouteExamples(route)) });

/** The route's path with the example case of its type, as a problem's `instance`. */
const exampleInstanceOf = (route: CommandRoute) =>
  `/v1/cases/${route.ehe ? exampleIds.eheCase : exampleIds.cmeCase}/${route.path}`;

function rolesOf(route: CommandRoute): Role[] {
  const roles = caseTypeNames.flatMap((caseType) => {
    const type = commandOf(route, caseType);
    return type ? ((caseTypes[caseType].commandRoles as Record<string, readonly Role[]>)[type] ?? []) : [];
  });
  return [...new Set(roles)];
}

/** Parses the body again with the case type's own schema (a path both types share accepts either shape). */
function commandFor(route: CommandRoute, caseType: CaseTypeName, body: unknown): CaseCommand {
  const type = commandOf(route, caseType);
  if (!type) {
    throw new HttpProblem(
      409,
      'wrong_case_type',
      `this is a ${caseType.toUpperCase()} case: ${route.path} does not apply`,
    );
  }
  const schema: z.ZodType = (caseTypes[caseType].commandBodies as Record<string, z.ZodType>)[type]!;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      path: ['body', ...issue.path].join('.'),
      message: issue.message,
    }));
    throw new HttpProblem(400, 'validation_failed', `${errors[0]?.path}: ${errors[0]?.message}`, { errors });
  }
  // The route table pairs the type with this case type, and its own schema parsed the body.
  return { caseType, command: { type, data: parsed.data } } as CaseCommand;
}

/** `POST /v1/cases/{caseId}/<path>` for every decider command, from the table in case-command-table.ts. */
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
    const options = commandOptionsFrom(headers);
    const { idempotencyKey } = options;
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
          operationId: operationIdOf(route),
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
