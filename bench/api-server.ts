/**
 * The server side of bench/api.ts, in its own process so that autocannon and the server do not share one
 * event loop: `tsx bench/api-server.ts sightline <sqlite file>` or `tsx bench/api-server.ts bare`.
 * Prints `{"port":N}` once listening; stops on SIGTERM.
 */
import Fastify from 'fastify';
import { buildApp } from '../src/api/server.js';
import { loadConfig } from '../src/config.js';
import { createSqliteEventStore } from '../src/eventstore/sqlite.js';
import { createProjections } from '../src/projections/index.js';

export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-42';

async function sightline(path: string) {
  const config = loadConfig({ LOG_LEVEL: 'silent', SQLITE_PATH: path, AUTH_SECRET: BENCH_SECRET });
  const store = createSqliteEventStore({ path });
  const projections = createProjections(store, { exportMetrics: false });
  await projections.start();
  const app = await buildApp({ config, store, projections, limits: { requestsPerMinute: 100_000_000 } });
  return {
    app,
    close: async () => {
      await app.close();
      await projections.close();
      await store.close();
    },
  };
}

/**
 * Bare Fastify: a constant answer, and a precomputed JSON body of any size (`/sized/N`, N bytes), the second
 * baseline of issue 16: what sending a read scenario's bytes costs with nothing else to do.
 */
async function bare() {
  const app = Fastify();
  app.get('/constant', async () => ({ status: 'ok' }));
  const bodies = new Map<number, string>();
  app.get<{ Params: { bytes: string } }>('/sized/:bytes', async (request, reply) => {
    const bytes = Math.max(20, Math.min(Number(request.params.bytes) || 0, 10_000_000));
    let body = bodies.get(bytes);
    if (body === undefined) {
      body = JSON.stringify({ padding: 'x'.repeat(bytes - 14) });
      bodies.set(bytes, body);
    }
    return reply.type('application/json; charset=utf-8').send(body);
  });
  return { app, close: () => app.close() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [kind, path] = process.argv.slice(2);
  const server = kind === 'bare' ? await bare() : await sightline(path ?? '');
  const address = await server.app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`${JSON.stringify({ port: Number(new URL(address).port) })}\n`);
  process.once('SIGTERM', () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
