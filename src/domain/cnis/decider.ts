import type { DecideContext } from '../context.js';
import type { Decider } from '../decider.js';
import type { CnisCommand } from './commands.js';
import { decide } from './decide.js';
import type { CnisEvent } from './events.js';
import { evolve } from './evolve.js';
import { type CnisState, initialCnisState } from './state.js';

/** A school's arranged-absence pupil on the register (stream `cnis-{caseId}`) as a decider. */
export const cnisDecider: Decider<CnisCommand, CnisEvent, CnisState, DecideContext> = {
  initialState: initialCnisState,
  evolve,
  decide,
};
