import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../../../src/domain/decider.js';
import { eheUpcasters } from '../../../src/domain/ehe/codec.js';
import { eheCodec, eheCommandBodies, eheEvents } from '../../../src/domain/ehe/index.js';
import { history, referral } from './fixtures.js';
import { v1Notice437 } from './service-fixtures.js';

describe('the EHE event codec', () => {
  const [received] = history(referral()).events;

  it('writes each event with its schema version and reads it back unchanged', () => {
    if (!received) throw new Error('no event');
    const stored = eheCodec.encode(received);
    expect(stored).toMatchObject({ type: 'EheReferralReceived', schemaVersion: 2 });
    expect(eheCodec.decode(JSON.parse(JSON.stringify(stored)))).toEqual(received);
  });

  it('gives every event type past version 1 an upcaster from each earlier version', () => {
    for (const [type, entry] of Object.entries(eheEvents)) {
      const steps = eheUpcasters[type as keyof typeof eheEvents] ?? {};
      for (let from = 1; from < entry.schemaVersion; from++)
        expect(steps[from], `${type} v${from}`).toBeTypeOf('function');
    }
  });

  it('reads a v1 amendment as one at the parent request, and a v1 revocation as a request granted', () => {
    const amended = eheCodec.decode({
      type: 'SchoolAttendanceOrderAmended',
      schemaVersion: 1,
      data: {
        requestedOn: '2026-07-15',
        amendedOn: '2026-07-16',
        school: { name: 'Woodlands Community College' },
        legalBasis: 'EA1996_s440',
        decidedBy: 'manager-1',
        clocksStarted: [],
      },
    });
    expect(amended.data).toMatchObject({
      initiatedBy: 'parent_request',
      parentRequest: { requestedOn: '2026-07-15', appliedOn: null, offeredOn: null },
    });
    const revoked = eheCodec.decode({
      type: 'SchoolAttendanceOrderRevoked',
      schemaVersion: 1,
      data: { revokedOn: '2026-07-21', rationale: 'suitable', legalBasis: 'EA1996_s442', decidedBy: 'm' },
    });
    expect(revoked.data).toMatchObject({ ground: 'parent_request_granted' });
  });

  it('gives the parents of a v1 referral the ids a v2 referral gives them: parent-1, parent-2… by position', () => {
    if (!received) throw new Error('no event');
    const { parentsCarers, ...rest } = received.data as { parentsCarers: { parentId: string }[] };
    const v1 = { ...rest, parentsCarers: parentsCarers.map(({ parentId: _, ...parent }) => parent) };
    const twoParents = {
      ...v1,
      parentsCarers: [
        ...v1.parentsCarers,
        { name: 'Omar Khan', relationship: 'father', livesWithChild: false },
      ],
    };
    const decoded = eheCodec.decode({ type: 'EheReferralReceived', data: twoParents, schemaVersion: 1 });
    expect(
      decoded.type === 'EheReferralReceived' && decoded.data.parentsCarers.map((p) => p.parentId),
    ).toEqual(['parent-1', 'parent-2']);
  });

  it('reads a v1 service as recorded: the typed servedOn kept, no parent named, not recomputed from the post', () => {
    const v1 = v1Notice437;
    expect(eheCodec.decode({ type: 'Section437NoticeServed', data: v1, schemaVersion: 1 })).toEqual({
      type: 'Section437NoticeServed',
      data: {
        ...v1,
        noticeId: null,
        parentId: null,
        additionalService: false,
        service: null,
        servedOnBasis: 'recorded_as_entered',
      },
    });
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
