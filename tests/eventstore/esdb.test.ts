import { createEsdbEventStore } from '../../src/eventstore/esdb.js';
import { startEsdbTestServer } from '../support/esdb-test-server.js';
import { eventStoreContract } from './contract.js';

for (const batchAppend of [false, true]) {
  eventStoreContract(`EventStoreDB (test server, ${batchAppend ? 'BatchAppend' : 'Append'})`, async () => {
    const server = await startEsdbTestServer({ batchAppend });
    const store = createEsdbEventStore({ connectionString: server.connectionString, deadlineMs: 5000 });
    return {
      store,
      dispose: async () => {
        await store.close();
        await server.stop();
      },
    };
  });
}
