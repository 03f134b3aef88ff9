#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { mintToken } from './api/plugins/auth.js';
import { buildApp } from './api/server.js';
import { ConfigError, loadConfig } from './config.js';
import { PanelSchema } from './domain/ehe/commands.js';
import { RoleSchema } from './domain/roles.js';
import { createProgress } from './progress.js';
import { rebuildAndCheck } from './projections/index.js';
import { seedCouncil } from './seed/council.js';
import { openServices, type Services } from './services.js';
import { allQueues, createQueueSet, startWorkers } from './workers/index.js';
import { createRedisReadiness } from './workers/redis-readiness.js';

const usage = `Usage: sightline [command] [options]

Commands:
  all                      API, views and deadline workers in one process (default)
  serve                    API and views only
  work                     deadline workers only (BullMQ when REDIS_URL is set)
  rebuild                  replay the whole log into fresh views and check them
  token --sub ID --role R [--panel P] [--expires 8h]
                           mint a bearer token for the embedded (local) auth mode (a panel member's names
                           their panel: children_not_in_school or fair_access); it lives 8h, at most 12h
  seed --cases N [--seed S] fill the store with a synthetic council's history (demos, benchmarks)
  help                     show this text
`;

type Closer = { close(): Promise<void> };

/** Runs until SIGTERM/SIGINT, then closes everything in reverse order within the grace period. */
function closeOnSignal(services: Services, closers: Closer[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    services.logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      services.logger.error('shutdown took longer than SHUTDOWN_GRACE_MS; exiting');
      process.exit(1);
    }, services.config.SHUTDOWN_GRACE_MS);
    timer.unref();
    try {
      for (const closer of [...closers].reverse()) await closer.close();
      await services.projections.close();
      await services.store.close();
      process.exit(0);
    } catch (error) {
      services.logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

async function run(parts: { api: boolean; workers: boolean }): Promise<void> {
  const config = loadConfig();
  const services = await openServices(config);
  const closers: Closer[] = [];
  closeOnSignal(services, closers);
  await services.projections.start();
  if (parts.workers) closers.push(await startWorkers(services));
  if (parts.api) {
    const redis = config.REDIS_URL ? createRedisReadiness(config.REDIS_URL) : undefined;
    if (redis) closers.push(redis);
    // The API's own handles on the queues, for /admin/queues: it reads and (for an admin) retries jobs.
    const queueSet = config.REDIS_URL
      ? createQueueSet({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX, logger: services.logger })
      : undefined;
    if (queueSet) closers.push(queueSet);
    const app = await buildApp({
      ...services,
      logger: services.logger,
      ...(redis ? { checkRedis: redis.check } : {}),
      ...(queueSet ? { queues: allQueues(queueSet) } : {}),
    });
    closers.push(app);
    await app.listen({ host: config.HOST, port: config.PORT });
  }
}

async function rebuild(): Promise<void> {
  const config = loadConfig();
  const services = await openServices(config);
  const progress = createProgress(process.stdout, 'events');
  try {
    // The views as a running process would hold them, to compare the fresh replay against.
    progress.phase('starting the live views from the log');
    await services.projections.start();
    const head = Number(services.projections.position());
    progress.phase('replaying the log into fresh views');
    const report = await rebuildAndCheck(services.store, services.projections, {
      // Positions grow with the log, so the share of the head reached estimates the events still to read.
      onProgress: (events, position) =>
        progress.update(events, Number(position) > 0 ? (events * head) / Number(position) : undefined),
      onComparing: () => progress.phase('comparing them with the live views'),
    });
    progress.finish();
    const line = `${report.events} events in ${report.seconds.toFixed(2)} s (${Math.round(report.eventsPerSecond)} events/s)`;
    process.stdout.write(`rebuilt: ${line}\n`);
    for (const event of report.skipped) {
      process.stdout.write(
        `  skipped ${event.type} at ${event.position} in ${event.stream}: ${event.reason}\n`,
      );
    }
    process.stdout.write(
      report.consistent ? 'consistency check: views equal\n' : 'consistency check: FAILED\n',
    );
    for (const difference of report.differences) process.stdout.write(`  ${difference}\n`);
    if (!report.consistent) process.exitCode = 1;
  } finally {
    await services.projections.close();
    await services.store.close();
  }
}

async function token(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      sub: { type: 'string' },
      role: { type: 'string' },
      panel: { type: 'string' },
      expires: { type: 'string' },
    },
  });
  const role = RoleSchema.safeParse(values.role);
  if (!values.sub || !role.success) {
    throw new ConfigError(`token needs --sub ID and --role one of ${RoleSchema.options.join(', ')}`);
  }
  const panel = PanelSchema.safeParse(values.panel);
  if (role.data === 'panel' && !panel.success) {
    throw new ConfigError(`a panel member's token needs --panel one of ${PanelSchema.options.join(', ')}`);
  }
  const config = loadConfig();
  if (config.AUTH_MODE !== 'local') throw new ConfigError('token mints tokens only in AUTH_MODE=local');
  const minted = await mintToken(config, {
    sub: values.sub,
    role: role.data,
    ...(role.data === 'panel' && panel.success ? { panel: panel.data } : {}),
    expiresIn: values.expires ?? '8h',
  });
  process.stdout.write(`${minted}\n`);
}

async function seed(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { cases: { type: 'string' }, seed: { type: 'string' } } });
  const cases = Number(values.cases);
  if (!Number.isInteger(cases) || cases <= 0)
    throw new ConfigError('seed needs --cases N, a positive whole number');
  const config = loadConfig();
  const services = await openServices(config);
  try {
    const progress = createProgress(process.stdout, 'cases');
    progress.phase(`seeding a council of about ${cases * 3} cases`);
    const result = await seedCouncil(services.store, {
      cases,
      policy: services.policy,
      onProgress: (done, total) => progress.update(done, total),
      ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
    });
    progress.finish();
    process.stdout.write(
      `seeded ${result.eheCases} EHE and ${result.cmeCases} CME cases: ${result.events} events in ${result.seconds.toFixed(1)} s\n`,
    );
  } finally {
    await services.projections.close();
    await services.store.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command = 'all', ...rest] = argv;
  switch (command) {
    case 'all':
      return run({ api: true, workers: true });
    case 'serve':
      return run({ api: true, workers: false });
    case 'work':
      return run({ api: false, workers: true });
    case 'rebuild':
      return rebuild();
    case 'token':
      return token(rest);
    case 'seed':
      return seed(rest);
    case 'help':
    case '--help':
      process.stdout.write(usage);
      return;
    default:
      process.stderr.write(`Unknown command: ${command}\n\n${usage}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
