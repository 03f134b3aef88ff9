import { createCodec, type Upcasters } from '../codec.js';
import { eheEvents } from './events.js';

/** How older stored versions of EHE events are lifted to the current one (none yet); see `createCodec`. */
export const eheUpcasters: Upcasters<typeof eheEvents> = {};

/** Writes EHE events with their schema version and reads them back, upcast, through their schemas. */
export const eheCodec = createCodec(eheEvents, eheUpcasters, 'EHE');
