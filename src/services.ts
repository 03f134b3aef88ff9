import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import pino, { type Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from './config.js';
import { defaultPolicy, loadPolicy, type Policy } from './domain/policy.js';
import { openEventStore } from './eventstore/open.js';
import type { EventStore } from './eventstore/types.js';
import { createMetricsRegistry } from './metrics.js';
import { createProjectionMetrics, createProjections, type Projections } from './projections/index.js';

export interface Services {
  config: Config;
  logger: Logger;
  /** The process's Prometheus registry: the views, the workers and the API export their figures here. */
  registry: Registry;
  policy: Policy;
  store: EventStore;
  projections: Projections;
}

/** The council's policy file when one is configured, else the defaults of DOMAIN.md. */
export function readPolicy(config: Config): Policy {
  if (!config.POLICY_FILE) return defaultPolicy;
  const format = ['.yaml', '.yml'].includes(extname(config.POLICY_FILE)) ? 'yaml' : 'json';
  return loadPolicy(readFileSync(config.POLICY_FILE, 'utf8'), format);
}

/** Opens what every process of sightline needs: the store, the views that follow it, the metrics registry. */
export async function openServices(config: Config): Promise<Services> {
  const logger = pino({ level: config.LOG_LEVEL });
  const policy = readPolicy(config);
  const store = await openEventStore(config);
  const registry = createMetricsRegistry();
  const metrics = createProjectionMetrics(registry);
  const projections = createProjections(store, { logger, policy, metrics });
  return { config, logger, registry, policy, store, projections };
}
