import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('defaults to the embedded store, no Redis, local auth', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ EVENT_STORE: 'sqlite', SQLITE_PATH: './data/sightline.db', PORT: 3000 });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.AUTH_MODE).toBe('local');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ EVENT_STORE: 'postgres' }, 'EVENT_STORE'],
    [{ EVENT_STORE: 'esdb' }, 'ESDB_URL'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL'],
    [{ AUTH_SECRET: 'short' }, 'AUTH_SECRET'],
    [{ AUTH_MODE: 'oidc' }, 'OIDC_ISSUER'],
    [{ REDIS_PREFIX: 'a:b' }, 'REDIS_PREFIX'],
    [{ WEBHOOK_URLS: 'https://tools.example/hook' }, 'WEBHOOK_SECRET'],
    [{ WEBHOOK_URLS: 'ftp://tools.example/hook', WEBHOOK_SECRET: 'x'.repeat(16) }, 'WEBHOOK_URLS.0'],
  ])('rejects %o naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}:`));
  });

  it('reads webhook URLs as a comma-separated list and defaults the weekday sweep', () => {
    const config = loadConfig({
      WEBHOOK_URLS: 'https://a.example/h, http://b.example/h',
      WEBHOOK_SECRET: 'x'.repeat(16),
    });
    expect(config.WEBHOOK_URLS).toEqual(['https://a.example/h', 'http://b.example/h']);
    expect(loadConfig({}).SWEEP_CRON).toBe('30 6 * * 1-5');
    expect(loadConfig({}).WEBHOOK_URLS).toEqual([]);
  });

  it('accepts a cluster connection string listing several nodes', () => {
    const url = 'esdb://n1:2113,n2:2113,n3:2113?tls=false&nodePreference=leader';
    expect(loadConfig({ EVENT_STORE: 'esdb', ESDB_URL: url }).ESDB_URL).toBe(url);
  });

  it('accepts EventStoreDB with its connection string', () => {
    expect(loadConfig({ EVENT_STORE: 'esdb', ESDB_URL: 'esdb://localhost:2113?tls=false' }).ESDB_URL).toBe(
      'esdb://localhost:2113?tls=false',
    );
  });
});
