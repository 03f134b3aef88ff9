import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import { createProjections, rebuildAndCheck } from '../../src/projections/index.js';
import { councilHistory } from './history.js';

const today = '2026-09-15';

const stepArbitrary = fc.record({
  caseIndex: fc.nat({ max: 5 }),
  action: fc.nat({ max: 9 }),
  variant: fc.nat({ max: 5 }),
  daysLater: fc.nat({ max: 6 }),
});

describe('views and restarts', () => {
  it('a random valid history gives the same views in one pass as in two halves across a restart', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(stepArbitrary, { maxLength: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (caseCount, steps, split) => {
          const appends = councilHistory(caseCount, steps);
          const half = Math.floor(appends.length * split);
          const store = createSqliteEventStore({ path: ':memory:', pollIntervalMs: 10 });
          try {
            const before = createProjections(store, { today: () => today, exportMetrics: false });
            await before.start();
            for (const { stream, events } of appends.slice(0, half))
              await store.append(stream, events, 'any');
            await before.waitFor(before.position() < 0n ? -1n : 0n);
            await before.close();

            const after = createProjections(store, { today: () => today, exportMetrics: false });
            await after.start();
            let last = after.position();
            for (const { stream, events } of appends.slice(half))
              last = (await store.append(stream, events, 'any')).position;
            await after.waitFor(last);
            const report = await rebuildAndCheck(store, after, { today });
            expect(report.differences).toEqual([]);
            expect(report.events).toBe(appends.reduce((sum, a) => sum + a.events.length, 0));
            await after.close();
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
