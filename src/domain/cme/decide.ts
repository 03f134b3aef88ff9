import type { DecideContext } from '../context.js';
import type { CmeCommand, CmeCommandType } from './commands.js';
import { allocatedWork, clockCommands, cmeCommandBodies } from './commands.js';
import { clockHandlers } from './decide-clocks.js';
import { outcomeHandlers } from './decide-outcome.js';
import { referralHandlers } from './decide-referral.js';
import { fail, type Handler, requireOpen } from './decide-support.js';
import { tracingHandlers } from './decide-tracing.js';
import type { CmeEvent } from './events.js';
import type { CmeCase, CmeState } from './state.js';

const caseHandlers = { ...tracingHandlers, ...outcomeHandlers };
type CaseCommandType = keyof typeof caseHandlers;
const otherHandlers = { ...referralHandlers, ...clockHandlers };
type OtherCommandType = keyof typeof otherHandlers;

const isCaseCommand = (type: CmeCommandType): type is CaseCommandType => Object.hasOwn(caseHandlers, type);

/** Whether the field a schema complained of was missing altogether (field_required) or malformed. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The command body as the schema reads it; the API validates too, but the decider trusts no caller. */
function parseBody(command: CmeCommand): CmeCommand['data'] {
  const schema = cmeCommandBodies[command.type];
  if (!schema) fail('unknown_command', `unknown command ${String(command.type)}`);
  const parsed = schema.safeParse(command.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const field = path.join('.');
    const missing = valueAt(command.data, path) === undefined;
    fail(
      missing ? 'field_required' : 'invalid_command',
      `${field || 'command'}: ${issue?.message ?? 'invalid'}`,
      field,
    );
  }
  return parsed.data;
}

function checkAllocation(type: CmeCommandType, state: CmeCase, ctx: DecideContext): void {
  if (!allocatedWork.has(type)) return;
  if (state.allocatedTo === null) fail('not_allocated', 'allocate the case to an officer first');
  if (ctx.actor.role === 'officer' && ctx.actor.id !== state.allocatedTo) {
    fail('not_allocated', 'the case is allocated to another officer');
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
