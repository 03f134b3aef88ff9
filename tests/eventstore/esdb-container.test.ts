/**
 * The contract suite against a real EventStoreDB (insecure single node, in memory) started by
 * testcontainers. Every case gets a fresh container: the contract expects an empty store per case.
 * Where no Docker engine answers, the suite is skipped and says so in one line.
 */
import { GenericContainer, getContainerRuntimeClient, type StartedTestContainer, Wait } from 'testcontainers';
import { describe, vi } from 'vitest';
import { createEsdbEventStore } from '../../src/eventstore/esdb.js';
import { eventStoreContract } from './contract.js';

const image = process.env.ESDB_TEST_IMAGE ?? 'eventstore/eventstore:24.10';
const skipReason = 'EventStoreDB container tests skipped: no Docker engine';

const dockerAnswers = await getContainerRuntimeClient().then(
  () => true,
  () => false,
);
if (!dockerAnswers) console.log(skipReason);

// The reporter lists the skipped suite under a title that says why.
const title = `EventStoreDB container (${image})${dockerAnswers ? '' : `: ${skipReason}`}`;
describe.skipIf(!dockerAnswers)(title, () => {
  // Starting a container takes seconds; the first run may also pull the image.
  vi.setConfig({ hookTimeout: 180_000, testTimeout: 60_000 });

  eventStoreContract(`EventStoreDB (container ${image})`, async () => {
    const container: StartedTestContainer = await new GenericContainer(image)
      .withEnvironment({
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_MEM_DB: 'true',
        EVENTSTORE_CLUSTER_SIZE: '1',
        EVENTSTORE_RUN_PROJECTIONS: 'None',
        EVENTSTORE_START_STANDARD_PROJECTIONS: 'false',
      })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
      .withStartupTimeout(120_000)
      .start();
    const connectionString = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
    const store = createEsdbEventStore({ connectionString, deadlineMs: 10_000 });
    return {
      store,
      dispose: async () => {
        await store.close();
        await container.stop();
      },
    };
  });
});
