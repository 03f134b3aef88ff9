import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../domain/roles.js';
import { actorOf, authenticate, type TokenVerifier } from './plugins/auth.js';
import { HttpProblem, sendProblem, toProblem } from './plugins/errors.js';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** The domain's roles: `admin` (IT) runs the queues, a `manager` watches the clocks they carry. */
const boardRoles: readonly Role[] = ['admin', 'manager'];
const lookOnly = new Set(['GET', 'HEAD']);

export interface QueueBoardOptions {
  queues: readonly Queue[];
  verify: TokenVerifier;
}

/** Who may do what here: anyone else is refused before bull-board sees the request. */
function checkAccess(request: FastifyRequest): void {
  const { role } = actorOf(request);
  if (!boardRoles.includes(role)) {
    throw new HttpProblem(403, 'forbidden', `the ${role} role may not see the queues`);
  }
  if (role !== 'admin' && !lookOnly.has(request.method)) {
    throw new HttpProblem(403, 'forbidden', `the ${role} role may look at the queues, not change them`);
  }
}

/**
 * bull-board at /admin/queues, behind the same bearer tokens as /v1. Job payloads hold case ids and clock
 * names, no case data, so showing them discloses nothing the roles here may not read.
 */
export async function queueBoard(
  scope: FastifyInstance,
  { queues, verify }: QueueBoardOptions,
): Promise<void> {
  const authenticateBearer = authenticate(verify);
  scope.decorateRequest('actor', null);
  // bull-board sets its own error handler on its routes, so a refusal is answered here rather than thrown.
  scope.addHook('onRequest', async function (request, reply) {
    try {
      await authenticateBearer.call(this, request, reply, () => {});
      checkAccess(request);
    } catch (error) {
      const { problem, headers } = toProblem(error, request);
      return sendProblem(reply, problem, headers);
    }
  });
  // Only an admin sees the board's buttons; the hook above refuses a manager's change either way.
  scope.addHook('onSend', async (request, _reply, payload) => {
    if (request.actor?.role === 'admin' || typeof payload !== 'string') return payload;
    if (!request.url.split('?')[0]?.endsWith('/api/queues')) return payload;
    const body = JSON.parse(payload) as { queues?: { readOnlyMode: boolean }[] };
    for (const queue of body.queues ?? []) queue.readOnlyMode = true;
    return JSON.stringify(body);
  });
  const serverAdapter = new FastifyAdapter();
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue)), serverAdapter });
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
}
