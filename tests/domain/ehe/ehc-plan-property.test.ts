import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/decider.js';
import type { EheCommand, EheEvent, EheState } from '../../../src/domain/ehe/index.js';
import { eheDecider, planOn } from '../../../src/domain/ehe/index.js';
import { context } from './fixtures.js';
import { otherSchool, planSchool, routeFor, step } from './sao-plan-fixtures.js';

const NOW = new Date('2026-10-01T09:00:00Z');
const date = fc.constantFrom(
  '2026-06-24',
  '2026-06-25',
  '2026-06-29',
  '2026-06-30',
  '2026-07-01',
  '2026-07-14',
  '2026-07-20',
  '2026-08-03',
);
const school = fc.constantFrom(planSchool, otherSchool);

/** The steps after expediency, in any order and on any of the route's days: the plan comes and goes. */
const oneStep: fc.Arbitrary<EheCommand> = fc.oneof(
  fc.tuple(fc.boolean(), date).map(([ehcp, on]) => step.flags(ehcp ? ['ehcp'] : [], on)),
  fc.tuple(fc.option(school, { nil: null }), date).map(([s, on]) => step.planSchool(s, on)),
  date.map((on) => step.planAmendmentRequest(on)),
  date.map((on) => step.consult(on)),
  date.map((on) => step.noticeOfIntention(on)),
  fc.tuple(date, school).map(
    ([on, s]) =>
      ({
        type: 'RecordParentSchoolChoice',
        data: { chosenOn: on, kind: 'named_school', school: s },
      }) as EheCommand,
  ),
  fc.tuple(school, date).map(([s, on]) => step.order(s, on)),
);
/** One step, or the s.438 route in a row (consultation, notice, order after the parent's 15 days). */
const planSteps: fc.Arbitrary<readonly EheCommand[]> = fc.oneof(
  { weight: 6, arbitrary: oneStep.map((c) => [c]) },
  {
    weight: 1,
    arbitrary: fc.constant([step.consult(), step.noticeOfIntention(), step.order(otherSchool, '2026-07-14')]),
  },
);

/** The day of the step an s.438-route event records. */
function s438Day(event: EheEvent): string | null {
  if (event.type === 'SchoolConsulted') return event.data.consultedOn;
  if (event.type === 'Section438NoticeServed') return event.data.servedOn;
  if (event.type === 'SchoolChosenByParent')
    return event.data.kind === 'named_school' ? event.data.chosenOn : event.data.applicationMadeOn;
  return null;
}

describe('a child with an EHC plan, whatever the order of the steps', () => {
  it('for a child with a plan no s.438 event is ever written, and an order names the plan school', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.boolean(), fc.array(planSteps, { maxLength: 20 }), (plan, batches) => {
        let state: EheState = routeFor(plan).state;
        for (const command of batches.flat()) {
          let events: EheEvent[];
          try {
            events = eheDecider.decide(command, state, context({ now: NOW }));
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            reached.add((error as DomainError).code);
            continue;
          }
          for (const event of events) {
            const day = s438Day(event);
            if (day !== null) expect(planOn(state.ehcPlan, day), `${event.type} on ${day}`).toBeNull();
            if (event.type === 'SchoolAttendanceOrderServed') {
              const onService = planOn(state.ehcPlan, event.data.servedOn);
              reached.add(onService ? 'plan order' : 's.438 order');
              expect(event.data.legalBasis).toBe(onService ? 'EA1996_s441' : 'EA1996_s437_3');
              if (onService) expect(event.data.school).toEqual(onService.namedSchool);
            }
          }
          state = events.reduce(eheDecider.evolve, state);
        }
      }),
      { numRuns: 300, seed: 20261203 },
    );
    // Guards the generator: both branches reached, and the plan's refusals met.
    expect([...reached]).toEqual(
      expect.arrayContaining([
        'plan order',
        's.438 order',
        'not_for_child_with_ehc_plan',
        'ehc_plan_names_no_school',
      ]),
    );
  });
});
