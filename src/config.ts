import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
/** A connection string of one of these schemes; not `.url()`, which refuses a cluster's `host1,host2` list. */
const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .refine(
      (value) => protocols.some((p) => value.startsWith(p) && value.length > p.length),
      `must be a connection string starting with ${protocols.join(' or ')}`,
    )
    .optional();

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Where identity comes from (the OIDC issuer, its keys) must be https: anyone on the path could otherwise
 * hand us keys and mint any role. Plain http is allowed only to this machine's loopback, and never in
 * production (tests and a developer's local issuer).
 */
export function isTrustedIdentityUrl(value: string, nodeEnv: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && nodeEnv !== 'production' && LOOPBACK_HOSTS.has(url.hostname);
}

/** Every setting sightline reads from its environment. Defaults are the embedded, single-machine ones. */
export const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    EVENT_STORE: z.enum(['sqlite', 'esdb']).default('sqlite'),
    SQLITE_PATH: z.string().min(1).default('./data/sightline.db'),
    ESDB_URL: optionalUrl(['esdb://', 'esdb+discover://']),
    ESDB_DEADLINE_MS: z.coerce.number().int().positive().default(10_000),
    /** How long an EventStoreDB read may wait for the server's next answer. */
    ESDB_READ_DEADLINE_MS: z.coerce.number().int().positive().default(10_000),
    REDIS_URL: optionalUrl(['redis://', 'rediss://']),
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only')
      .default('sightline'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port.default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    AUTH_MODE: z.enum(['local', 'oidc']).default('local'),
    /** HS256 secret for the embedded default; absent: one is generated and kept beside the SQLite file. */
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    AUTH_AUDIENCE: z.string().min(1).default('sightline'),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_AUDIENCE: z.string().min(1).optional(),
    OIDC_ROLE_CLAIM: z.string().min(1).default('roles'),
    /** The claim naming a panel member's panel (children_not_in_school or fair_access). */
    OIDC_PANEL_CLAIM: z.string().min(1).default('panel'),
    POLICY_FILE: z.string().min(1).optional(),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
    /** Requests a minute one person (a verified token's subject) may make to /v1. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
    /** Requests a minute one client address may make to /v1, refused tokens included; 10 × the above if unset. */
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().positive().optional(),
    /** Comma-separated webhook endpoints told of missed deadlines, escalations and high-risk cases. */
    WEBHOOK_URLS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((url) => url.trim())
          .filter((url) => url !== ''),
      )
      .pipe(z.array(z.url({ protocol: /^https?$/ }))),
    /** HMAC-SHA256 key for the `Sightline-Signature` header; required when WEBHOOK_URLS is set. */
    WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Delivery attempts of one webhook message before it is dead-lettered. */
    WEBHOOK_ATTEMPTS: z.coerce.number().int().positive().default(8),
    /** The daily sweep (cron, Europe/London): weekdays at 06:30 by default. */
    SWEEP_CRON: z.string().min(9).default('30 6 * * 1-5'),
    /** How often the embedded trigger (no Redis) sweeps for due clocks. */
    EMBEDDED_SWEEP_MS: z.coerce.number().int().positive().default(60_000),
  })
  .superRefine((env, ctx) => {
    if (env.EVENT_STORE === 'esdb' && !env.ESDB_URL) {
      ctx.addIssue({ code: 'custom', path: ['ESDB_URL'], message: 'is required when EVENT_STORE=esdb' });
    }
    if (env.WEBHOOK_URLS.length > 0 && !env.WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_SECRET'],
        message: 'is required when WEBHOOK_URLS is set',
      });
    }
    if (env.AUTH_MODE === 'oidc') {
      for (const key of ['OIDC_ISSUER', 'OIDC_AUDIENCE'] as const) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when AUTH_MODE=oidc' });
      }
      if (env.OIDC_ISSUER && !isTrustedIdentityUrl(env.OIDC_ISSUER, env.NODE_ENV)) {
        ctx.addIssue({
          code: 'custom',
          path: ['OIDC_ISSUER'],
          message: 'must be https (http only to localhost, and not in production)',
        });
      }
    }
  });

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment once; the error names every variable that is wrong and why. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const nonEmpty = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = ConfigSchema.safeParse(nonEmpty);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}
