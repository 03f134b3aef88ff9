import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A port nobody listens on now; the server is restarted on the same one after every kill. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port from the OS');
  return address.port;
}

export interface ServerEnvironment {
  sqlitePath: string;
  port: number;
  authSecret: string;
}

/** The environment of every child: the embedded store, no Redis, a known secret, quiet logs. */
export function serverEnv(options: ServerEnvironment): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    EVENT_STORE: 'sqlite',
    SQLITE_PATH: options.sqlitePath,
    HOST: '127.0.0.1',
    PORT: String(options.port),
    AUTH_SECRET: options.authSecret,
    // Every request would log at info: at full speed the child would spend its core writing logs.
    LOG_LEVEL: 'warn',
    REDIS_URL: '',
    POLICY_FILE: '',
    // A crash-safety test, not a test of the limits: the load drives a few actors from one address, and
    // the allowance now follows the actor and the address, however many tokens it mints.
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
}

const OUTPUT_KEPT = 20_000;

/**
 * `sightline <command>` as a child process, without a build step. node itself runs src/main.ts (tsx as a
 * loader, not the tsx CLI, which would put a second process between SIGKILL and the server).
 */
export class SightlineProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private output = '';

  constructor(args: string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: process.cwd(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-OUTPUT_KEPT);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  /** The last lines the child wrote, for a failure's message. */
  recentOutput(): string {
    return this.output;
  }

  isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async killHard(): Promise<void> {
    if (this.isRunning()) this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** Resolves once `/health/ready` answers 200; fails if the child exits or takes longer than `timeoutMs`. */
export async function waitUntilReady(server: SightlineProcess, url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!server.isRunning()) throw new Error(`sightline exited while starting:\n${server.recentOutput()}`);
    const ready = await fetch(`${url}/health/ready`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`sightline was not ready within ${timeoutMs} ms:\n${server.recentOutput()}`);
}
