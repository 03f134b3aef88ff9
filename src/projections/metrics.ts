import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '../metrics.js';

/** The views' own figures; the API's `sightline_view_lag_events` gauge reads `lag()`. */
export const projectionMetrics = {
  eventsApplied: new Counter({
    name: 'sightline_projection_events_applied_total',
    help: 'Case events applied to the views',
    registers: [metricsRegistry],
  }),
  poisonEvents: new Counter({
    name: 'sightline_projection_poison_events_total',
    help: 'Events the views could not apply and skipped (logged with position and stream)',
    registers: [metricsRegistry],
  }),
  caseIdConflicts: new Counter({
    name: 'sightline_projection_case_id_conflicts_total',
    help: 'Events of a case stream whose id already names a case of the other type (logged with both types)',
    registers: [metricsRegistry],
  }),
  unknownEventTypes: new Counter({
    name: 'sightline_projection_unknown_event_types_total',
    help: 'Events of a type the views do not know, skipped',
    labelNames: ['type'],
    registers: [metricsRegistry],
  }),
  position: new Gauge({
    name: 'sightline_projection_position',
    help: 'Last global position applied to the views',
    registers: [metricsRegistry],
  }),
};
