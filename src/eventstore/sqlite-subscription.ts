import type { RecordedEvent, Subscription } from './types.js';

const PAGE_SIZE = 1000;

interface PollingSubscriptionOptions {
  /** Events strictly after `after`, at most `pageSize`. */
  readPage: (after: bigint, pageSize: number) => RecordedEvent[];
  from: bigint;
  pollIntervalMs: number;
  /** Woken by this process's commits; the poll catches other processes' commits. */
  listeners: Set<() => void>;
  onClose: () => void;
}

/** Catch-up then live: reads pages until the end of the log, then sleeps until woken or the poll fires. */
export function createPollingSubscription(options: PollingSubscriptionOptions): Subscription {
  let closed = false;
  let wake: (() => void) | null = null;
  const onAppend = () => wake?.();
  options.listeners.add(onAppend);

  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  async function* deliver(): AsyncGenerator<RecordedEvent> {
    let last = options.from;
    try {
      while (!closed) {
        const page = options.readPage(last, PAGE_SIZE);
        for (const event of page) {
          if (closed) return;
          last = event.position;
          yield event;
        }
        if (page.length < PAGE_SIZE && !closed) await sleep();
      }
    } finally {
      options.listeners.delete(onAppend);
    }
  }

  const iterator = deliver();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      if (closed) return;
      closed = true;
      wake?.();
      options.listeners.delete(onAppend);
      options.onClose();
      await iterator.return(undefined);
    },
  };
}
