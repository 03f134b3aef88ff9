import { Counter, Gauge, type Registry } from 'prom-client';

/** The views' own figures, on the registry they are handed; the API's `sightline_view_lag_events` gauge reads `lag()`. */
export const createProjectionMetrics = (registry: Registry) => ({
  eventsApplied: new Counter({
    name: 'sightline_projection_events_applied_total',
    help: 'Case events applied to the views',
    registers: [registry],
  }),
  poisonEvents: new Counter({
    name: 'sightline_projection_poison_events_total',
    help: 'Events the views could not apply and skipped (logged with position and stream)',
    registers: [registry],
  }),
  caseIdConflicts: new Counter({
    name: 'sightline_projection_case_id_conflicts_total',
    help: 'Events of a case stream whose id already names a case of the other type (logged with both types)',
    registers: [registry],
  }),
  unknownEventTypes: new Counter({
    name: 'sightline_projection_unknown_event_types_total',
    help: 'Events of a type the views do not know, skipped',
    labelNames: ['type'],
    registers: [registry],
  }),
  position: new Gauge({
    name: 'sightline_projection_position',
    help: 'Last global position applied to the views',
    registers: [registry],
  }),
});
export type ProjectionMetrics = ReturnType<typeof createProjectionMetrics>;
