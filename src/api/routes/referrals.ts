import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cmeCommandRoles, ReceiveCmeReferralBody } from '../../domain/cme/index.js';
import { ReceiveEheReferralBody } from '../../domain/ehe/index.js';
import { eheCommandRoles } from '../../domain/ehe/roles.js';
import { overrideReasons } from '../../domain/referral-checks.js';
import { type CommandResult, CommandResultSchema, ReferralReceiptSchema } from '../cases/command-result.js';
import type { RouteDeps } from '../cases/commands.js';
import {
  DeletionReturnBody,
  DeletionReturnResultSchema,
  deletionReturnRoute,
} from '../cases/deletion-returns.js';
import {
  NewPupilReturnBody,
  NewPupilReturnResultSchema,
  newPupilReturnRoute,
} from '../cases/new-pupil-returns.js';
import { openCase } from '../cases/open.js';
import {
  assertSchoolAge,
  assertStaffOnlyFieldsAbsent,
  newCaseId,
  possibleDuplicatesOf,
  ReferralOverridesSchema,
} from '../cases/referral-checks.js';
import {
  cmeAgeProblem,
  cmeReferralExample,
  cmeReferralResultExample,
  deletionReturnResultExample,
  eheAgeProblem,
  eheReferralExample,
  eheReferralResultExample,
  newPupilReturnProblemExamples,
  newPupilReturnResultExample,
  referralProblemExamples,
} from '../examples/referrals.js';
import {
  bodyProblems,
  problemResponses,
  ReferralHeadersSchema,
  referralProblemResponses,
  security,
} from '../http.js';
import { actorOf, authorize } from '../plugins/auth.js';

const caseIdField = z
  .uuid()
  .optional()
  .meta({ description: 'Staff only: chosen by the client, or derived from Idempotency-Key' });
// The duplicate flag is the council's finding, never the client's say: it is not part of a request.
const EheReferralRequest = ReceiveEheReferralBody.omit({ possibleDuplicateOf: true })
  .extend({
    caseId: caseIdField,
    ...ReferralOverridesSchema,
  })
  .meta({ examples: [eheReferralExample] });
const CmeReferralRequest = ReceiveCmeReferralBody.omit({ possibleDuplicateOf: true })
  .extend({
    caseId: caseIdField,
    deliberateNewCase: ReferralOverridesSchema.deliberateNewCase,
  })
  .meta({ examples: [cmeReferralExample] });

const opened = (example: CommandResult) =>
  z.union([CommandResultSchema, ReferralReceiptSchema]).meta({
    description:
      'The case opened (Location names it). Staff get its events, revision (also the ETag) and clocks; a referrer gets a receipt only',
    examples: [example],
  });

/** Referrals: the schools' deletion returns and every other referral, each opening a case. */
export const referralRoutesPlugin: FastifyPluginAsyncZod<RouteDeps> = async (
  app,
  { services, projections },
) => {
  app.post(
    '/ehe-cases',
    {
      onRequest: authorize(eheCommandRoles.ReceiveEheReferral),
      schema: {
        operationId: 'referEheCase',
        summary: 'Open an EHE case from a referral',
        description:
          'Starts the allocation and first contact clocks (and the EHCP review clock for a child with an EHCP). ' +
          'A referral matching an open case for the same child (same UPN, or same name and date of birth) is ' +
          'accepted and flagged for the co-ordinator (PossibleDuplicateFlagged, on the dashboard).',
        tags: ['referrals'],
        security,
        headers: ReferralHeadersSchema,
        body: EheReferralRequest,
        response: {
          201: opened(eheReferralResultExample),
          ...referralProblemResponses(
            '/v1/ehe-cases',
            referralProblemExamples('/v1/ehe-cases', eheAgeProblem),
          ),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      assertStaffOnlyFieldsAbsent(actor, request.body);
      const { deliberateNewCase, schoolAgeOverride, caseId, ...data } = request.body;
      const key = request.headers['idempotency-key'];
      const id = newCaseId(caseId, key, 'ehe-case', actor);
      assertSchoolAge(data.child.dateOfBirth, data.receivedOn, schoolAgeOverride);
      const extra = overrideReasons({ schoolAgeOverride, deliberateNewCase });
      const possibleDuplicateOf = possibleDuplicatesOf(projections, data.child, deliberateNewCase, id);
      const command = {
        caseType: 'ehe',
        command: { type: 'ReceiveEheReferral', data: { ...data, caseId: id, possibleDuplicateOf } },
      } as const;
      return openCase(services, projections, request, reply, id, command, extra, key);
    },
  );

  app.post(
    '/cme-cases',
    {
      onRequest: authorize(cmeCommandRoles.ReceiveCmeReferral),
      schema: {
        operationId: 'referCmeCase',
        summary: 'Open a CME case from a referral',
        description:
          'Starts the allocation and tracing review clocks. The child must be of compulsory school age. ' +
          'A referral matching an open case for the same child is accepted and flagged for the co-ordinator.',
        tags: ['referrals'],
        security,
        headers: ReferralHeadersSchema,
        body: CmeReferralRequest,
        response: {
          201: opened(cmeReferralResultExample),
          ...referralProblemResponses(
            '/v1/cme-cases',
            referralProblemExamples('/v1/cme-cases', cmeAgeProblem),
          ),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      assertStaffOnlyFieldsAbsent(actor, request.body);
      const { deliberateNewCase, caseId, ...data } = request.body;
      const key = request.headers['idempotency-key'];
      const id = newCaseId(caseId, key, 'cme-case', actor);
      const extra = overrideReasons({ deliberateNewCase });
      const possibleDuplicateOf = possibleDuplicatesOf(projections, data.child, deliberateNewCase, id);
      const command = {
        caseType: 'cme',
        command: { type: 'ReceiveCmeReferral', data: { ...data, caseId: id, possibleDuplicateOf } },
      } as const;
      return openCase(services, projections, request, reply, id, command, extra, key);
    },
  );

  app.post(
    '/deletion-returns',
    {
      onRequest: authorize(['referrer', 'officer', 'senior', 'manager']),
      schema: {
        operationId: 'receiveDeletionReturn',
        summary: "Receive a school's deletion return (reg 13, 2024 Regulations)",
        description:
          "The parent's written notice of home education opens an EHE case; a pupil whose destination is " +
          'unknown opens a CME case; a pupil moved to a named school (or deleted on a ground that needs no ' +
          'case) is recorded only. Every return is kept in its own stream for the committee figures.',
        tags: ['referrals'],
        security,
        headers: ReferralHeadersSchema,
        body: DeletionReturnBody,
        response: {
          201: DeletionReturnResultSchema.meta({
            description: 'The return recorded, and the case it opened if any (Location names it)',
            examples: [deletionReturnResultExample],
          }),
          ...referralProblemResponses(
            '/v1/deletion-returns',
            referralProblemExamples('/v1/deletion-returns', eheAgeProblem),
          ),
        },
      },
    },
    async (request, reply) => deletionReturnRoute({ services, projections }, request, reply, request.body),
  );

  app.post(
    '/new-pupil-returns',
    {
      onRequest: authorize(['referrer', 'officer', 'senior', 'manager']),
      schema: {
        operationId: 'receiveNewPupilReturn',
        summary: "Receive a school's new pupil return (reg 13(1), 2024 Regulations)",
        description:
          'Due by the end of the fifth day after the pupil was entered in the admission register (`late` says ' +
          'whether it came after). The pupil is matched against open CME cases by UPN, or normalised names and ' +
          'date of birth: each match records the child found on roll at the school and proposes closing the ' +
          "case to its officer. A school is never told whether the child matched; staff see the cases' ids.",
        tags: ['referrals'],
        security,
        headers: ReferralHeadersSchema,
        body: NewPupilReturnBody,
        response: {
          201: NewPupilReturnResultSchema.meta({
            description: 'The return recorded',
            examples: [newPupilReturnResultExample],
          }),
          ...problemResponses('/v1/new-pupil-returns', newPupilReturnProblemExamples),
          ...bodyProblems('/v1/new-pupil-returns', newPupilReturnProblemExamples),
        },
      },
    },
    async (request, reply) => newPupilReturnRoute({ services, projections }, request, reply, request.body),
  );
};
