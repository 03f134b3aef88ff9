import type { z } from 'zod';
import { parseCommandBody } from '../command-body.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import type { EheCommand, EheCommandType } from './commands.js';
import { afterConsent, allocatedWork, clockCommands, eheCommandBodies } from './commands.js';
import { caseworkHandlers } from './decide-casework.js';
import { clockHandlers } from './decide-clocks.js';
import { outcomeHandlers } from './decide-outcome.js';
import { parentHandlers } from './decide-parents.js';
import { referralHandlers } from './decide-referral.js';
import { registerHandlers } from './decide-register.js';
import { saoHandlers } from './decide-sao.js';
import type { Handler, Handlers } from './decide-support.js';
import type { EheEvent } from './events.js';
import type { EheState } from './state.js';

const handlers: Handlers<EheCommandType> = {
  ...referralHandlers,
  ...caseworkHandlers,
  ...saoHandlers,
  ...outcomeHandlers,
  ...clockHandlers,
  ...parentHandlers,
  ...registerHandlers,
};

/** The command body as the schema reads it; the API validates too, but the decider trusts no caller. */
function parseBody(command: EheCommand): EheCommand['data'] {
  return parseCommandBody(
    String(command.type),
    eheCommandBodies[command.type] as z.ZodType<EheCommand['data']> | undefined,
    command.data,
  );
}

/** Rules every command obeys before its own: the case must exist (or not), be open, allocated, consented. */
function checkCase(type: EheCommandType, state: EheState, ctx: DecideContext): void {
  if (type === 'ReceiveEheReferral') {
    if (state.status !== 'none') fail.conflict('case_already_exists', 'this case already has a referral');
    return;
  }
  if (state.status === 'none') fail.notFound('case_not_found', 'no referral has opened this case');
  if (state.status === 'closed' && type !== 'ReopenCase') {
    fail.conflict('case_closed', 'the case is closed: reopen it first');
  }
  if (allocatedWork.has(type)) {
    if (state.allocatedOfficer === null)
      fail.conflict('not_allocated', 'allocate the case to an officer first');
    if (ctx.actor.role === 'officer' && ctx.actor.id !== state.allocatedOfficer) {
      fail.conflict('not_allocated', 'the case is allocated to another officer');
    }
  }
  if (afterConsent.has(type) && (state.consent === 'needed' || state.consent === 'requested')) {
    fail.conflict(
      'consent_required',
      'the child was placed at a special school by the council: decide consent first',
    );
  }
  if (afterConsent.has(type) && state.consent === 'refused') {
    fail.conflict('consent_required', 'consent to remove the child from the special school was refused');
  }
}

export function decide(command: EheCommand, state: EheState, ctx: DecideContext): EheEvent[] {
  const data = parseBody(command);
  // The deadline worker may fire after a case closed: nothing is open, so nothing is recorded.
  if (clockCommands.has(command.type) && state.status === 'closed') return [];
  checkCase(command.type, state, ctx);
  const handler = handlers[command.type] as Handler<EheCommandType>;
  return handler(data as never, state, ctx);
}
