import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../../../src/domain/decider.js';
import { eheCodec, eheCommandBodies, eheEvents } from '../../../src/domain/ehe/index.js';
import { history, referral } from './fixtures.js';

describe('the EHE event codec', () => {
  const [received] = history(referral()).events;

  it('writes each event with its schema version and reads it back unchanged', () => {
    if (!received) throw new Error('no event');
    const stored = eheCodec.encode(received);
    expect(stored).toMatchObject({ type: 'EheReferralReceived', schemaVersion: 1 });
    expect(eheCodec.decode(JSON.parse(JSON.stringify(stored)))).toEqual(received);
  });

  it('gives every event type a schema at version 1, but those issue 14 changed (version 2, upcast)', () => {
    const bumped = ['SchoolConsulted', 'SchoolChosenByParent', 'EsoDirectionReceived'];
    for (const [type, entry] of Object.entries(eheEvents))
      expect(entry.schemaVersion, type).toBe(bumped.includes(type) ? 2 : 1);
  });

  it("reads v1's place offered elsewhere as an application whose dates were not recorded, offered on chosenOn", () => {
    const v1 = {
      chosenOn: '2025-06-09',
      kind: 'place_offered_elsewhere',
      school: { name: 'Regents Park Community College', urn: '116441' },
      legalBasis: 'EA1996_s438',
      decidedBy: 'senior-01',
    };
    expect(eheCodec.decode({ type: 'SchoolChosenByParent', data: v1, schemaVersion: 1 })).toEqual({
      type: 'SchoolChosenByParent',
      data: {
        kind: 'application_elsewhere',
        school: v1.school,
        applicationMadeOn: null,
        notifiedOn: null,
        offeredOn: '2025-06-09',
        legalBasis: 'EA1996_s438',
        decidedBy: 'senior-01',
      },
    });
  });

  it('refuses an unknown type', () => {
    expect(() => eheCodec.decode({ type: 'CmeReferralReceived', data: {}, schemaVersion: 1 })).toThrow(
      DomainError,
    );
  });

  it('refuses data that does not match the schema, naming the field', () => {
    try {
      eheCodec.decode({
        type: 'CaseAllocated',
        data: { officerId: 'o', allocatedOn: '2026-13-01', allocatedBy: 'm' },
        schemaVersion: 1,
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_event', field: 'allocatedOn' });
    }
  });

  it('refuses a schema version it cannot upcast', () => {
    expect(() =>
      eheCodec.decode({
        type: 'CaseAllocated',
        data: { officerId: 'o', allocatedOn: '2026-06-01', allocatedBy: 'm' },
        schemaVersion: 9,
      }),
    ).toThrow(/v9/);
  });
});

describe('the command body schemas', () => {
  it('convert to JSON Schema, as the REST API publishes them', () => {
    for (const [type, schema] of Object.entries(eheCommandBodies)) {
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
      expect(json, type).toMatchObject({ type: 'object', additionalProperties: false });
    }
  });
});
