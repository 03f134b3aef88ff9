import { finished, PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createEsdbEventStore } from '../../src/eventstore/esdb.js';
import { drainSourceWhenUnpiped } from '../../src/eventstore/esdb-client.js';
import { startEsdbTestServer } from '../support/esdb-test-server.js';

/**
 * Closing the store must not wait on reads the application stopped early or subscriptions it closed.
 * The client's dispose() waits for every gRPC stream it started to end; a stream whose consumer went away
 * is paused, so the end its cancel pushes is never read and dispose() waits for ever (a shutdown that
 * hung in the outage reliability test, and a stream kept per abandoned read for the process's life).
 */
const within = <T>(work: Promise<T>, ms: number) =>
  Promise.race([
    work.then(() => 'closed' as const),
    new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms)),
  ]);

describe('closing an EventStoreDB store', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('does not wait on a read the consumer stopped early or a closed subscription', async () => {
    const server = await startEsdbTestServer({ batchAppend: false });
    cleanups.push(() => server.stop());
    const store = createEsdbEventStore({ connectionString: server.connectionString, deadlineMs: 30_000 });
    // More events than the client's stream buffers hold, so the server is still sending when we stop.
    const events = Array.from({ length: 500 }, (_, index) => ({ type: 'Noted', data: { index } }));
    await store.append('case-1', events, 'no_stream');

    await store.append('case-2', events.slice(0, 2), 'no_stream');
    // Stopped after the first event, while the server's answer (two events and the call's status) arrives:
    // the race the outage test lost under load, run often enough to lose it here.
    for (let run = 0; run < 100; run++) {
      for await (const _ of store.readStream('case-2')) break;
      for await (const _ of store.readAll({ direction: 'backwards', maxCount: 1 })) break;
    }
    for await (const _ of store.readStream('case-1')) break;
    for await (const _ of store.readAll()) break;
    const subscription = store.subscribeToAll();
    for await (const _ of subscription) break;
    await subscription.close();

    expect(await within(store.close(), 5_000)).toBe('closed');
  });
});

describe('a gRPC stream whose reader was destroyed', () => {
  // The client's arrangement: its gRPC stream piped into the wrapper we read from.
  const piped = () => {
    const grpcStream = new Readable({ objectMode: true, read() {} });
    const wrapper = new PassThrough({ objectMode: true });
    return { grpcStream, wrapper };
  };
  const ends = (stream: Readable) =>
    within(new Promise<void>((resolve) => finished(stream, () => resolve())), 1_000);

  it('never ends on its own once its call completes: what kept the store from closing', async () => {
    const { grpcStream, wrapper } = piped();
    grpcStream.pipe(wrapper);
    wrapper.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    grpcStream.push(null); // the call's status arrives
    expect(await ends(grpcStream)).toBe('still waiting');
  });

  it('ends when the wrapper lets it drain', async () => {
    const { grpcStream, wrapper } = piped();
    drainSourceWhenUnpiped(wrapper);
    grpcStream.pipe(wrapper);
    grpcStream.push({ event: 1 });
    wrapper.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    grpcStream.push({ event: 2 });
    grpcStream.push(null);
    expect(await ends(grpcStream)).toBe('closed');
  });
});
