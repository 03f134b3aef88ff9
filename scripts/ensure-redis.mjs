// Makes sure the Redis the tests use answers: REDIS_URL, or a local redis-server started on demand.
import { spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';

const url = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
const host = url.hostname || '127.0.0.1';
const port = Number(url.port || 6379);

const ping = () =>
  new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (await ping()) process.exit(0);

const local = ['127.0.0.1', 'localhost', '::1'].includes(host);
const hasServer = spawnSync('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' }).status === 0;
if (!local || !hasServer) {
  console.error(
    `Redis does not answer at ${url.href}. The worker tests need a real Redis:\n` +
      '  install it (Debian/Ubuntu: sudo apt-get install redis-server) and run this again,\n' +
      '  or set REDIS_URL to a Redis you may use for tests (they use their own key prefix and clean up).',
  );
  process.exit(1);
}

console.error(`Redis does not answer at ${host}:${port}; starting a local redis-server for the tests`);
const started = spawnSync(
  'redis-server',
  [
    '--daemonize',
    'yes',
    '--bind',
    host === 'localhost' ? '127.0.0.1' : host,
    '--port',
    String(port),
    '--save',
    '',
    '--appendonly',
    'no',
  ],
  { stdio: 'inherit' },
);
if (started.status !== 0) process.exit(1);
for (let i = 0; i < 50; i++) {
  if (await ping()) process.exit(0);
  await sleep(100);
}
console.error('redis-server was started but does not answer');
process.exit(1);
