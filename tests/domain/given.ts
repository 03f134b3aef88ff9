import { expect } from 'vitest';
import type { Decider } from '../../src/domain/decider.js';
import { DomainError } from '../../src/domain/decider.js';

/**
 * Scenario tests for any decider:
 *   const { given } = scenarios(decider, context);
 *   given(events).when(command).then(events | errorCode [, field]);
 * `then` with a string expects a DomainError with that code (and, when given, that field path).
 * `when(command, overrides)` overrides part of the context (another `now`, actor, policy).
 */
export function scenarios<Command, Event, State, Context>(
  decider: Decider<Command, Event, State, Context>,
  context: Context,
) {
  const given = (history: Event[] = []) => {
    const state = history.reduce(decider.evolve, decider.initialState());
    return {
      state,
      when(command: Command, overrides?: Partial<Context>) {
        const run = () => decider.decide(command, state, { ...context, ...overrides });
        return {
          /** The events decided, for assertions of your own. */
          events: (): Event[] => run(),
          // biome-ignore lint/suspicious/noThenProperty: given/when/then is the vocabulary; nothing awaits this object
          then(expected: Event[] | string, field?: string): Event[] {
            if (typeof expected === 'string') {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown, `expected DomainError ${expected}`).toBeInstanceOf(DomainError);
              const error = thrown as DomainError;
              expect(error.code).toBe(expected);
              if (field !== undefined) expect(error.field).toBe(field);
              return [];
            }
            const events = run();
            expect(events).toEqual(expected);
            return events;
          },
          /** Expects the command to be accepted; returns the events for partial checks. */
          thenAccepted(): Event[] {
            return run();
          },
        };
      },
    };
  };
  return { given };
}
