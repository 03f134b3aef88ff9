import type { DecideContext } from '../context.js';
import type { Decider } from '../decider.js';
import type { CmeCommand } from './commands.js';
import { decide } from './decide.js';
import type { CmeEvent } from './events.js';
import { evolve } from './evolve.js';
import { type CmeState, initialCmeState } from './state.js';

/** The CME case (stream `cme-{caseId}`) as a decider. */
export const cmeDecider: Decider<CmeCommand, CmeEvent, CmeState, DecideContext> = {
  initialState: initialCmeState,
  evolve,
  decide,
};
