import { DomainError } from '../domain/decider.js';
import type { EventFilter, EventStore, RecordedEvent, Subscription } from '../eventstore/types.js';
import { CaseIdConflictError } from './case-summary.js';
import type { ProjectionMetrics } from './metrics.js';
import type { Logger, Projections } from './types.js';

/**
 * Keeps views current from `$all`: catch-up from the start of the log, then live. Given a filter, only the
 * events it matches are read (by the store, not here: the access log, one event per read anyone makes, never
 * reaches the views); `waitFor` still works for any position an append returned, by waiting for the last
 * matching event at or before it. Every event read moves the position, applied or not. An event the views
 * cannot read is a poison event: logged with its position and stream, counted, and skipped (the views
 * apply all of an event or none of it, so skipping leaves them consistent, and a rebuild skips it too).
 */
export type ProjectionRuntime = Pick<
  Projections,
  'start' | 'close' | 'position' | 'waitFor' | 'lag' | 'caughtUp'
>;

export interface RuntimeOptions {
  store: EventStore;
  /** Applies one event to the views; throws for an event it cannot apply. */
  apply: (recorded: RecordedEvent) => void;
  logger?: Logger;
  /** Where the runtime counts what it applied and skipped. */
  metrics: ProjectionMetrics;
  /** Off for a throwaway rebuild, so the live instance's gauge is the one exported. */
  exportPosition?: boolean;
  /** The only events the views read; all of them when absent. */
  filter?: EventFilter;
}

interface Waiter {
  position: bigint;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class WaitForTimeoutError extends Error {
  override readonly name = 'WaitForTimeoutError';
  readonly code = 'projection_wait_timeout';
}

const RESUBSCRIBE_AFTER_MS = 1000;

/** The position of the last event (matching `filter`) at or before `at`, or the log's last; -1 for none. */
export async function headPosition(store: EventStore, filter?: EventFilter, at?: bigint): Promise<bigint> {
  const read = store.readAll({
    direction: 'backwards',
    maxCount: 1,
    ...(filter ? { filter } : {}),
    ...(at === undefined ? {} : { fromPosition: at }),
  });
  for await (const last of read) return last.position;
  return -1n;
}

export function createProjectionRuntime(options: RuntimeOptions): ProjectionRuntime {
  const { store, apply, logger, metrics, filter } = options;
  let applied = -1n;
  let caughtUpAt: bigint | undefined;
  let isCaughtUp = false;
  let subscription: Subscription | undefined;
  let closed = false;
  let waiters: Waiter[] = [];
  let onCaughtUp: (() => void) | undefined;
  const unknownTypesLogged = new Set<string>();
  const exportPosition = options.exportPosition !== false;
  let sinceExported = 0;
  let unexportedApplied = 0;

  /** Counters are updated in batches while catching up, where an update per event would show. */
  function exportFigures(): void {
    if (unexportedApplied > 0) metrics.eventsApplied.inc(unexportedApplied);
    unexportedApplied = 0;
    if (exportPosition) metrics.position.set(Number(applied));
  }

  function settleWaiters(): void {
    if (waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of waiters) {
      if (waiter.position <= applied) {
        clearTimeout(waiter.timer);
        waiter.resolve();
      } else still.push(waiter);
    }
    waiters = still;
  }

  function markCaughtUp(): void {
    if (isCaughtUp) return;
    isCaughtUp = true;
    onCaughtUp?.();
  }

  function applyOne(recorded: RecordedEvent): void {
    try {
      apply(recorded);
      unexportedApplied++;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'unknown_event_type') {
        metrics.unknownEventTypes.inc({ type: recorded.type });
        if (!unknownTypesLogged.has(recorded.type)) {
          unknownTypesLogged.add(recorded.type);
          logger?.warn({ type: recorded.type, stream: recorded.stream }, 'views skip an unknown event type');
        }
      } else if (error instanceof CaseIdConflictError) {
        metrics.caseIdConflicts.inc();
        logger?.error(
          { caseId: error.caseId, known: error.known, found: error.found, stream: recorded.stream },
          'a case id holds two case types: this case is missing from every view',
        );
      } else {
        metrics.poisonEvents.inc();
        logger?.error(
          {
            position: recorded.position.toString(),
            stream: recorded.stream,
            type: recorded.type,
            err: error,
          },
          'views skipped an event they cannot apply',
        );
      }
    }
    applied = recorded.position;
  }

  async function follow(): Promise<void> {
    while (!closed) {
      try {
        // After a failure: caught up again once the log's end as it is now has been applied.
        caughtUpAt ??= await headPosition(store, filter);
        if (applied >= caughtUpAt) markCaughtUp();
        subscription = store.subscribeToAll({
          ...(applied >= 0n ? { fromPosition: applied } : {}),
          ...(filter ? { filter } : {}),
        });
        for await (const recorded of subscription) {
          applyOne(recorded);
          if (!isCaughtUp && caughtUpAt !== undefined && applied >= caughtUpAt) markCaughtUp();
          settleWaiters();
          // Every event once live; every 1024 while catching up, where a gauge update per event would show.
          if (isCaughtUp || (++sinceExported & 1023) === 0) exportFigures();
        }
      } catch (error) {
        if (closed) return;
        // Until the subscription is back and has caught up, readiness must not say the views are current.
        isCaughtUp = false;
        caughtUpAt = undefined;
        logger?.error(
          { err: error, position: applied.toString() },
          'view subscription failed; resubscribing',
        );
        await new Promise((resolve) => setTimeout(resolve, RESUBSCRIBE_AFTER_MS));
      }
    }
  }

  /**
   * The events the filter leaves out never arrive: once `position` is in the log, the views are at it when
   * they hold the last event they read at or before it (every position up to one an append returned is
   * committed). A position not in the log yet is waited for as it is.
   */
  async function lastReadAtOrBefore(position: bigint): Promise<bigint> {
    const matching = await headPosition(store, filter, position);
    if (matching === position) return position;
    return (await headPosition(store, undefined, position)) === position ? matching : position;
  }

  return {
    async start() {
      const head = await headPosition(store, filter);
      caughtUpAt = head;
      const ready = new Promise<void>((resolve) => {
        onCaughtUp = resolve;
      });
      void follow();
      await ready;
    },
    async close() {
      closed = true;
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('views closed'));
      }
      waiters = [];
      await subscription?.close();
    },
    position: () => applied,
    async waitFor(position, timeoutMs = 5000) {
      if (position <= applied) return;
      const target = filter ? await lastReadAtOrBefore(position) : position;
      if (target <= applied) return;
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          position: target,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters = waiters.filter((w) => w !== waiter);
            reject(
              new WaitForTimeoutError(`views did not reach position ${position} within ${timeoutMs} ms`),
            );
          }, timeoutMs),
        };
        waiters.push(waiter);
      });
    },
    async lag() {
      const head = await headPosition(store, filter);
      return head > applied ? head - applied : 0n;
    },
    caughtUp: () => isCaughtUp,
  };
}
