import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCodec, type Upcasters } from '../../src/domain/codec.js';
import { DomainError } from '../../src/domain/decider.js';

/** A made-up case type whose `VisitBooked` is at version 3 and `NoteAdded` still at 1. */
const events = {
  VisitBooked: {
    schemaVersion: 3,
    data: z.strictObject({
      visitId: z.string(),
      bookedOn: z.iso.date(),
      location: z.enum(['home', 'office']),
    }),
  },
  NoteAdded: { schemaVersion: 1, data: z.strictObject({ text: z.string().min(1) }) },
} as const;

const upcasters: Upcasters<typeof events> = {
  VisitBooked: {
    // v1 called the date `on`
    1: (data) => {
      const { on, ...rest } = data as { on: string };
      return { ...rest, bookedOn: on };
    },
    // v2 had no location: every visit was at home
    2: (data) => ({ ...(data as object), location: 'home' }),
  },
};

const codec = createCodec(events, upcasters, 'test');
const booked = {
  type: 'VisitBooked' as const,
  data: { visitId: 'v1', bookedOn: '2026-06-01', location: 'home' as const },
};

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('createCodec', () => {
  it('writes an event with its current schema version, and its data as given', () => {
    expect(codec.encode(booked)).toEqual({ ...booked, schemaVersion: 3 });
  });

  it('reads the current version through the schema', () => {
    expect(codec.decode({ ...booked, schemaVersion: 3 })).toEqual(booked);
  });

  it('upcasts version 1 through every step to the current version', () => {
    expect(
      codec.decode({ type: 'VisitBooked', data: { visitId: 'v1', on: '2026-06-01' }, schemaVersion: 1 }),
    ).toEqual(booked);
  });

  it('upcasts version 2 from its own step only', () => {
    expect(
      codec.decode({
        type: 'VisitBooked',
        data: { visitId: 'v1', bookedOn: '2026-06-01' },
        schemaVersion: 2,
      }),
    ).toEqual(booked);
  });

  it('parses the upcast data, so an upcaster that gets it wrong is caught, naming the field', () => {
    const wrong = createCodec(events, { VisitBooked: { 1: (data) => data, 2: (data) => data } }, 'test');
    const error = errorOf(() =>
      wrong.decode({ type: 'VisitBooked', data: { visitId: 'v1', on: '2026-06-01' }, schemaVersion: 1 }),
    );
    expect(error).toMatchObject({ code: 'invalid_event', field: 'bookedOn' });
  });

  it('refuses a version below 1, above the current one or not a whole number', () => {
    for (const schemaVersion of [0, 4, 1.5, Number.NaN]) {
      expect(errorOf(() => codec.decode({ ...booked, schemaVersion })).code).toBe('unknown_schema_version');
    }
  });

  it('refuses an older version that has no upcaster for a step', () => {
    const missingStep = createCodec(events, { VisitBooked: { 2: (data) => data } }, 'test');
    const error = errorOf(() => missingStep.decode({ ...booked, schemaVersion: 1 }));
    expect(error.code).toBe('unknown_schema_version');
    expect(error.message).toMatch(/from v1/);
  });

  it('refuses an unknown type on read, and on write', () => {
    expect(errorOf(() => codec.decode({ type: 'Unknown', data: {}, schemaVersion: 1 })).code).toBe(
      'unknown_event_type',
    );
    expect(errorOf(() => codec.decode({ type: 'toString', data: {}, schemaVersion: 1 })).code).toBe(
      'unknown_event_type',
    );
    expect(errorOf(() => codec.encode({ type: 'Unknown', data: {} } as never)).code).toBe('invalid_event');
  });

  it('validates on write, naming the field', () => {
    const error = errorOf(() => codec.encode({ type: 'NoteAdded', data: { text: '' } }));
    expect(error).toMatchObject({ code: 'invalid_event', field: 'text' });
  });

  it('reads the table when called, so a version raised later is honoured', () => {
    const table = { NoteAdded: { schemaVersion: 1, data: z.strictObject({ body: z.string() }) } };
    const steps: Upcasters<typeof table> = {};
    const late = createCodec(table, steps, 'test');
    table.NoteAdded.schemaVersion = 2;
    steps.NoteAdded = { 1: (data) => ({ body: (data as { text: string }).text }) };
    expect(late.decode({ type: 'NoteAdded', data: { text: 'hello' }, schemaVersion: 1 })).toEqual({
      type: 'NoteAdded',
      data: { body: 'hello' },
    });
  });

  it('takes upcasters only for its own event types', () => {
    // @ts-expect-error an upcaster for a type the table does not have does not compile
    createCodec(events, { VisitCancelled: { 1: (data: unknown) => data } }, 'test');
    // @ts-expect-error nor does a table of upcasters declared for it
    const stray: Upcasters<typeof events> = { VisitCancelled: {} };
    expect(stray).toBeDefined();
  });
});
