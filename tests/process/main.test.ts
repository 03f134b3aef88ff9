import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** Starts `sightline all` on the embedded defaults and resolves with the address it listens on. */
function startSightline(dataDir: string): { child: ChildProcess; address: Promise<string> } {
  const child = spawn(tsx, ['src/main.ts', 'all'], {
    env: {
      ...process.env,
      SQLITE_PATH: join(dataDir, 'events.db'),
      PORT: '0',
      LOG_LEVEL: 'info',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const address = new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`sightline did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/i.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`sightline exited with ${code}:\n${output}`)));
  });
  return { child, address };
}

describe('the sightline process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sightline-process-'));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves on the embedded defaults and exits 0 on SIGTERM', async () => {
    const { child, address } = startSightline(dataDir);
    const url = await address;
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
