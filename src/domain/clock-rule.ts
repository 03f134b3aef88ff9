import type { ClockName } from './policy.js';

/**
 * What one event type does to clocks.
 * - `starts`: clocks the event may start; the event's `clocksStarted` says which it did, with their due
 *   dates. Starting a clock that is already open restarts or moves it (the new due date replaces the old).
 * - `stops`: clocks the event always stops (`'all'`: every open clock of the case).
 * - `mayStop`: clocks the event stops only when its `clocksStopped` lists them.
 * Stops apply before starts, so an event may stop and restart the same clock.
 *
 * Apart from clocks.ts because each case type's clock table (ehe/clock-table.ts, cme/clock-table.ts) is
 * typed by it and clocks.ts merges those tables: the tables import this file, not clocks.ts.
 */
export interface ClockRule {
  readonly starts?: readonly ClockName[];
  readonly stops?: readonly ClockName[] | 'all';
  readonly mayStop?: readonly ClockName[];
}
export type ClockTable = Readonly<Record<string, ClockRule>>;
