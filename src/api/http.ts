import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { TRACE_ID } from '../eventstore/metadata.js';
import type { CommandOutcome } from './cases/commands.js';
import { commonProblemExamples, exampleIds } from './examples/index.js';
import { HttpProblem, type Problem, ProblemSchema } from './plugins/errors.js';

/** A case's id: the UUID part of its stream. */
const CaseIdSchema = z.uuid({ error: 'must be a case id (a UUID)' });
export const CaseParamsSchema = z.object({ caseId: CaseIdSchema.meta({ examples: [exampleIds.eheCase] }) });
/** The same parameter, documented with a CME case's id. */
export const CmeCaseParamsSchema = z.object({
  caseId: CaseIdSchema.meta({ examples: [exampleIds.cmeCase] }),
});

export const CommandHeadersSchema = z.object({
  'if-match': z
    .string()
    .optional()
    .meta({ description: 'The ETag the client last saw; a stale one answers 412', examples: ['W/"3"'] }),
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, 'must be 1 to 200 visible ASCII characters')
    .optional()
    .meta({
      description: 'A repeat with the same key returns the first result and appends nothing',
      examples: [exampleIds.idempotencyKey],
    }),
});

export const etagOf = (revision: bigint): string => `W/"${revision}"`;

/** `If-Match: W/"3"` (or `"3"`) pins the revision; `*` or no header leaves the handler free to retry. */
export function expectedRevisionFrom(ifMatch: string | undefined): bigint | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(-1|\d{1,19})"\s*$/.exec(ifMatch);
  if (!match?.[1]) throw new HttpProblem(400, 'invalid_if_match', 'If-Match must be an ETag like W/"3"');
  return BigInt(match[1]);
}

/** What a command's headers ask of the handler: the key that makes a retry safe, the revision pinned. */
export function commandOptionsFrom(headers: z.infer<typeof CommandHeadersSchema>) {
  const idempotencyKey = headers['idempotency-key'];
  const expectedRevision = expectedRevisionFrom(headers['if-match']);
  return {
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(expectedRevision === undefined
      ? {}
      : { expectedRevision: expectedRevision < 0n ? ('no_stream' as const) : expectedRevision }),
  };
}

/** The ids event metadata keeps: a client's correlation id only if it is one (see EventMetadataSchema). */
export const requestMeta = (request: FastifyRequest) => {
  const correlation = request.headers['x-correlation-id'];
  return {
    correlationId: typeof correlation === 'string' && TRACE_ID.test(correlation) ? correlation : request.id,
    causationId: request.id,
    ...(request.clientRequestId ? { clientRequestId: request.clientRequestId } : {}),
  };
};

export const withEtag = (reply: FastifyReply, revision: bigint): FastifyReply =>
  reply.header('etag', etagOf(revision));

/** A write's answer: the case's new revision as its ETag, and whether an earlier request did the work. */
export function sendCommandResult<Body>(reply: FastifyReply, outcome: CommandOutcome, result: Body): Body {
  withEtag(reply, outcome.revision);
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  return result;
}

/** A problem answer for the document, with an example; Fastify reads only `schema` (sendProblem writes it). */
export const problemResponse = (description: string, example: Problem) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema, example } },
});

type ProblemExamples = Partial<Record<number, Problem>>;

/** The error answers every authenticated route documents; `instance` is its path with example ids. */
export const problemResponses = (instance: string, examples: ProblemExamples = {}) => {
  const example = { ...commonProblemExamples(instance), ...examples };
  return {
    400: problemResponse(
      'The request does not match the schema (each field named by its path)',
      example[400],
    ),
    401: problemResponse('No valid bearer token', example[401]),
    403: problemResponse("The token's role may not do this", example[403]),
    429: problemResponse('Too many requests from this client', example[429]),
    500: problemResponse('Something went wrong; the request id identifies it in the logs', example[500]),
    503: problemResponse('The event store is not answering: retry after Retry-After seconds', example[503]),
  };
};

/** A case's answers: a case that does not exist. */
export const notFoundResponse = (instance: string) => ({
  404: problemResponse('No case with this id', commonProblemExamples(instance)[404]),
});

/** A referral opens a case, so it has no revision to match: only the key that makes a retry safe. */
export const ReferralHeadersSchema = CommandHeadersSchema.pick({ 'idempotency-key': true });

/** The error answers of a referral: the child already has an open case, and the body. */
export const referralProblemResponses = (instance: string, examples: ProblemExamples = {}) => {
  const example = { ...commonProblemExamples(instance), ...examples };
  return {
    ...problemResponses(instance, examples),
    409: problemResponse(
      'The case id a staff client chose is already a case of the other type',
      example[409],
    ),
    ...bodyProblemResponses(example),
  };
};

/** The error answers of a write: the case, its state, its revision, and the body. */
export const commandProblemResponses = (instance: string, examples: ProblemExamples = {}) => {
  const example = { ...commonProblemExamples(instance), ...examples };
  return {
    ...problemResponses(instance, examples),
    ...notFoundResponse(instance),
    409: problemResponse(
      "The case's state forbids the command (code: the domain error's), or the wrong case type",
      example[409],
    ),
    412: problemResponse('If-Match is stale: the case has changed', example[412]),
    ...bodyProblemResponses(example),
  };
};

/** The error answers of a request with a JSON body, beside `problemResponses`: too large, not JSON, wrong for the domain. */
export const bodyProblems = (instance: string, examples: ProblemExamples = {}) =>
  bodyProblemResponses({ ...commonProblemExamples(instance), ...examples });

const bodyProblemResponses = (example: ReturnType<typeof commonProblemExamples>) => ({
  413: problemResponse('The body is too large', example[413]),
  415: problemResponse('The body is not JSON', example[415]),
  422: problemResponse('A field is wrong for the domain (a date, a code, a required field)', example[422]),
});

export const security = [{ bearer: [] }];
