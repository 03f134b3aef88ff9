import { commandRoutes } from '../../../src/api/routes/case-command-table.js';
import { londonDate } from '../../../src/domain/calendar/index.js';
import type { EheCommandType } from '../../../src/domain/ehe/index.js';
import type { Role } from '../../../src/domain/roles.js';
import type { Rng } from '../../../src/seed/random.js';

export const OFFICERS = ['olive', 'omar', 'oona'] as const;
const VISITS = ['v1', 'v2', 'v3'];

export interface Actor {
  role: Role;
  sub: string;
}

/** One command as a client sends it: the route's step and the body, which is the decider's command data. */
export interface OfficerCommand {
  step: string;
  type: EheCommandType;
  body: Record<string, unknown>;
}

const typeOfStep = (step: string): EheCommandType => {
  const type = commandRoutes.find((route) => route.path === step)?.ehe;
  if (!type) throw new Error(`no EHE command at ${step}`);
  return type;
};

const command = (step: string, body: Record<string, unknown>): OfficerCommand => ({
  step,
  type: typeOfStep(step),
  body,
});

/**
 * Every date is today's: the steps conflict through the case's state (allocated, closed, a visit already
 * offered or held), never through a date the domain would refuse with 422.
 */
function casework(rng: Rng): OfficerCommand {
  const on = londonDate(new Date());
  const visitId = rng.pick(VISITS);
  return rng.weighted<() => OfficerCommand>([
    [
      () =>
        command('contacts', {
          attemptedOn: on,
          method: rng.pick(['phone', 'letter', 'email']),
          outcome: rng.pick(['contact_made', 'no_answer', 'message_left']),
        }),
      4,
    ],
    [() => command('visits', { visitId, offeredOn: on, proposedFor: on, location: 'home' }), 2],
    [() => command('visits/acceptances', { visitId, acceptedOn: on }), 1],
    [
      () =>
        command('visits/held', {
          visitId,
          heldOn: on,
          notes: 'Met the child and parent at home.',
          outcome: rng.pick(['satisfactory', 'further_information_needed']),
        }),
      2,
    ],
  ])();
}

function management(rng: Rng): OfficerCommand {
  const on = londonDate(new Date());
  const officerId = rng.pick(OFFICERS);
  return rng.weighted<() => OfficerCommand>([
    [() => command('allocation', { officerId, allocatedOn: on }), 3],
    [() => command('reallocation', { officerId, reallocatedOn: on, reason: 'Caseload balancing.' }), 2],
    [() => command('closure', { closedOn: on, reason: 'other', reasonText: 'Family left the country.' }), 1],
    [() => command('reopening', { reopenedOn: on, reason: 'The family came back.' }), 2],
  ])();
}

/** A manager allocates, closes and reopens, and does casework too; an officer does casework only. */
export const nextCommand = (rng: Rng, actor: Actor): OfficerCommand =>
  actor.role === 'manager' && rng.chance(0.6) ? management(rng) : casework(rng);

/** Fifty clients: ten managers (two identities), forty officers sharing three officers' identities. */
export function clientActor(client: number): Actor {
  if (client < 10) return { role: 'manager', sub: `manager-${client % 2}` };
  return { role: 'officer', sub: OFFICERS[client % OFFICERS.length]! };
}

export function referralBody(caseId: string): Record<string, unknown> {
  const on = londonDate(new Date());
  return {
    caseId,
    receivedOn: on,
    source: 'parent',
    child: {
      givenName: 'Amelia',
      familyName: `Officers-${caseId}`,
      dateOfBirth: `${Number(on.slice(0, 4)) - 10}-03-15`,
      sex: 'F',
      address: { lines: ['1 High Street'], town: 'Southampton', postcode: 'SO14 7LY' },
    },
    previousSchoolType: 'academy',
    eheStartDate: on,
    primaryReason: { code: 'mental_health' },
  };
}
