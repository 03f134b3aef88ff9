import { createCodec } from '../codec.js';
import { cnisEvents } from './events.js';

/** Writes arranged-absence events with their schema version and reads them back (no older versions yet). */
export const cnisCodec = createCodec(cnisEvents, {}, 'arranged-absence');
