import type { CnisEvent } from './events.js';
import type { CnisState } from './state.js';

/** Exhaustive: an event type with no step fails to compile. An event on no case leaves the state as it was. */
export function evolve(state: CnisState, event: CnisEvent): CnisState {
  switch (event.type) {
    case 'ArrangedAbsenceRecorded': {
      const { caseId, receivedOn, pupil, school, arrangement } = event.data;
      return {
        status: 'open',
        caseId,
        referredOn: receivedOn,
        pupil,
        school,
        arrangement,
        arrangedSince: arrangement.from,
        ended: null,
        allocatedOfficer: null,
        clocks: {},
        possibleDuplicateOf: [],
      };
    }
    case 'ArrangedAbsenceChanged':
      return state.status === 'none' ? state : { ...state, arrangement: event.data.arrangement };
    case 'ArrangedAbsenceEnded': {
      if (state.status === 'none') return state;
      const { lastDay, reason } = event.data;
      return { ...state, status: 'closed', ended: { lastDay, reason } };
    }
  }
}
