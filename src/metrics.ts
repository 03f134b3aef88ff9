import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The Prometheus registry of one process, with the process's own figures (memory, event loop). The
 * composition root (services.ts) creates it and hands it to the views, the workers and the API, each of which
 * registers its metrics on it; /metrics serves it. No module keeps one, so several apps in one process (the
 * tests) never register the same metric name twice.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
