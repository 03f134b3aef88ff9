import type { z } from 'zod';
import { parseCommandBody } from '../command-body.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import type { CmeCommand, CmeCommandType } from './commands.js';
import { allocatedWork, clockCommands, cmeCommandBodies } from './commands.js';
import { caseworkHandlers } from './decide-casework.js';
import { clockHandlers } from './decide-clocks.js';
import { factHandlers } from './decide-facts.js';
import { fairAccessHandlers } from './decide-fair-access.js';
import { outcomeHandlers } from './decide-outcome.js';
import { referralHandlers } from './decide-referral.js';
import { type Handler, requireOpen } from './decide-support.js';
import type { CmeEvent } from './events.js';
import type { CmeCase, CmeState } from './state.js';

const caseHandlers = { ...caseworkHandlers, ...outcomeHandlers, ...fairAccessHandlers, ...factHandlers };
type CaseCommandType = keyof typeof caseHandlers;
const otherHandlers = { ...referralHandlers, ...clockHandlers };
type OtherCommandType = keyof typeof otherHandlers;

// Every command has exactly one handler: a command type added without one (or with two) fails to compile
// here, instead of failing at run time behind the dispatch's casts below.
type Unhandled = Exclude<CmeCommandType, CaseCommandType | OtherCommandType>;
type HandledTwice = Extract<CaseCommandType, OtherCommandType>;
const everyCommandHandledOnce: [Unhandled | HandledTwice] extends [never] ? true : never = true;
void everyCommandHandledOnce;

const isCaseCommand = (type: CmeCommandType): type is CaseCommandType => Object.hasOwn(caseHandlers, type);

/** The command body as the schema reads it; the API validates too, but the decider trusts no caller. */
function parseBody(command: CmeCommand): CmeCommand['data'] {
  return parseCommandBody(
    String(command.type),
    cmeCommandBodies[command.type] as z.ZodType<CmeCommand['data']> | undefined,
    command.data,
  );
}

function checkAllocation(type: CmeCommandType, state: CmeCase, ctx: DecideContext): void {
  if (!allocatedWork.has(type)) return;
  if (state.allocatedOfficer === null)
    fail.conflict('not_allocated', 'allocate the case to an officer first');
  if (ctx.actor.role === 'officer' && ctx.actor.id !== state.allocatedOfficer) {
    fail.conflict('not_allocated', 'the case is allocated to another officer');
  }
}

/**
 * Referral and reopening decide on a case that is not open; the workers' clock commands decide nothing on
 * a closed case; every other command needs an open case, and tracing work its allocated officer.
 */
export function decide(command: CmeCommand, state: CmeState, ctx: DecideContext): CmeEvent[] {
  const data = parseBody(command);
  if (clockCommands.has(command.type) && state.status === 'closed') return [];
  // TypeScript cannot pair a union of commands with its handler; each handler map is typed per command.
  if (isCaseCommand(command.type)) {
    const open = requireOpen(state);
    checkAllocation(command.type, open, ctx);
    const handler = caseHandlers[command.type] as Handler<CaseCommandType, CmeCase>;
    return handler(data as never, open, ctx);
  }
  const handler = otherHandlers[command.type as OtherCommandType] as Handler<OtherCommandType, CmeState>;
  return handler(data as never, state, ctx);
}
