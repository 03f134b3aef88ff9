import { describe, expect, it } from 'vitest';
import { cmeCodec, cmeEvents, cmeEventTypes, cmeUpcasters } from '../../../src/domain/cme/index.js';
import { DomainError } from '../../../src/domain/decider.js';
import { allocated, command, found, history, referral } from './fixtures.js';

const stored = history(
  referral(),
  allocated(),
  command('AssessCmeRisk', { assessedOn: '2026-11-05', level: 'high', rationale: 'Concern.' }),
  command('ReportToPolice', { reportedAt: '2026-11-05T16:00:00Z' }),
  found(),
);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
  return undefined;
}

describe('the CME event codec', () => {
  it('writes each event with its type and current schema version, and reads it back unchanged', () => {
    for (const event of stored) {
      const encoded = cmeCodec.encode(event);
      expect(encoded.schemaVersion).toBe(cmeEvents[event.type].schemaVersion);
      expect(cmeCodec.decode(JSON.parse(JSON.stringify(encoded)))).toEqual(event);
    }
  });

  it('knows a schema for every event type', () => {
    expect(cmeEventTypes).toContain('CmeReferralReceived');
    expect(cmeEventTypes).toContain('DeadlineMissed');
    for (const type of cmeEventTypes) expect(cmeEvents[type].schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('refuses an event type that is not a CME event', () => {
    expect(codeOf(() => cmeCodec.decode({ type: 'EheReferralReceived', data: {}, schemaVersion: 1 }))).toBe(
      'unknown_event_type',
    );
  });

  it('refuses a schema version it does not know', () => {
    const encoded = cmeCodec.encode(stored[0] ?? fail());
    expect(codeOf(() => cmeCodec.decode({ ...encoded, schemaVersion: encoded.schemaVersion + 1 }))).toBe(
      'unknown_schema_version',
    );
    expect(codeOf(() => cmeCodec.decode({ ...encoded, schemaVersion: 0 }))).toBe('unknown_schema_version');
  });

  it('refuses stored data that does not match the schema, naming the field', () => {
    const encoded = cmeCodec.encode(stored[0] ?? fail());
    const data = { ...(encoded.data as Record<string, unknown>), receivedOn: '2026-02-30' };
    expect(codeOf(() => cmeCodec.decode({ ...encoded, data }))).toBe('invalid_event');
  });

  it('upcasts an older stored version, one step at a time, when the registry says how', () => {
    const event = stored.find((e) => e.type === 'DeadlineMissed') ?? {
      type: 'DeadlineMissed' as const,
      data: { clock: 'allocation' as const, dueOn: '2026-11-04', recordedOn: '2026-11-05' },
    };
    const registry = cmeEvents.DeadlineMissed as { schemaVersion: number };
    const original = registry.schemaVersion;
    registry.schemaVersion = 2;
    cmeUpcasters.DeadlineMissed = {
      1: (data) => {
        const { missedOn, ...rest } = data as { missedOn: string };
        return { ...rest, recordedOn: missedOn };
      },
    };
    try {
      const version1 = { clock: event.data.clock, dueOn: event.data.dueOn, missedOn: event.data.recordedOn };
      expect(cmeCodec.decode({ type: 'DeadlineMissed', data: version1, schemaVersion: 1 })).toEqual(event);
    } finally {
      registry.schemaVersion = original;
      delete cmeUpcasters.DeadlineMissed;
    }
  });
});

function fail(): never {
  throw new Error('fixture history is empty');
}
