import { createCalendar } from '../domain/calendar/index.js';
import { caseStreamPrefixes } from '../domain/case-types.js';
import type { Policy } from '../domain/policy.js';
import type { EventFilter, EventStore, RecordedEvent } from '../eventstore/types.js';
import type { Logger } from '../logger.js';
import type { DueClockJob } from './clock-jobs.js';
import { createOpenClocks, planForEvent } from './clock-jobs.js';
import { enqueueDueClocks, removeDueClockJobs } from './enqueue.js';
import type { QueueSet } from './queues.js';

export interface ClockSchedulerDeps {
  store: EventStore;
  queues: QueueSet;
  policy: Policy;
  logger: Logger;
  now: () => Date;
  /** Called for each live event once its clock jobs are in Redis, before the checkpoint moves past it. */
  onEvent?: (event: RecordedEvent) => Promise<void>;
  /** Called after the jobs were rebuilt because Redis lost its data under a running scheduler. */
  onRedisLost?: () => Promise<void>;
}

export interface ClockScheduler {
  /** Resolves once caught up with the log as it was at start; then follows it live. */
  start(): Promise<void>;
  close(): Promise<void>;
  /** The last position whose jobs are in Redis (-1n before any). */
  position(): bigint;
}

/** Clocks live in the cases' streams only: the store leaves the rest (the access log above all) out. */
const caseStreams: EventFilter = { streamPrefixes: [...caseStreamPrefixes] };
/**
 * Only ever moves forward, so two schedulers at once cannot drag each other's checkpoint back. A live save
 * never creates the key: a checkpoint gone missing means Redis lost its data (and every job with it), and
 * writing a fresh one would hide that from the next start, which rebuilds only when there is none. Returns 0
 * when a live save found no checkpoint.
 */
const SAVE_IF_GREATER = `
local current = redis.call('GET', KEYS[1])
if (not current) and ARGV[2] == 'live' then return 0 end
if (not current) or tonumber(current) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
return 1`;

/**
 * Follows `$all` from a checkpoint kept in Redis beside the jobs, and keeps one delayed job per open clock.
 * The checkpoint moves only after an event's jobs are in Redis; job ids are deterministic, so replaying from
 * any earlier checkpoint, or two schedulers at once, add nothing twice. No checkpoint means Redis lost its
 * data (or never had it): every open clock is rebuilt from the log.
 */
export function createClockScheduler(deps: ClockSchedulerDeps): ClockScheduler {
  const { store, queues, logger } = deps;
  const calendar = createCalendar(deps.policy.calendar);
  const ctx = { policy: deps.policy, calendar, now: deps.now };
  const checkpointKey = `${queues.prefix}:clock-scheduler:checkpoint`;
  let position = -1n;
  let closing = false;
  let subscription: ReturnType<EventStore['subscribeToAll']> | undefined;
  let following: Promise<void> | undefined;

  /** False when a live save finds the checkpoint gone: Redis lost its data. */
  async function saveCheckpoint(at: bigint, mode: 'live' | 'rebuilt'): Promise<boolean> {
    // Before any checkpoint (a new log), the first live event creates it.
    const how = mode === 'live' && position >= 0n ? 'live' : 'create';
    const saved = await queues.redis.eval(SAVE_IF_GREATER, 1, checkpointKey, at.toString(), how);
    if (saved === 0) return false;
    position = at;
    queues.metrics.schedulerPosition.set(Number(at));
    return true;
  }

  /**
   * `checkpointAt`: where the live stream is, when rebuilding under it. The checkpoint stays there, not at
   * the log's end, so that the events in between are still applied (their removals included) after a stop.
   */
  async function rebuild(checkpointAt?: bigint): Promise<void> {
    const open = createOpenClocks();
    let last: bigint | undefined;
    for await (const event of store.readAll({ filter: caseStreams })) {
      open.apply(event);
      last = event.position;
    }
    const jobs = [...open.jobs()];
    // A few batches in flight at once: Redis is the bottleneck, and it pipelines.
    const batches: DueClockJob[][] = [];
    for (let i = 0; i < jobs.length; i += 1_000) batches.push(jobs.slice(i, i + 1_000));
    const inFlight = 4;
    for (let i = 0; i < batches.length; i += inFlight) {
      await Promise.all(batches.slice(i, i + inFlight).map((batch) => enqueueDueClocks(queues, batch, ctx)));
    }
    const count = jobs.length;
    const at = checkpointAt ?? last;
    if (at !== undefined) await saveCheckpoint(at, 'rebuilt');
    logger.warn(
      { jobs: count, position: last?.toString() },
      'clock scheduler rebuilt every open clock from the log',
    );
  }

  async function apply(event: RecordedEvent): Promise<void> {
    const plan = planForEvent(event);
    if (plan.remove.length > 0) await removeDueClockJobs(queues, plan.remove);
    if (plan.add.length > 0) await enqueueDueClocks(queues, plan.add, ctx);
    await deps.onEvent?.(event);
    if (await saveCheckpoint(event.position, 'live')) return;
    logger.error(
      { position: event.position.toString() },
      'clock scheduler checkpoint gone from Redis: Redis lost its data; rebuilding every open clock',
    );
    await rebuild(event.position);
    await deps.onRedisLost?.();
  }

  async function follow(from: bigint | undefined, caughtUp: () => void): Promise<void> {
    let head = -1n;
    for await (const last of store.readAll({ direction: 'backwards', maxCount: 1, filter: caseStreams }))
      head = last.position;
    if (from === undefined ? head < 0n : from >= head) caughtUp();
    while (!closing) {
      try {
        subscription = store.subscribeToAll({
          ...(position >= 0n ? { fromPosition: position } : {}),
          filter: caseStreams,
        });
        for await (const event of subscription) {
          await apply(event);
          if (event.position >= head) caughtUp();
          if (closing) break;
        }
      } catch (error) {
        if (closing) break;
        logger.error(
          { err: String(error), position: position.toString() },
          'clock scheduler failed; resuming',
        );
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  return {
    async start() {
      const saved = await queues.redis.get(checkpointKey);
      if (saved === null) await rebuild();
      else position = BigInt(saved);
      await new Promise<void>((resolve, reject) => {
        following = follow(position >= 0n ? position : undefined, resolve);
        following.catch(reject);
      });
    },
    async close() {
      closing = true;
      await subscription?.close();
      await following?.catch(() => undefined);
    },
    position: () => position,
  };
}
