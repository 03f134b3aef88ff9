import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { referral } from '../domain/ehe/fixtures.js';
import { cleanupsAfterEach } from '../support/cleanups.js';
import { embeddedTrigger, eventsOf, fakeClock, headPosition, openStore, record } from './support.js';

const cleanups = cleanupsAfterEach();

/** The register commences on Wednesday 10 June 2026 (EA 1996 s.436B, CWSA 2026 s.38). */
const policy: Policy = {
  ...defaultPolicy,
  commencement: { ...defaultPolicy.commencement, cnisRegister: '2026-06-10' },
};

describe('the daily sweep starts the register duties of children already on it when it commences', () => {
  it('on the day, once: the 15-day consideration runs from commencement and shows among the deadlines', async () => {
    const store = openStore();
    cleanups.push(() => store.close());
    const clock = fakeClock('2026-06-01T10:00:00Z');
    const before = randomUUID();
    await record(store, before, referral({ caseId: before, receivedOn: '2026-06-01' }), clock, policy);
    const { projections, sweepAt } = await embeddedTrigger(store, clock, cleanups, { policy });

    await sweepAt('2026-06-09T08:00:00Z');
    expect(await eventsOf(store, before, 'RegisterDutiesCommenced')).toEqual([]);
    await sweepAt('2026-06-10T08:00:00Z');
    await sweepAt('2026-06-11T08:00:00Z');
    const commenced = await eventsOf(store, before, 'RegisterDutiesCommenced');
    expect(commenced.map((event) => event.data)).toEqual([
      expect.objectContaining({
        commencedOn: '2026-06-10',
        registeredOn: '2026-06-01',
        recordedBy: 'sightline-clock-worker',
      }),
    ]);
    await projections.waitFor(await headPosition(store));
    const open = projections.deadlines.open().filter((deadline) => deadline.caseId === before);
    expect(open.find((deadline) => deadline.clock === 'registerHomeVisitDecision')).toMatchObject({
      dueOn: '2026-06-24',
    });
    expect(projections.register.awaitingDuties('2026-06-11', '2026-06-10')).toEqual([]);
  });
});
