import { createCalendar } from '../../src/domain/calendar/index.js';
import { type CaseTypeName, caseTypes, type EventOf } from '../../src/domain/case-types.js';
import type { CmeCommandInput, CmeEvent } from '../../src/domain/cme/index.js';
import { cmeDecider } from '../../src/domain/cme/index.js';
import type { DecideContext } from '../../src/domain/context.js';
import type { EventCodec } from '../../src/domain/decider.js';
import type { EheCommandInput, EheEvent } from '../../src/domain/ehe/index.js';
import { eheDecider } from '../../src/domain/ehe/index.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import type { NewEvent, RecordedEvent } from '../../src/eventstore/types.js';
import { createViewQueries, type ViewQueries } from '../../src/projections/queries.js';
import { applyRecordedEvent, createViews, type Views } from '../../src/projections/views.js';

/** Views built from events the real deciders decide, so their shapes stay true. */

export const calendar = createCalendar();
const contextAt = (now: string): DecideContext => ({
  now: new Date(`${now}T10:00:00Z`),
  policy: defaultPolicy,
  calendar,
  actor: { id: 'manager-1', role: 'manager' },
});

/** A command with the London date it is decided on. */
export type Step<C> = [C, string];

export function eheEvents(steps: Step<EheCommandInput>[]): EheEvent[] {
  let state = eheDecider.initialState();
  const events: EheEvent[] = [];
  for (const [command, on] of steps) {
    const decided = eheDecider.decide(command as never, state, contextAt(on));
    for (const event of decided) state = eheDecider.evolve(state, event);
    events.push(...decided);
  }
  return events;
}

export function cmeEvents(steps: Step<CmeCommandInput>[]): CmeEvent[] {
  let state = cmeDecider.initialState();
  const events: CmeEvent[] = [];
  for (const [command, on] of steps) {
    const decided = cmeDecider.decide(command as never, state, contextAt(on));
    for (const event of decided) state = cmeDecider.evolve(state, event);
    events.push(...decided);
  }
  return events;
}

/** Events as the command handler writes them: the codec's type, data and schema version in the metadata. */
export function toNewEvents<K extends CaseTypeName>(events: EventOf<K>[], caseType: K): NewEvent[] {
  // The case type's own codec, for its own events.
  const codec = caseTypes[caseType].codec as unknown as EventCodec<EventOf<K>>;
  return events.map((event) => {
    const { type, data, schemaVersion } = codec.encode(event);
    return {
      type,
      data,
      metadata: {
        actor: 'manager-1',
        role: 'manager',
        correlationId: 'c',
        causationId: 'c',
        occurredAt: '2026-06-01T09:00:00Z',
        schemaVersion,
      },
    };
  });
}

/** A log in memory: each case's events given global positions in the order they are added. */
export function createLog() {
  const recorded: RecordedEvent[] = [];
  const revisions = new Map<string, bigint>();
  return {
    recorded,
    add(stream: string, events: NewEvent[]) {
      for (const event of events) {
        const revision = (revisions.get(stream) ?? -1n) + 1n;
        revisions.set(stream, revision);
        recorded.push({
          id: `${stream}-${revision}`,
          stream,
          revision,
          position: BigInt(recorded.length),
          type: event.type,
          data: JSON.parse(JSON.stringify(event.data)),
          metadata: event.metadata ?? {},
          recordedAt: new Date('2026-06-01T09:00:00Z'),
        });
      }
      return this;
    },
    ehe(caseId: string, steps: Step<EheCommandInput>[]) {
      return this.add(`ehe-${caseId}`, toNewEvents(eheEvents(steps), 'ehe'));
    },
    cme(caseId: string, steps: Step<CmeCommandInput>[]) {
      return this.add(`cme-${caseId}`, toNewEvents(cmeEvents(steps), 'cme'));
    },
  };
}

/** The views after the log, with the queries asked on `today`. */
export function viewsOf(recorded: RecordedEvent[], today: string): { views: Views; query: ViewQueries } {
  const views = createViews();
  for (const event of recorded) applyRecordedEvent(views, event);
  const position = recorded.at(-1)?.position ?? -1n;
  return {
    views,
    query: createViewQueries(views, { today: () => today, calendar, position: () => position }),
  };
}

export const address = { lines: ['12 Portswood Road'], town: 'Southampton', postcode: 'SO17 2FY' };

let counter = 0;
/** A fresh, valid v4-shaped UUID per call. */
export function newCaseId(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function eheReferral(
  caseId: string,
  overrides: Partial<Extract<EheCommandInput, { type: 'ReceiveEheReferral' }>['data']> = {},
): EheCommandInput {
  return {
    type: 'ReceiveEheReferral',
    data: {
      caseId,
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
        address,
      },
      // `parent-1`, on whom the s437(1) notice is served in the SAO histories.
      parentsCarers: [{ name: 'Sara Khan', relationship: 'mother', livesWithChild: true }],
      previousSchoolType: 'academy',
      eheStartDate: '2026-05-29',
      primaryReason: { code: 'school_dissatisfaction_bullying' },
      ...overrides,
    },
  };
}

export function cmeReferral(
  caseId: string,
  overrides: Partial<Extract<CmeCommandInput, { type: 'ReceiveCmeReferral' }>['data']> = {},
): CmeCommandInput {
  return {
    type: 'ReceiveCmeReferral',
    data: {
      caseId,
      receivedOn: '2026-06-01',
      source: 'deletion_return_no_destination',
      child: { givenName: 'Maya', familyName: 'Okafor', dateOfBirth: '2015-03-14', sex: 'F', address },
      whatIsKnown: 'Deleted from roll; family believed to have moved, no forwarding address.',
      parentsCarers: [],
      primaryReason: { code: 'whereabouts_unknown' },
      missingSince: null,
      ...overrides,
    },
  };
}

export const allocate = (officerId: string, allocatedOn = '2026-06-02'): EheCommandInput => ({
  type: 'AllocateCase',
  data: { officerId, allocatedOn },
});
export const allocateCme = (officerId: string, allocatedOn = '2026-06-02'): CmeCommandInput => ({
  type: 'AllocateCase',
  data: { officerId, allocatedOn },
});
