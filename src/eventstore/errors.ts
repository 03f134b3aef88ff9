import type { ExpectedRevision } from './types.js';

export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

export const describeRevision = (revision: ExpectedRevision | bigint | 'none'): string =>
  typeof revision === 'bigint' ? revision.toString() : revision;

export class WrongExpectedVersionError extends EventStoreError {
  override readonly name = 'WrongExpectedVersionError';
  readonly code = 'wrong_expected_version';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual revision, or 'no_stream' when it does not exist. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      `Stream ${stream}: expected revision ${describeRevision(expected)}, actual ${describeRevision(actual)}`,
    );
  }
}

/** The request itself is malformed; nothing was written. */
export class InvalidEventStoreRequestError extends EventStoreError {
  override readonly name = 'InvalidEventStoreRequestError';
  readonly code = 'invalid_request';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** The store cannot be reached or is not answering in time; the request may be retried. */
export class EventStoreUnavailableError extends EventStoreError {
  override readonly name = 'EventStoreUnavailableError';
  readonly code = 'store_unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The store was closed by its owner; no further requests are accepted. */
export class EventStoreClosedError extends EventStoreError {
  override readonly name = 'EventStoreClosedError';
  readonly code = 'store_closed';
  constructor() {
    super('The event store is closed');
  }
}
