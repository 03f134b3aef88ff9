/** Turns @eventstore/db-client errors into the port's errors, so none of the client's types leak out. */
import { ErrorType, isCommandError } from '@eventstore/db-client';
import {
  EventStoreError,
  EventStoreUnavailableError,
  InvalidEventStoreRequestError,
  WrongExpectedVersionError,
} from './errors.js';
import type { ExpectedRevision } from './types.js';

/** Errors after which the same request may succeed: the server or the connection was briefly unusable. */
const transientTypes: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.CANCELLED,
  ErrorType.NOT_LEADER,
  ErrorType.UNKNOWN,
]);

export const isStreamNotFound = (error: unknown): boolean =>
  error instanceof Error && isCommandError(error) && error.type === ErrorType.STREAM_NOT_FOUND;

/** True for what a retry can cure; false for answers about the request itself (conflict, bad input). */
export function isTransient(error: unknown): boolean {
  if (error instanceof EventStoreError) return error instanceof EventStoreUnavailableError;
  if (error instanceof Error && isCommandError(error)) return transientTypes.has(error.type);
  // grpc-js and net errors that reach us unwrapped: refused or reset connections, closed HTTP/2 sessions.
  return error instanceof Error;
}

export function toPortError(
  error: unknown,
  context: { operation: string; stream?: string; expected?: ExpectedRevision },
): Error {
  if (error instanceof EventStoreError) return error;
  if (error instanceof Error && isCommandError(error)) {
    if (error.type === ErrorType.WRONG_EXPECTED_VERSION && context.stream && context.expected !== undefined) {
      const actual = error.actualVersion;
      return new WrongExpectedVersionError(
        context.stream,
        context.expected,
        typeof actual === 'bigint' ? actual : 'no_stream',
      );
    }
    if (error.type === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED || error.type === ErrorType.INVALID_ARGUMENT) {
      return new InvalidEventStoreRequestError(
        `EventStoreDB refused the ${context.operation}: ${error.message}`,
        'events',
      );
    }
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new EventStoreUnavailableError(`EventStoreDB ${context.operation} failed: ${reason}`, {
    cause: error,
  });
}
