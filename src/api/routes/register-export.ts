import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { londonDate } from '../../domain/calendar/index.js';
import { registerBasisOn } from '../../domain/register/commencement.js';
import { readRoles } from '../../domain/roles.js';
import { registerRecords } from '../../projections/register-export.js';
import { recordCaseRead } from '../access-log.js';
import type { RouteDeps } from '../cases/commands.js';
import { boundedDate, notADate } from '../date-bounds.js';
import { validationProblemExample } from '../examples/index.js';
import { registerExportExample } from '../examples/register.js';
import { problemResponses, security } from '../http.js';
import { actorOf, authorize } from '../plugins/auth.js';

/*
 * The Children Not In School register (EA 1996 s.436B, inserted by CWSA 2026 s.38) as record-level data, one
 * record per child (projections/register-export.ts), for the return the DfE is expected to collect once the
 * register commences. Whole-register data with identifiers: only the manager who submits the council's
 * returns and auditors may take it, and each child's read is logged before the answer.
 */

const date = z.string().meta({ format: 'date' });
const BasisSchema = z.enum(['statutory', 'voluntary']);

export const RegisterRecordSchema = z
  .object({
    LAchildID: z
      .string()
      .meta({ description: "The council's id for the child: the case id of the register entry" }),
    UPN: z.string().nullable().meta({ description: 'Unique pupil number, null when not recorded' }),
    PersonBirthDate: date,
    Sex: z.enum(['F', 'M', 'U']).meta({ description: 'As the children in need census item N00783' }),
    NCyearActual: z
      .string()
      .meta({ description: 'National curriculum year by age on the reference date: R, 1 … 11' }),
    eligibility: z.object({
      conditions: z
        .array(z.enum(['A', 'B', 'C(a)', 'C(b)', 'C(c)']))
        .meta({ description: 'The conditions of s.436B(3)-(5) met on the reference date' }),
      standing: z.enum(['entry', 'candidate']),
      onRegisterSince: date,
      basis: BasisSchema,
      statutorySince: date.optional(),
    }),
    senProvision: z
      .enum(['N', 'K', 'E'])
      .nullable()
      .meta({ description: 'As the school census codes it, at the reference date; null when not known' }),
    missingInformation: z.array(z.string()).meta({ description: 'The s.436C information not yet held' }),
    caseIds: z.array(z.string()).meta({ description: 'Every case of this child on the register that day' }),
  })
  .meta({ id: 'RegisterRecord' });

export const RegisterExportSchema = z
  .object({
    header: z.object({
      collection: z.literal('children-not-in-school-register'),
      specification: z.literal('sightline-register-export-1').meta({
        description:
          'No DfE register return is specified yet: this shape anticipates one, using the children in need census item names where one exists',
      }),
      referenceDate: date,
      basis: BasisSchema,
      commencement: date.nullable(),
      policyVersion: z.string(),
      generatedAt: z.string().meta({ format: 'date-time' }),
      recordCount: z.number().int(),
    }),
    children: z.array(RegisterRecordSchema),
  })
  .meta({ id: 'RegisterExport' });

/** Why the register leaves the API (EA 1996 s.436F limits the use of register information); logged. */
const ExportPurposeSchema = z.enum(['dfe_return', 'council_planning', 'audit']).meta({
  description:
    "Why the register is exported, recorded with the read in the access log: dfe_return (the council's return to the DfE), council_planning (the council's own analysis and planning), audit",
  examples: ['dfe_return'],
});

const ExportQuerySchema = z.object({
  on: boundedDate
    .optional()
    .meta({ description: 'The reference date; today by default', examples: ['2025-12-01'] }),
  purpose: ExportPurposeSchema,
});

export const registerExportRoutesPlugin: FastifyPluginAsyncZod<RouteDeps> = async (
  app,
  { services, projections },
) => {
  const instance = '/v1/register/export';
  app.get(
    '/register/export',
    {
      onRequest: authorize(readRoles.registerExport),
      schema: {
        operationId: 'exportRegister',
        summary: 'The register on a day as record-level data, one record per child (EA 1996 s.436B)',
        description:
          'Every child on the register on the reference date once, however many of their cases are on it (the same UPN, or the same names and date of birth); for the council’s return. Names and addresses are not in it. The purpose is required and recorded with the read in the access log (s.436F).',
        tags: ['register'],
        security,
        querystring: ExportQuerySchema,
        response: {
          200: RegisterExportSchema.meta({ examples: [registerExportExample] }),
          ...problemResponses(instance, {
            400: validationProblemExample(instance, 'querystring.on', notADate),
          }),
        },
      },
    },
    async (request) => {
      const { on = londonDate(services.now()), purpose } = request.query;
      const commencement = services.policy.commencement.cnisRegister;
      const entries = projections.register.on({ on, commencement });
      const children = registerRecords(entries, (caseId) => {
        const summary = projections.caseSummary.get(caseId);
        if (!summary) {
          // A school's arranged-absence pupil has no case record: the register keeps what the school gave.
          const reported = projections.register.reportedChild(caseId);
          return (
            reported && { upn: reported.upn, sex: reported.sex, senStatus: reported.senStatus ?? 'unknown' }
          );
        }
        const { upn, sex } = summary.child;
        return { upn, sex, senStatus: projections.statistics.senStatusOn(caseId, on) };
      });
      const now = services.now();
      await recordCaseRead(services.store, {
        actor: actorOf(request),
        caseIds: children.flatMap((child) => child.caseIds),
        route: request.routeOptions.url ?? request.url,
        purpose,
        requestId: request.id,
        clientRequestId: request.clientRequestId,
        at: now,
      });
      return {
        header: {
          collection: 'children-not-in-school-register' as const,
          specification: 'sightline-register-export-1' as const,
          referenceDate: on,
          basis: registerBasisOn(commencement, on),
          commencement,
          policyVersion: services.policy.version,
          generatedAt: now.toISOString(),
          recordCount: children.length,
        },
        children,
      };
    },
  );
};
