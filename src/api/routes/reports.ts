import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CommandServices } from '../case-commands.js';
import type { Projections } from '../views.js';

export interface ReportRoutesOptions {
  [key: string]: unknown;
  services: CommandServices;
  projections: Projections;
}

/** DfE returns and committee figures (JSON, or CSV by Accept: text/csv). */
export const reportRoutesPlugin: FastifyPluginAsyncZod<ReportRoutesOptions> = async () => {};
