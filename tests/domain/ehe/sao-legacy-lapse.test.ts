import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EheCommand, EheEvent } from '../../../src/domain/ehe/index.js';
import { eheCodec } from '../../../src/domain/ehe/index.js';
import { command, given, on } from './fixtures.js';

/**
 * Orders served before the lapse clock existed (stored as v1 events, whose `clocksStarted` holds only the
 * compliance clock) still end with compulsory school age: s.437(4) "continue in force for so long as the
 * child is of compulsory school age" holds for every order, whenever it was recorded. The payloads are the
 * frozen v1 fixtures, with the child's date of birth and the order's dates moved so the order is in force.
 */
type Frozen = { type: string; schemaVersion: number; data: Record<string, unknown> };
const frozen = JSON.parse(
  readFileSync(new URL('../fixtures/events-v1/ehe.json', import.meta.url), 'utf8'),
) as Frozen[];
const v1 = (type: string) => {
  const fixture = frozen.find((f) => f.type === type);
  if (!fixture) throw new Error(`no v1 fixture for ${type}`);
  return fixture.data;
};
const decode = (type: string, data: Record<string, unknown>) =>
  eheCodec.decode({ type, data, schemaVersion: 1 }) as EheEvent;

// Born 31 August 2010: the school leaving date is Friday 26 June 2026 (s.8(3)).
const referral = v1('EheReferralReceived');
const child = referral.child as Record<string, unknown>;
const order = v1('SchoolAttendanceOrderServed');
const legacy: EheEvent[] = [
  decode('EheReferralReceived', {
    ...referral,
    receivedOn: '2025-12-05',
    child: { ...child, dateOfBirth: '2010-08-31' },
  }),
  decode('SchoolAttendanceOrderServed', {
    ...order,
    issuedOn: '2026-01-30',
    servedOn: '2026-01-30',
    clocksStarted: [
      {
        clock: 'saoCompliance',
        startedOn: '2026-01-30',
        dueOn: '2026-02-20',
        policyVersion: 'default-2026.1',
        dayType: 'school',
      },
    ],
  }),
];
const expiry = command({ type: 'RecordClockExpiry', data: { clock: 'saoInForce', dueOn: '2026-06-26' } });

describe('s.437(4): an order recorded by a v1 event lapses at the school leaving date', () => {
  it('replayed, the order holds the in-force clock to the leaving date (s.8(3) "at the end of the day which is the school leaving date")', () => {
    const { state } = given(legacy);
    expect(state.sao.stage).toBe('order_in_force');
    expect(state.clocks.saoInForce).toMatchObject({ startedOn: '2026-01-30', dueOn: '2026-06-26' });
  });

  it('the worker records the lapse the day after the leaving date, and not on it', () => {
    given(legacy)
      .when(expiry as EheCommand, on('2026-06-26T20:00:00Z'))
      .then([]);
    given(legacy)
      .when(expiry as EheCommand, on('2026-06-27T09:00:00Z'))
      .then([
        {
          type: 'SchoolAttendanceOrderLapsed',
          data: { inForceUntil: '2026-06-26', recordedOn: '2026-06-27', legalBasis: 'EA1996_s437_4' },
        },
      ]);
  });
});
