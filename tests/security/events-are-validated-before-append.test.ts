import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAccessLog, recordCaseRead } from '../../src/api/access-log.js';
import { domainErrorStatus } from '../../src/api/plugins/errors.js';
import { cmeCodec } from '../../src/domain/cme/index.js';
import type { Decider, EventCodec } from '../../src/domain/decider.js';
import { eheCodec } from '../../src/domain/ehe/index.js';
import type { Role } from '../../src/domain/roles.js';
import { createCommandHandler } from '../../src/eventstore/handle.js';
import type { CommandMetadata } from '../../src/eventstore/metadata.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import type { EventStore } from '../../src/eventstore/types.js';
import { bearer, testApi } from '../api/support.js';

/** The code of the error `run` throws, or undefined. */
function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code ?? 'no code';
  }
  return undefined;
}

describe('a codec refuses to write an event its own schema would refuse to read', () => {
  it('EHE: a CaseAllocated with an impossible date', () => {
    const event = {
      type: 'CaseAllocated',
      data: { officerId: 'o', allocatedOn: '2026-13-01', allocatedBy: 'm' },
    } as Parameters<typeof eheCodec.encode>[0];
    expect(codeOf(() => eheCodec.encode(event))).toBe('invalid_event');
  });

  it('CME: a DeadlineMissed naming no clock', () => {
    const event = {
      type: 'DeadlineMissed',
      data: { dueOn: '2026-11-04', recordedOn: '2026-11-05' },
    } as unknown as Parameters<typeof cmeCodec.encode>[0];
    expect(codeOf(() => cmeCodec.encode(event))).toBe('invalid_event');
  });

  it('an event our schemas refuse is answered as our fault (500), not the caller’s (409)', () => {
    expect(domainErrorStatus('invalid_event')).toBe(500);
    expect(domainErrorStatus('unknown_event_type')).toBe(500);
  });
});

describe('handle() checks every event’s metadata before it appends', () => {
  type Opened = { type: 'Opened' };
  const once: Decider<{ type: 'Open' }, Opened, null, null> = {
    initialState: () => null,
    evolve: (state) => state,
    decide: () => [{ type: 'Opened' }],
  };
  const asIs: EventCodec<Opened> = {
    encode: (event) => ({ type: event.type, data: {}, schemaVersion: 1 }),
    decode: () => ({ type: 'Opened' }),
  };
  const meta: CommandMetadata = { actor: 'olive', role: 'officer', correlationId: 'c-1', causationId: 'r-1' };

  let store: EventStore;
  beforeEach(() => {
    store = createSqliteEventStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  const attempt = (metadata: CommandMetadata) =>
    createCommandHandler(store, { decider: once, codec: asIs })({
      stream: 'tally-1',
      command: { type: 'Open' },
      metadata,
      context: null,
    });
  const count = async () => {
    let n = 0;
    for await (const _ of store.readAll()) n++;
    return n;
  };

  it('appends with sound metadata (the baseline)', async () => {
    await attempt(meta);
    expect(await count()).toBe(1);
  });

  it.each([
    ['an actor that is a number', { actor: 7 as unknown as string }],
    ['an actor with a control character', { actor: 'olive\u0007' }],
    ['a role that is not one of ours', { role: 'root' as Role }],
    ['a correlation id longer than 200 characters', { correlationId: 'c'.repeat(201) }],
    ['an occurredAt that is not a date-time', { occurredAt: 'yesterday' }],
  ])('refuses %s, and writes nothing', async (_, change) => {
    await expect(attempt({ ...meta, ...change })).rejects.toMatchObject({ code: 'invalid_event' });
    expect(await count()).toBe(0);
  });
});

describe('the access log', () => {
  const at = new Date('2025-11-20T10:00:00Z');

  it('refuses to record a read whose actor is not a valid subject', async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    const actor = { id: 7 as unknown as string, role: 'officer' as const };
    await expect(
      recordCaseRead(store, { actor, caseIds: ['c1'], route: '/v1/cases/:caseId', requestId: 'r1', at }),
    ).rejects.toMatchObject({ code: 'invalid_event' });
    expect((await readAccessLog(store, { limit: 10 })).entries).toEqual([]);
    await store.close();
  });

  it('shows a malformed stored record to the auditor, marked, instead of failing the whole page', async () => {
    const api = await testApi();
    const metadata = { actor: 'x', role: 'officer', causationId: 'r0', occurredAt: at.toISOString() };
    const bad = { actor: { id: 7 }, role: 'officer', caseIds: ['c0'], route: '/v1/cases/:caseId' };
    await api.store.append('accesslog-2025-11-20', [{ type: 'CaseDataRead', data: bad, metadata }], 'any');
    const response = await api.app.inject({
      url: '/v1/access-log',
      headers: bearer(await api.token('auditor')),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().entries[0]).toMatchObject({ actor: '{"id":7}', caseIds: ['c0'], malformed: true });
    await api.close();
  });
});
