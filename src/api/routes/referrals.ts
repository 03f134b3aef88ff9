import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cmeCommandRoles, ReceiveCmeReferralBody } from '../../domain/cme/index.js';
import { ReceiveEheReferralBody } from '../../domain/ehe/index.js';
import { eheCommandRoles } from '../../domain/roles.js';
import { authorize } from '../auth.js';
import type { CommandServices } from '../case-commands.js';
import { type CommandResult, CommandResultSchema } from '../command-result.js';
import { DeletionReturnBody, DeletionReturnResultSchema, deletionReturnRoute } from '../deletion-returns.js';
import {
  cmeAgeProblem,
  cmeReferralExample,
  cmeReferralResultExample,
  deletionReturnResultExample,
  eheAgeProblem,
  eheReferralExample,
  eheReferralResultExample,
  referralProblemExamples,
} from '../examples-referrals.js';
import { ReferralHeadersSchema, referralProblemResponses, security } from '../http.js';
import { openCase } from '../open-case.js';
import { checkDuplicate, checkSchoolAge, newCaseId, ReferralOverridesSchema } from '../referral-checks.js';
import type { Projections } from '../views.js';

export interface ReferralRoutesOptions {
  [key: string]: unknown;
  services: CommandServices;
  projections: Projections;
}

const EheReferralRequest = ReceiveEheReferralBody.extend({
  caseId: z.uuid().optional().meta({ description: 'Chosen by the client, or derived from Idempotency-Key' }),
  ...ReferralOverridesSchema,
}).meta({ examples: [eheReferralExample] });
const CmeReferralRequest = ReceiveCmeReferralBody.extend({
  caseId: z.uuid().optional().meta({ description: 'Chosen by the client, or derived from Idempotency-Key' }),
  deliberateNewCase: ReferralOverridesSchema.deliberateNewCase,
}).meta({ examples: [cmeReferralExample] });

const opened = (example: CommandResult) =>
  CommandResultSchema.meta({
    description:
      'The case opened (Location names it): its first event, revision 0 and the summary with its clocks',
    examples: [example],
  });

/** Referrals: the schools' deletion returns and every other referral, each opening a case. */
export const referralRoutesPlugin: FastifyPluginAsyncZod<ReferralRoutesOptions> = async (
  app,
  { services, projections },
) => {
  app.post(
    '/v1/ehe-cases',
    {
      onRequest: authorize(eheCommandRoles.ReceiveEheReferral),
      schema: {
        summary: 'Open an EHE case from a referral',
        description:
          'Starts the allocation and first contact clocks (and the EHCP review clock for a child with an EHCP). ' +
          'A referral matching an open case for the same child answers 409 with existingCaseId.',
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
      const { deliberateNewCase, schoolAgeOverride, caseId, ...data } = request.body;
      const key = request.headers['idempotency-key'];
      const id = newCaseId(caseId, key);
      const extra = {
        ...checkSchoolAge(data.child.dateOfBirth, data.receivedOn, schoolAgeOverride),
        ...checkDuplicate(projections, data.child, deliberateNewCase, id),
      };
      const command = {
        caseType: 'ehe',
        command: { type: 'ReceiveEheReferral', data: { ...data, caseId: id } },
      } as const;
      return openCase(services, projections, request, reply, id, command, extra, key);
    },
  );

  app.post(
    '/v1/cme-cases',
    {
      onRequest: authorize(cmeCommandRoles.ReceiveCmeReferral),
      schema: {
        summary: 'Open a CME case from a referral',
        description:
          'Starts the allocation and tracing review clocks. The child must be of compulsory school age. ' +
          'A referral matching an open case for the same child answers 409 with existingCaseId.',
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
      const { deliberateNewCase, caseId, ...data } = request.body;
      const key = request.headers['idempotency-key'];
      const id = newCaseId(caseId, key);
      const extra = checkDuplicate(projections, data.child, deliberateNewCase, id);
      const command = {
        caseType: 'cme',
        command: { type: 'ReceiveCmeReferral', data: { ...data, caseId: id } },
      } as const;
      return openCase(services, projections, request, reply, id, command, extra, key);
    },
  );

  app.post(
    '/v1/deletion-returns',
    {
      onRequest: authorize(['referrer', 'officer', 'senior', 'manager']),
      schema: {
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
};
