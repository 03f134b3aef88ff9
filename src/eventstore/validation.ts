import { randomUUID } from 'node:crypto';
import { validate as isUuid } from 'uuid';
import { InvalidEventStoreRequestError } from './errors.js';
import type {
  EventFilter,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from './types.js';

/** An event checked and serialised before any adapter writes it, so every adapter rejects the same input. */
export interface PreparedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we reject
const controlCharacters = /[\u0000-\u001f\u007f]/;

export function checkStreamName(stream: unknown): asserts stream is string {
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new InvalidEventStoreRequestError('A stream name must be a non-empty string', 'stream');
  }
  if (controlCharacters.test(stream)) {
    throw new InvalidEventStoreRequestError('A stream name must not contain control characters', 'stream');
  }
  if (stream.startsWith('$')) {
    throw new InvalidEventStoreRequestError(
      'Stream names starting with $ are reserved for the system',
      'stream',
    );
  }
}

export function checkExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'no_stream' || expected === 'any' || expected === 'stream_exists') return;
  if (typeof expected !== 'bigint') {
    throw new InvalidEventStoreRequestError(
      'The expected revision must be no_stream, any, stream_exists or a bigint',
      'expectedRevision',
    );
  }
  if (expected < 0n) {
    throw new InvalidEventStoreRequestError('The expected revision must not be negative', 'expectedRevision');
  }
}

export function checkRevision(value: bigint | undefined, field: string): void {
  if (value !== undefined && (typeof value !== 'bigint' || value < 0n)) {
    throw new InvalidEventStoreRequestError(`${field} must be a non-negative bigint`, field);
  }
}

export function checkMaxCount(value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
    throw new InvalidEventStoreRequestError('maxCount must be a non-negative integer', 'maxCount');
  }
}

export function checkFilter(filter: EventFilter | undefined): void {
  if (filter === undefined) return;
  const prefixes = 'eventTypePrefixes' in filter ? filter.eventTypePrefixes : filter.streamPrefixes;
  if (!Array.isArray(prefixes) || prefixes.some((p) => typeof p !== 'string')) {
    throw new InvalidEventStoreRequestError('A filter needs a list of string prefixes', 'filter');
  }
}

export const matchesFilter = (filter: EventFilter | undefined, stream: string, type: string): boolean => {
  if (filter === undefined) return true;
  if ('eventTypePrefixes' in filter) return filter.eventTypePrefixes.some((p) => type.startsWith(p));
  return filter.streamPrefixes.some((p) => stream.startsWith(p));
};

export const isSystemEvent = (stream: string, type: string): boolean =>
  stream.startsWith('$') || type.startsWith('$');

/** JSON.stringify, but refusing what it would silently drop or mangle, and naming where it is. */
export function toStrictJson(value: unknown, field: string): string {
  const seen = new Set<unknown>();
  const visit = (node: unknown, at: string): unknown => {
    if (node !== null && typeof node === 'object' && 'toJSON' in node && typeof node.toJSON === 'function') {
      return visit(node.toJSON(), at);
    }
    switch (typeof node) {
      case 'bigint':
      case 'function':
      case 'symbol':
      case 'undefined':
        throw new InvalidEventStoreRequestError(`${at} is a ${typeof node}, which JSON cannot hold`, at);
      case 'number':
        if (!Number.isFinite(node)) {
          throw new InvalidEventStoreRequestError(`${at} is not a finite number`, at);
        }
        return node;
      case 'object': {
        if (node === null) return null;
        if (seen.has(node)) throw new InvalidEventStoreRequestError(`${at} refers back to itself`, at);
        seen.add(node);
        const copy = Array.isArray(node)
          ? node.map((item, i) => visit(item, `${at}[${i}]`))
          : Object.fromEntries(
              Object.entries(node)
                .filter(([, v]) => v !== undefined)
                .map(([k, v]) => [k, visit(v, `${at}.${k}`)]),
            );
        seen.delete(node);
        return copy;
      }
      default:
        return node;
    }
  };
  return JSON.stringify(visit(value, field));
}

export function prepareEvents(events: unknown): PreparedEvent[] {
  if (!Array.isArray(events)) {
    throw new InvalidEventStoreRequestError('Events must be an array', 'events');
  }
  if (events.length === 0) {
    throw new InvalidEventStoreRequestError('An append needs at least one event', 'events');
  }
  return events.map((event: NewEvent, i) => {
    const at = `events[${i}]`;
    if (event === null || typeof event !== 'object') {
      throw new InvalidEventStoreRequestError(`${at} must be an object`, at);
    }
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new InvalidEventStoreRequestError(`${at}.type must be a non-empty string`, `${at}.type`);
    }
    if (event.type.startsWith('$') || controlCharacters.test(event.type)) {
      throw new InvalidEventStoreRequestError(
        `${at}.type must not start with $ or contain control characters`,
        `${at}.type`,
      );
    }
    if (event.id !== undefined && (typeof event.id !== 'string' || !isUuid(event.id))) {
      throw new InvalidEventStoreRequestError(`${at}.id must be a UUID`, `${at}.id`);
    }
    if (event.data === undefined) {
      throw new InvalidEventStoreRequestError(`${at}.data is required`, `${at}.data`);
    }
    const metadata = event.metadata ?? {};
    if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
      throw new InvalidEventStoreRequestError(`${at}.metadata must be an object`, `${at}.metadata`);
    }
    return {
      id: (event.id ?? randomUUID()).toLowerCase(),
      type: event.type,
      data: toStrictJson(event.data, `${at}.data`),
      metadata: toStrictJson(metadata, `${at}.metadata`),
    };
  });
}

/** The checks every adapter makes before a read, so all of them refuse the same requests. */
export function checkReadStreamRequest(stream: unknown, options: ReadStreamOptions): void {
  checkStreamName(stream);
  checkRevision(options.fromRevision, 'fromRevision');
  checkMaxCount(options.maxCount);
}

export function checkReadAllRequest(options: ReadAllOptions): void {
  checkRevision(options.fromPosition, 'fromPosition');
  checkMaxCount(options.maxCount);
  checkFilter(options.filter);
}

export function checkSubscribeRequest(options: SubscribeOptions): void {
  checkRevision(options.fromPosition, 'fromPosition');
  checkFilter(options.filter);
}
