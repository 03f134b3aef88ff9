import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpProblem, ProblemSchema } from './errors.js';

/** A case's id: the UUID part of its stream. */
export const CaseParamsSchema = z.object({ caseId: z.uuid({ error: 'must be a case id (a UUID)' }) });

export const CommandHeadersSchema = z.object({
  'if-match': z
    .string()
    .optional()
    .meta({ description: 'The ETag the client last saw; a stale one answers 412', example: 'W/"3"' }),
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, 'must be 1 to 200 visible ASCII characters')
    .optional()
    .meta({ description: 'A repeat with the same key returns the first result and appends nothing' }),
});

export const etagOf = (revision: bigint): string => `W/"${revision}"`;

/** `If-Match: W/"3"` (or `"3"`) pins the revision; `*` or no header leaves the handler free to retry. */
export function expectedRevisionFrom(ifMatch: string | undefined): bigint | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(-1|\d{1,19})"\s*$/.exec(ifMatch);
  if (!match?.[1]) throw new HttpProblem(400, 'invalid_if_match', 'If-Match must be an ETag like W/"3"');
  return BigInt(match[1]);
}

export const requestMeta = (request: FastifyRequest) => {
  const correlation = request.headers['x-correlation-id'];
  return {
    correlationId: typeof correlation === 'string' && correlation.length <= 200 ? correlation : request.id,
    causationId: request.id,
  };
};

export const withEtag = (reply: FastifyReply, revision: bigint): FastifyReply =>
  reply.header('etag', etagOf(revision));

export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The error answers every authenticated route documents. */
export const problemResponses = {
  400: problemResponse('The request does not match the schema (each field named by its path)'),
  401: problemResponse('No valid bearer token'),
  403: problemResponse("The token's role may not do this"),
  429: problemResponse('Too many requests from this client'),
  500: problemResponse('Something went wrong; the request id identifies it in the logs'),
};

export const commandProblemResponses = {
  ...problemResponses,
  404: problemResponse('No case with this id'),
  409: problemResponse(
    "The case's state forbids the command (code: the domain error's), or the wrong case type",
  ),
  412: problemResponse('If-Match is stale: the case has changed'),
  413: problemResponse('The body is too large'),
  415: problemResponse('The body is not JSON'),
  422: problemResponse('A field is wrong for the domain (a date, a code, a required field)'),
};

export const security = [{ bearer: [] }];
