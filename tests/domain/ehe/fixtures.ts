import { createCalendar } from '../../../src/domain/calendar/index.js';
import type { DecideContext } from '../../../src/domain/context.js';
import type { EheCommand, EheCommandInput, EheEvent, EheState } from '../../../src/domain/ehe/index.js';
import { eheDecider } from '../../../src/domain/ehe/index.js';
import { defaultPolicy } from '../../../src/domain/policy.js';
import type { Role } from '../../../src/domain/roles.js';
import { scenarios } from '../given.js';

export const CASE_ID = '6f1c2a64-8a55-4e0e-9d2a-1f1b3c1d2e3f';
export const CME_CASE_ID = '0b7a9a2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

/** Monday 15 June 2026, mid-morning in London. */
export const NOW = new Date('2026-06-15T09:30:00Z');

export const context = (overrides: Partial<DecideContext> = {}): DecideContext => ({
  now: NOW,
  policy: defaultPolicy,
  calendar: createCalendar(),
  actor: { id: 'manager-1', role: 'manager' },
  ...overrides,
});

export const as = (id: string, role: Role): Partial<DecideContext> => ({ actor: { id, role } });
export const on = (iso: string): Partial<DecideContext> => ({ now: new Date(iso) });

/** Commands as a client sends them (defaults not yet applied); decide parses them like the API does. */
export const command = (input: EheCommandInput): EheCommand => input as EheCommand;

export const { given } = scenarios(eheDecider, context());

/** A deletion return from a mainstream academy: referral received Monday 1 June 2026. */
export const referral = (
  overrides: Partial<Extract<EheCommandInput, { type: 'ReceiveEheReferral' }>['data']> = {},
) =>
  command({
    type: 'ReceiveEheReferral',
    data: {
      caseId: CASE_ID,
      receivedOn: '2026-06-01',
      source: 'deletion_return',
      deletionReturn: {
        school: { name: 'Bitterne Park School', urn: '116436' },
        deletedOn: '2026-05-29',
        ground: 'parent has given written notice of home education',
      },
      child: {
        givenName: 'Amira',
        familyName: 'Khan',
        dateOfBirth: '2013-10-04',
        sex: 'F',
        senStatus: 'N',
        address: { lines: ['12 Portswood Road'], town: 'Southampton', postcode: 'SO17 2FY' },
      },
      parentsCarers: [
        { name: 'Sara Khan', relationship: 'mother', livesWithChild: true, phone: '07700 900123' },
      ],
      schoolLeft: { name: 'Bitterne Park School', urn: '116436' },
      previousSchoolType: 'academy',
      eheStartDate: '2026-05-29',
      primaryReason: { code: 'school_dissatisfaction_bullying' },
      ...overrides,
    },
  });

/** Runs commands through decide one after another (each at `NOW` unless given its own context). */
export function history(...steps: (EheCommand | [EheCommand, Partial<DecideContext>])[]): {
  events: EheEvent[];
  state: EheState;
} {
  let state = eheDecider.initialState();
  const events: EheEvent[] = [];
  for (const step of steps) {
    const [cmd, overrides] = Array.isArray(step) ? step : [step, {}];
    const decided = eheDecider.decide(cmd, state, context(overrides));
    for (const event of decided) state = eheDecider.evolve(state, event);
    events.push(...decided);
  }
  return { events, state };
}

export const allocate = (officerId = 'officer-1', allocatedOn = '2026-06-02') =>
  command({ type: 'AllocateCase', data: { officerId, allocatedOn } });

export const judge = (
  outcome: 'suitable' | 'not_yet_able_to_judge' | 'appears_unsuitable',
  judgedOn = '2026-06-05',
) =>
  command({
    type: 'JudgeSuitability',
    data: { judgedOn, outcome, rationale: 'from the report and samples' },
  });

/** A referred, allocated case whose education appears unsuitable: ready for the s437(1) notice. */
export const unsuitable = () => history(referral(), allocate(), judge('appears_unsuitable')).events;
