import { createCodec, type Upcasters } from '../codec.js';
import { cmeEvents } from './events.js';

/** How older stored versions of CME events are lifted to the current one (none yet); see `createCodec`. */
export const cmeUpcasters: Upcasters<typeof cmeEvents> = {};

/** Writes CME events with their schema version and reads them back, upcast, through their schemas. */
export const cmeCodec = createCodec(cmeEvents, cmeUpcasters, 'CME');
