import type { DomainErrorCode, DomainErrorCodeOf, DomainErrorKind } from './error-codes.js';

/**
 * The shape every case type follows: three plain functions, pure and free of I/O.
 * `decide` throws a DomainError for a command the state does not allow.
 */
export interface Decider<Command, Event, State, Context> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State, context: Context) => Event[];
}

/** How a case type's events are written to and read back from the store (with upcasting of old versions). */
export interface EventCodec<Event> {
  encode: (event: Event) => { type: string; data: unknown; schemaVersion: number };
  /** Parses (and upcasts) a stored event; throws when the type is unknown or the data does not match. */
  decode: (stored: { type: string; data: unknown; schemaVersion: number }) => Event;
}

/** The kind, then a code of that kind (see error-codes.ts), words for people, and the field to blame if one is. */
type DomainErrorArguments = {
  [K in DomainErrorKind]: [kind: K, code: DomainErrorCodeOf<K>, message: string, field?: string];
}[DomainErrorKind];

/**
 * A command the domain refuses, or data of our own it cannot read. The kind is chosen where it is thrown
 * (the API answers each kind with one status); the code is stable and machine-readable.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly kind: DomainErrorKind;
  readonly code: DomainErrorCode;
  /** Path of the offending field in the command, when one field is to blame. */
  readonly field: string | undefined;
  constructor(...[kind, code, message, field]: DomainErrorArguments) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.field = field;
  }
}

type Refusal<K extends DomainErrorKind> = (
  code: DomainErrorCodeOf<K>,
  message: string,
  field?: string,
) => never;

/**
 * How a decider refuses a command, naming the kind of refusal where it is made:
 * `fail.invalid` (the command itself is wrong, e.g. a date in the future), `fail.conflict` (the case's state
 * forbids it now, e.g. a closed case), `fail.notFound` (there is no case).
 */
export const fail: {
  invalid: Refusal<'invalid'>;
  conflict: Refusal<'conflict'>;
  notFound: Refusal<'notFound'>;
} = {
  invalid: (code, message, field) => {
    throw new DomainError('invalid', code, message, field);
  },
  conflict: (code, message, field) => {
    throw new DomainError('conflict', code, message, field);
  },
  notFound: (code, message, field) => {
    throw new DomainError('notFound', code, message, field);
  },
};
