import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';

const root = join(import.meta.dirname, '../..');
const composeFiles = ['docker-compose.yml', 'docker-compose.cluster.yml'];
/** What an operator puts in .env; everything else has a default in the files. */
const operatorEnv = { AUTH_SECRET: 'a-test-secret-that-is-at-least-32-characters' };
/** What sightline needs, in EventStoreDB mode, from every one of its containers. */
const requiredInEsdbMode = [
  'EVENT_STORE',
  'ESDB_URL',
  'REDIS_URL',
  'REDIS_PREFIX',
  'PORT',
  'HOST',
  'LOG_LEVEL',
  'AUTH_MODE',
  'AUTH_SECRET',
];

/** Compose's ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error} and $$. */
function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(
    /\$\$|\$\{(\w+)(?:(:?[-?])([^}]*))?\}/g,
    (match, name?: string, op?: string, arg?: string) => {
      if (match === '$$') return '$';
      const value = env[name!];
      const missing = op?.startsWith(':') ? !value : value === undefined;
      if (!missing || !op) return value ?? '';
      if (op.endsWith('?')) throw new Error(`${name}: ${arg}`);
      return arg ?? '';
    },
  );
}

interface Service {
  build?: unknown;
  image?: string;
  command?: string[];
  environment?: Record<string, string | number | null>;
  depends_on?: Record<string, unknown>;
  healthcheck?: unknown;
  volumes?: string[];
  networks?: string[] | Record<string, { aliases?: string[] } | null>;
}

/** The services a host name reaches: the service of that name, or those with it as a network alias. */
const servicesAnswering = (services: Record<string, Service>, host: string) =>
  Object.entries(services)
    .filter(
      ([name, service]) =>
        name === host ||
        (service.networks &&
          !Array.isArray(service.networks) &&
          Object.values(service.networks).some((n) => n?.aliases?.includes(host))),
    )
    .map(([name]) => name);

const load = (file: string) =>
  parse(interpolate(readFileSync(join(root, file), 'utf8'), operatorEnv), { merge: true }) as {
    services: Record<string, Service>;
  };

const composeAvailable = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
if (!composeAvailable) {
  console.log(
    '*** docker-compose not installed: compose files NOT schema-checked (apt-get install docker-compose) ***',
  );
}

describe.each(composeFiles)('%s', (file) => {
  it.skipIf(!composeAvailable)(
    'passes `docker-compose config` (schema, unknown options, interpolation)',
    () => {
      const result = spawnSync('docker-compose', ['-f', file, 'config', '--quiet'], {
        cwd: root,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, ...operatorEnv },
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    },
  );

  it('refuses to start without AUTH_SECRET rather than run with a guessable one', () => {
    expect(() => interpolate(readFileSync(join(root, file), 'utf8'), {})).toThrow(/AUTH_SECRET/);
  });

  const { services } = load(file);
  const sightline = Object.entries(services).filter(([, service]) => service.build !== undefined);

  it('runs the API and the workers from the Dockerfile', () => {
    expect(sightline.map(([, s]) => s.command?.[0]).sort()).toEqual(['serve', 'work']);
  });

  for (const [name, service] of sightline) {
    const environment = Object.fromEntries(
      Object.entries(service.environment ?? {}).map(([key, value]) => [
        key,
        value == null ? '' : String(value),
      ]),
    );

    it(`${name}: sets every variable EventStoreDB mode needs, and the config accepts them`, () => {
      for (const key of requiredInEsdbMode) expect(environment[key], key).toBeTruthy();
      const config = loadConfig(environment);
      expect(config).toMatchObject({ EVENT_STORE: 'esdb', HOST: '0.0.0.0', AUTH_MODE: 'local' });
    });

    it(`${name}: reaches EventStoreDB and Redis through services of this file, started healthy first`, () => {
      const hosts = [new URL(environment.ESDB_URL!).hostname, new URL(environment.REDIS_URL!).hostname];
      for (const host of hosts) {
        const answering = servicesAnswering(services, host);
        expect(answering, host).not.toEqual([]);
        for (const target of answering) {
          expect(service.depends_on?.[target]).toEqual({ condition: 'service_healthy' });
          expect(services[target]?.healthcheck).toBeDefined();
        }
      }
    });
  }

  it('keeps EventStoreDB and Redis data in named volumes; Redis with AOF and noeviction', () => {
    const stateful = Object.entries(services).filter(([, s]) => /eventstore|redis/.test(s.image ?? ''));
    expect(stateful.length).toBeGreaterThan(1);
    for (const [, service] of stateful) {
      expect(service.volumes?.some((v) => /^[a-z0-9-]+:\/(var\/lib\/eventstore|data)$/.test(v))).toBe(true);
    }
    const redis = stateful.find(([, s]) => s.image?.startsWith('redis'))?.[1];
    expect(redis?.command?.join(' ')).toMatch(/--appendonly yes.*--maxmemory-policy noeviction/);
  });
});
