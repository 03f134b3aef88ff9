import { type AddressInfo, createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStoreUnavailableError } from '../../src/eventstore/errors.js';
import { createEsdbEventStore } from '../../src/eventstore/esdb.js';
import type { EventStore } from '../../src/eventstore/types.js';
import { startEsdbTestServer } from '../support/esdb-test-server.js';

/** A server that accepts connections and never says a word: a hung or partitioned EventStoreDB node. */
async function startSilentServer() {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const drain = async (events: AsyncIterable<unknown>) => {
  let count = 0;
  for await (const _ of events) count++;
  return count;
};

/** Settles with what `work` settled with, or 'still waiting' after `ms`: the test's own safety net. */
const within = <T>(work: Promise<T>, ms: number) =>
  Promise.race([
    work.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    ),
    new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms)),
  ]);

describe('EventStoreDB reads have a deadline', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const open = (connectionString: string, readDeadlineMs: number): EventStore => {
    const store = createEsdbEventStore({ connectionString, deadlineMs: 300, readDeadlineMs });
    cleanups.push(() => store.close());
    return store;
  };

  it('a stream read and a $all read from a server that never answers fail as unavailable', async () => {
    const silent = await startSilentServer();
    cleanups.push(() => silent.close());
    const store = open(silent.connectionString, 300);
    const reads = {
      stream: drain(store.readStream('case-1')),
      all: drain(store.readAll()),
      head: drain(store.readAll({ direction: 'backwards', maxCount: 1 })),
    };
    for (const [name, read] of Object.entries(reads)) {
      const outcome = await within(read, 10_000);
      expect(outcome, name).not.toBe('still waiting');
      expect((outcome as { error?: unknown }).error, name).toBeInstanceOf(EventStoreUnavailableError);
    }
  });

  it('the deadline bounds each wait for the server, not the whole read', async () => {
    const server = await startEsdbTestServer({ batchAppend: false });
    cleanups.push(() => server.stop());
    const store = open(server.connectionString, 200);
    await store.append(
      'case-2',
      [
        { type: 'One', data: {} },
        { type: 'Two', data: {} },
      ],
      'no_stream',
    );
    const types: string[] = [];
    for await (const event of store.readStream('case-2')) {
      types.push(event.type);
      // A slow consumer: longer than the deadline between two events.
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    expect(types).toEqual(['One', 'Two']);
  });
});
