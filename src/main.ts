#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { buildApp } from './api/server.js';
import { ConfigError, loadConfig } from './config.js';
import { openEventStore } from './eventstore/open.js';

const usage = `Usage: sightline [command]

Commands:
  all      run the API and everything it needs in one process (default)
  serve    run the API
  help     show this text
`;

async function serve(): Promise<void> {
  const config = loadConfig();
  const store = await openEventStore(config);
  const app = await buildApp({ config, store });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('shutdown took longer than SHUTDOWN_GRACE_MS; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);
    timer.unref();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  await app.listen({ host: config.HOST, port: config.PORT });
}

async function main(argv: string[]): Promise<void> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const command = positionals[0] ?? 'all';
  switch (command) {
    case 'all':
    case 'serve':
      return serve();
    case 'help':
      process.stdout.write(usage);
      return;
    default:
      process.stderr.write(`Unknown command: ${command}\n\n${usage}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
