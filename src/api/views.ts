/** The views the API reads: the projections module's interface, in one place. */
export type {
  CaseSummary,
  DeadlineStatus,
  OpenDeadline,
  Projections,
} from '../projections/index.js';
