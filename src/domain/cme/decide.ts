import type { DecideContext } from '../context.js';
import type { CmeCommand, CmeCommandType } from './commands.js';
import { clockHandlers } from './decide-clocks.js';
import { outcomeHandlers } from './decide-outcome.js';
import { referralHandlers } from './decide-referral.js';
import { type Handler, requireOpen } from './decide-support.js';
import { tracingHandlers } from './decide-tracing.js';
import type { CmeEvent } from './events.js';
import type { CmeState } from './state.js';

const caseHandlers = { ...tracingHandlers, ...outcomeHandlers };
type CaseCommandType = keyof typeof caseHandlers;

const isCaseCommand = (command: CmeCommand): command is Extract<CmeCommand, { type: CaseCommandType }> =>
  Object.hasOwn(caseHandlers, command.type);

/**
 * Referral and reopening decide on a case that is not open; the workers' clock commands decide nothing on
 * a closed case; every other command needs an open case.
 */
export function decide(command: CmeCommand, state: CmeState, ctx: DecideContext): CmeEvent[] {
  // TypeScript cannot pair a union of commands with its handler; each handler map is typed per command.
  if (isCaseCommand(command)) {
    const handler = caseHandlers[command.type] as Handler<CaseCommandType, ReturnType<typeof requireOpen>>;
    return handler(command.data as never, requireOpen(state), ctx);
  }
  const handlers = { ...referralHandlers, ...clockHandlers };
  const handler = handlers[command.type] as Handler<Exclude<CmeCommandType, CaseCommandType>, CmeState>;
  return handler(command.data as never, state, ctx);
}
