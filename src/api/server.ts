import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { EventStore } from '../eventstore/types.js';

export interface AppDependencies {
  config: Config;
  store: EventStore;
}

/** Builds the HTTP application; tests call it with in-memory dependencies. */
export async function buildApp({ config, store }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    bodyLimit: 256 * 1024,
  });

  app.get('/health/live', async () => ({ status: 'ok' }));

  app.get('/health/ready', async (_request, reply) => {
    try {
      for await (const _ of store.readAll({ direction: 'backwards', maxCount: 1 })) break;
      return { status: 'ok', checks: { eventStore: 'ok' } };
    } catch (error) {
      app.log.warn({ err: error }, 'event store not reachable');
      return reply.code(503).send({ status: 'unavailable', checks: { eventStore: 'unreachable' } });
    }
  });

  return app;
}
