import { createCodec } from '../codec.js';
import { eheEvents } from './events.js';

/** Writes EHE events with their schema version and reads them back through their schemas (no upcasters yet). */
export const eheCodec = createCodec(eheEvents, {}, 'EHE');
