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

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    message: string,
    /** Path of the offending field in the command, when one field is to blame. */
    readonly field?: string,
  ) {
    super(message);
  }
}
