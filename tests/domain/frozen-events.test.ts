import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessLogCodec, accessLogEvents } from '../../src/domain/access-log.js';
import { caseIdCodec, caseIdEvents } from '../../src/domain/case-ids.js';
import { cmeCodec, cmeEvents, cmeEventTypes } from '../../src/domain/cme/index.js';
import { cnisCodec, cnisEvents } from '../../src/domain/cnis/index.js';
import type { EventCodec } from '../../src/domain/decider.js';
import { deletionReturnCodec, deletionReturnEvents } from '../../src/domain/deletion-return.js';
import { eheCodec, eheEvents, eheEventTypes } from '../../src/domain/ehe/index.js';
import { newPupilReturnCodec, newPupilReturnEvents } from '../../src/domain/new-pupil-return.js';

/**
 * Stored events outlive the code that wrote them. The frozen v1 payloads of each codec (the two case types',
 * and those of the streams beside the cases: id reservations, deletion returns, the access log), never
 * regenerated (see fixtures/events-v1/README.md), must still decode with the current codec, and every event
 * type must have one, so a schema change that would orphan events already on disk fails here.
 */

interface FrozenEvent {
  type: string;
  schemaVersion: number;
  data: unknown;
  /** What the payload reads as once upcast, when its type has moved past this version. */
  decoded?: unknown;
}

const frozen = (file: string): FrozenEvent[] =>
  JSON.parse(readFileSync(new URL(`./fixtures/events-v1/${file}`, import.meta.url), 'utf8')) as FrozenEvent[];

const codecs: { name: string; file: string; types: readonly string[]; codec: EventCodec<unknown> }[] = [
  { name: 'EHE', file: 'ehe.json', types: eheEventTypes, codec: eheCodec as EventCodec<unknown> },
  { name: 'CME', file: 'cme.json', types: cmeEventTypes, codec: cmeCodec as EventCodec<unknown> },
  {
    name: 'arranged absence',
    file: 'cnis.json',
    types: Object.keys(cnisEvents),
    codec: cnisCodec as EventCodec<unknown>,
  },
  {
    name: 'case id',
    file: 'case-ids.json',
    types: Object.keys(caseIdEvents),
    codec: caseIdCodec as EventCodec<unknown>,
  },
  {
    name: 'deletion return',
    file: 'deletion-return.json',
    types: Object.keys(deletionReturnEvents),
    codec: deletionReturnCodec as EventCodec<unknown>,
  },
  {
    name: 'new pupil return',
    file: 'new-pupil-return.json',
    types: Object.keys(newPupilReturnEvents),
    codec: newPupilReturnCodec as EventCodec<unknown>,
  },
  {
    name: 'access log',
    file: 'access-log.json',
    types: Object.keys(accessLogEvents),
    codec: accessLogCodec as EventCodec<unknown>,
  },
];

describe.each(codecs)('frozen v1 $name events', ({ file, types, codec }) => {
  const fixtures = frozen(file);

  it('cover every event type, once each', () => {
    const covered = fixtures.map((fixture) => fixture.type);
    expect([...covered].sort()).toEqual([...types].sort());
  });

  it.each(fixtures.map((fixture) => [fixture.type, fixture] as const))(
    '%s still decodes',
    (_type, fixture) => {
      expect(fixture.schemaVersion).toBe(1);
      const decoded = codec.decode({ type: fixture.type, data: fixture.data, schemaVersion: 1 });
      // Stored data already holds every default (deciders write parsed commands), so it reads back unchanged.
      expect(decoded).toStrictEqual({ type: fixture.type, data: fixture.decoded ?? fixture.data });
    },
  );
});

/**
 * The payloads of the event types now past version 1, frozen at the version they were first written with
 * (fixtures/events-v2): once such events are on disk they must still decode when a later version comes.
 */
const atVersion2: {
  name: string;
  file: string;
  events: Record<string, { schemaVersion: number }>;
  codec: EventCodec<unknown>;
}[] = [
  { name: 'EHE', file: 'ehe.json', events: eheEvents, codec: eheCodec as EventCodec<unknown> },
  { name: 'CME', file: 'cme.json', events: cmeEvents, codec: cmeCodec as EventCodec<unknown> },
  {
    name: 'deletion return',
    file: 'deletion-return.json',
    events: deletionReturnEvents,
    codec: deletionReturnCodec as EventCodec<unknown>,
  },
];

describe.each(atVersion2)('frozen v2 $name events', ({ file, events, codec }) => {
  const fixtures = JSON.parse(
    readFileSync(new URL(`./fixtures/events-v2/${file}`, import.meta.url), 'utf8'),
  ) as FrozenEvent[];
  const types = Object.entries(events)
    .filter(([, entry]) => entry.schemaVersion >= 2)
    .map(([type]) => type);

  it('cover every type that has reached version 2, once each', () => {
    expect(fixtures.map((fixture) => fixture.type).sort()).toEqual([...types].sort());
  });

  it.each(fixtures.map((fixture) => [fixture.type, fixture] as const))(
    '%s still decodes',
    (_type, fixture) => {
      expect(fixture.schemaVersion).toBe(2);
      const decoded = codec.decode({ type: fixture.type, data: fixture.data, schemaVersion: 2 });
      expect(decoded).toStrictEqual({ type: fixture.type, data: fixture.decoded ?? fixture.data });
    },
  );
});
