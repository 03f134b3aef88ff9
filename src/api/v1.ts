import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './cases/commands.js';
import { authenticate, type TokenVerifier } from './plugins/auth.js';
import { routeNotFound } from './plugins/errors.js';
import { type RateLimits, rateLimitHooks } from './plugins/rate-limits.js';
import { arrangedAbsenceRoutesPlugin } from './routes/arranged-absences.js';
import { auditRoutesPlugin } from './routes/audit.js';
import { commandRoutesPlugin } from './routes/cases.js';
import { deletionReturnReportRoutesPlugin } from './routes/deletion-return-reports.js';
import { queryRoutesPlugin } from './routes/queries.js';
import { referralRoutesPlugin } from './routes/referrals.js';
import { registerRoutesPlugin } from './routes/register.js';
import { registerExportRoutesPlugin } from './routes/register-export.js';
import { reportRoutesPlugin } from './routes/reports.js';

export interface V1Options extends RouteDeps {
  verify: TokenVerifier;
  limits: RateLimits;
}

/**
 * The authenticated API, registered with the prefix `/v1`. Its hooks apply to its routes and to its own 404
 * handler (so an unknown /v1 path is refused 401 before it is 404), and to nothing outside it: health,
 * metrics and the documentation stay open and cacheable.
 */
export async function v1Api(v1: FastifyInstance, options: V1Options): Promise<void> {
  const { verify, limits, services, projections } = options;
  // Not `...rest`: Fastify adds this plugin's `prefix` to its options, and the route groups would repeat it.
  const deps = { services, projections };
  v1.decorateRequest('actor', null);
  const limit = await rateLimitHooks(v1, limits);
  // Order matters: the address is counted before the token is checked, the actor after.
  v1.addHook('onRequest', limit.byAddress);
  v1.addHook('onRequest', authenticate(verify));
  v1.addHook('onRequest', limit.byActor);
  v1.addHook('onSend', async (_request, reply) => {
    // Case data is personal data: no shared or browser cache may keep a copy.
    reply.header('cache-control', 'no-store');
  });
  v1.setNotFoundHandler(routeNotFound);

  await v1.register(referralRoutesPlugin, deps);
  await v1.register(arrangedAbsenceRoutesPlugin, deps);
  await v1.register(commandRoutesPlugin, deps);
  await v1.register(queryRoutesPlugin, deps);
  await v1.register(auditRoutesPlugin, deps);
  await v1.register(reportRoutesPlugin, deps);
  await v1.register(deletionReturnReportRoutesPlugin, deps);
  await v1.register(registerRoutesPlugin, deps);
  await v1.register(registerExportRoutesPlugin, deps);
}
