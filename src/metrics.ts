import { collectDefaultMetrics, Registry } from 'prom-client';

/** The one Prometheus registry of the process: every module registers its metrics here, /metrics serves it. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });
