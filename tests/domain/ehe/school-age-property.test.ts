import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isOfCompulsorySchoolAge } from '../../../src/domain/calendar/index.js';
import type { EheCommand, EheEvent } from '../../../src/domain/ehe/index.js';
import { eheDecider } from '../../../src/domain/ehe/index.js';
import { context } from './fixtures.js';
import { orderServedOn, springReferral, springRoute } from './sao-route.js';

/**
 * Issue 14's property: "no order exists for a child outside compulsory school age on the day of service"
 * (EA 1996 s.437(1) "a child of compulsory school age", s.437(4), s.8(3)), for dates of birth whose school
 * leaving date (or start) falls around the route, and any day of service.
 */
const route: EheCommand[] = springRoute;

describe('property: no order for a child outside compulsory school age on the day of service', () => {
  it('holds for any date of birth around the leaving date and any day of service', () => {
    const dateOfBirth = fc.constantFrom(
      '2010-08-31',
      '2010-09-01',
      '2010-06-26',
      '2009-12-31',
      '2011-02-28',
      '2021-04-01',
    );
    const servedOn = fc.integer({ min: 0, max: 200 }).map((n) => addCalendarDays('2026-04-10', n));
    fc.assert(
      fc.property(dateOfBirth, servedOn, (dob, served) => {
        const now = context({ now: new Date('2026-12-31T12:00:00Z') });
        let state = eheDecider.initialState();
        const events: EheEvent[] = [];
        const opening = springReferral(dob);
        const order = orderServedOn(served);
        for (const step of [opening, ...route, order]) {
          try {
            const decided = eheDecider.decide(step, state, now);
            state = decided.reduce(eheDecider.evolve, state);
            events.push(...decided);
          } catch {
            // refused: the next step meets the state as it is
          }
        }
        for (const event of events) {
          if (event.type === 'SchoolAttendanceOrderServed')
            expect(
              isOfCompulsorySchoolAge(dob, event.data.servedOn),
              `${dob} served ${event.data.servedOn}`,
            ).toBe(true);
        }
        // The generator reaches the order whenever the child is of compulsory school age that day.
        if (isOfCompulsorySchoolAge(dob, served) && isOfCompulsorySchoolAge(dob, '2026-03-26'))
          expect(events.some((e) => e.type === 'SchoolAttendanceOrderServed')).toBe(true);
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });
});
