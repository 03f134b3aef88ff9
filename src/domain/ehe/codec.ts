import { createCodec, type Upcasters } from '../codec.js';
import { eheEvents } from './events.js';

type Stored = Record<string, unknown>;

/**
 * How older stored versions of EHE events are lifted to the current one; see `createCodec`. Each step is
 * pure and fills what the old version did not record with "unknown" (null) or with what it then meant.
 */
export const eheUpcasters: Upcasters<typeof eheEvents> = {
  // v1 did not ask whether the school was maintained (unknown: no governing-body window is required of it)
  // or excluded the child (no exclusion was recorded).
  SchoolConsulted: {
    1: (data) => ({ ...(data as Stored), maintained: null, childPermanentlyExcluded: false }),
  },
  // v1's `place_offered_elsewhere` recorded the offer on `chosenOn`, not the application.
  SchoolChosenByParent: {
    1: (data) => {
      const { chosenOn, kind, ...rest } = data as Stored;
      if (kind === 'named_school') return data;
      return {
        ...rest,
        kind: 'application_elsewhere',
        applicationMadeOn: null,
        notifiedOn: null,
        offeredOn: chosenOn,
      };
    },
  },
  // v1 followed any prosecution, and always ran the statute's eight weeks.
  EsoDirectionReceived: {
    1: (data) => ({ ...(data as Stored), convictedOn: null, reasonsPeriod: 'statute' }),
  },
};

/** Writes EHE events with their schema version and reads them back, upcast, through their schemas. */
export const eheCodec = createCodec(eheEvents, eheUpcasters, 'EHE');
