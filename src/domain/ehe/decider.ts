import type { DecideContext } from '../context.js';
import type { Decider } from '../decider.js';
import type { EheCommand } from './commands.js';
import { decide } from './decide.js';
import type { EheEvent } from './events.js';
import { evolve } from './evolve.js';
import type { EheState } from './state.js';
import { initialEheState } from './state.js';

/** The EHE case (stream `ehe-{caseId}`) as a decider. */
export const eheDecider: Decider<EheCommand, EheEvent, EheState, DecideContext> = {
  initialState: initialEheState,
  evolve,
  decide,
};
