import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../domain/decider.js';
import { type DomainErrorCode, type DomainErrorKind, domainErrorKindOf } from '../../domain/error-codes.js';
import {
  EventStoreClosedError,
  EventStoreUnavailableError,
  WrongExpectedVersionError,
} from '../../eventstore/errors.js';

/**
 * RFC 9457 problem details, the one error shape of the API. `code` is stable and machine-readable; `detail`
 * is for people; `errors` names each offending field by its path in the request.
 */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
export type Problem = z.infer<typeof ProblemSchema>;
type FieldError = { path: string; message: string };

/** An error the API answers with on purpose: a status, a stable code, and words safe to show. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
  }
}

/**
 * The status of each kind of DomainError, the one place the API maps them. An `internal` one (an event our
 * own schemas refuse, stored or about to be) is our fault, never the caller's: it answers 500
 * `internal_error`, and its own code and words stay in the log.
 */
export const domainErrorStatuses = {
  invalid: 422,
  conflict: 409,
  notFound: 404,
  internal: 500,
} as const satisfies Record<DomainErrorKind, number>;

/** The status a DomainError code answers with: its kind's. */
export const domainErrorStatus = (code: DomainErrorCode): number =>
  domainErrorStatuses[domainErrorKindOf(code)];

/** RFC 9110's reason phrases, as problem titles. */
export const problemTitles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The path a request asked for, without its query string and without an absolute-form `http://host`. */
function pathOf(request: FastifyRequest): string {
  try {
    return new URL(request.url, 'http://localhost').pathname;
  } catch {
    return request.url.split('?')[0] ?? '';
  }
}

function problem(request: FastifyRequest, status: number, code: string, detail: string): Problem {
  return {
    type: `urn:sightline:problem:${code}`,
    title: problemTitles[status] ?? 'Error',
    status,
    detail,
    instance: pathOf(request),
    code,
    requestId: request.id,
  };
}

/** A zod issue, or a Fastify validation issue turned into one; unions nest the issues of each branch. */
interface FieldIssue {
  code: string | undefined;
  path: readonly PropertyKey[];
  message: string | undefined;
  keys?: unknown;
  errors?: unknown;
}

const isIssueList = (value: unknown): value is FieldIssue[][] =>
  Array.isArray(value) && value.every((branch) => Array.isArray(branch));

/**
 * Each offending field by its path. A body that matches no branch of a union (a step either case type
 * takes) is explained by the branch it came closest to, so the field is still named.
 */
function fieldErrors(context: string, at: readonly PropertyKey[], issue: FieldIssue): FieldError[] {
  const path = [...at, ...issue.path].map(String);
  const where = (keys: string[]) => [context, ...keys].join('.');
  if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)) {
    return [{ path: where([...path, issue.keys.join(',')]), message: 'is not a known field' }];
  }
  if (issue.code === 'invalid_union' && isIssueList(issue.errors) && issue.errors.length > 0) {
    const closest = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
    const errors = closest.flatMap((nested) => fieldErrors(context, path, nested));
    if (errors.length > 0) return errors;
  }
  return [{ path: where(path), message: issue.message ?? 'is not valid' }];
}

/** The field errors of a zod parse, as the server reports them. */
export const zodFieldErrors = (context: string, issues: readonly FieldIssue[]): FieldError[] =>
  issues.flatMap((issue) => fieldErrors(context, [], issue));

/** The query parameters that resume a listing where a previous page ended. */
const cursorParameters = new Set(['querystring.cursor', 'querystring.after']);

/**
 * A cursor the server cannot read is refused as `invalid_cursor`, so a client learns its place in the list
 * is lost rather than silently getting the first page again.
 */
const validationCode = (errors: FieldError[]) =>
  errors.length > 0 && errors.every((error) => cursorParameters.has(error.path))
    ? 'invalid_cursor'
    : 'validation_failed';

function validationProblem(request: FastifyRequest, error: FastifyError): Problem {
  const context = error.validationContext ?? 'body';
  const errors = (error.validation ?? []).flatMap((issue) => {
    const params = issue.params as { keys?: unknown; errors?: unknown };
    return fieldErrors(context, [], {
      code: issue.keyword,
      path: issue.instancePath.split('/').filter((key) => key !== ''),
      message: issue.message,
      keys: params.keys,
      errors: params.errors,
    });
  });
  const first = errors[0];
  return {
    ...problem(
      request,
      400,
      validationCode(errors),
      first ? `${first.path}: ${first.message}` : 'invalid request',
    ),
    errors,
  };
}

/** Maps every error to a problem; 5xx answers never carry the error's own message. */
export function toProblem(
  error: unknown,
  request: FastifyRequest,
): { problem: Problem; headers: Record<string, string> } {
  if (error instanceof HttpProblem) {
    const { errors, headers = {} } = error.extra;
    const body = {
      ...problem(request, error.status, error.code, error.detail),
      ...(errors ? { errors } : {}),
    };
    return { problem: body, headers };
  }
  if (error instanceof DomainError && domainErrorStatuses[error.kind] < 500) {
    const status = domainErrorStatuses[error.kind];
    const body = problem(request, status, error.code, error.message);
    return {
      problem: error.field
        ? { ...body, errors: [{ path: `body.${error.field}`, message: error.message }] }
        : body,
      headers: {},
    };
  }
  if (error instanceof WrongExpectedVersionError) {
    return {
      problem: problem(
        request,
        409,
        'concurrent_write',
        'the case changed while this request was handled: retry',
      ),
      headers: {},
    };
  }
  if (error instanceof EventStoreUnavailableError || error instanceof EventStoreClosedError) {
    return {
      problem: problem(request, 503, 'store_unavailable', 'the event store is not answering: retry later'),
      headers: { 'retry-after': '5' },
    };
  }
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError) || fastifyError.validation) {
    return { problem: validationProblem(request, fastifyError), headers: {} };
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code =
      fastifyCodes[fastifyError.code] ??
      (status === 429 ? 'rate_limited' : status === 404 ? 'not_found' : 'bad_request');
    return { problem: problem(request, status, code, fastifyError.message), headers: {} };
  }
  return {
    problem: problem(request, 500, 'internal_error', 'something went wrong; quote the request id to support'),
    headers: {},
  };
}

/** Fastify's own client errors, renamed to the API's codes. */
const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_RATE_LIMITED: 'rate_limited',
  FST_ERR_BAD_URL: 'bad_url',
  FST_ERR_MAX_PARAM_LENGTH: 'path_parameter_too_long',
};

export function sendProblem(reply: FastifyReply, problemBody: Problem, headers: Record<string, string> = {}) {
  return reply
    .code(problemBody.status)
    .headers(headers)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(problemBody);
}

async function errors(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error, request, reply) => {
    const { problem: body, headers } = toProblem(error, request);
    if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code, status: body.status }, 'request refused');
    return sendProblem(reply, body, headers);
  });
  app.setNotFoundHandler(routeNotFound);
}

/** The 404 of a path no route serves; the /v1 scope sets it too, so that its hooks run first. */
export const routeNotFound = (request: FastifyRequest, reply: FastifyReply) =>
  sendProblem(
    reply,
    problem(request, 404, 'route_not_found', `no route ${request.method} ${pathOf(request)}`),
  );

/**
 * The router's own refusals (a path segment that is not valid percent-encoding, a parameter longer than the
 * router takes) happen before any route or error handler; without this Fastify answers them in its own JSON.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { problem: body, headers } = toProblem(error, request);
  return sendProblem(reply, body, headers);
}

/** Problem details for every error of every route (not encapsulated, so it covers all plugins). */
export const errorsPlugin = fp(errors, { name: 'sightline-errors' });
