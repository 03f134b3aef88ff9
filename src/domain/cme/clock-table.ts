import type { ClockTable } from '../clocks.js';

/** Placeholder until the CME decider lands: which CME events start and stop which clocks. */
export const cmeClockTable: ClockTable = {};
