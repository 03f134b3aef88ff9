import fc from 'fast-check';
import { hugeStrings, oddStrings } from './fuzz-schema.js';

/** Percent-encodes a URL component; a lone surrogate, which has no UTF-8, goes as U+FFFD. */
export const encodeComponent = (value: string): string =>
  encodeURIComponent(Buffer.from(value, 'utf8').toString('utf8'));

/** Things that are not a case id, or are one nobody has, or are not even a well-formed path segment. */
export const badIds = fc.oneof(
  fc.uuid(),
  fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', '..', '%2e%2e', '%00', '%', '%zz'),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.uuid().map((id) => `${id}x`),
  oddStrings.map(encodeComponent),
  fc.constant('a'.repeat(5_000)),
);

export const badQueryValues = fc.oneof(
  fc.constantFrom(
    'abc',
    '-1',
    '0',
    '1e9',
    '999999999999999999999',
    'true',
    '[]',
    '{}',
    '2025-02-30',
    '2025-13-01',
    // Report bounds: years outside 1990–2100, a five-digit year, the widest period the bounds allow.
    '9999-01-01',
    '9999-12-31',
    '0999-12-31',
    '1989-12-31',
    '2101-01-01',
    '+10000-01-01',
    '1990-01-01',
    '2100-12-31',
  ),
  oddStrings,
  hugeStrings.map((value) => value.slice(0, 10_000)),
);

export const contentTypes = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/xml',
  'application/json; charset=latin1',
  'application/merge-patch+json',
  'application/octet-stream',
);

export const malformedJson = fc.constantFrom(
  '',
  '{',
  '{"a":}',
  '[1,]',
  "{'a':1}",
  'NaN',
  'null',
  '[]',
  '"text"',
  '123',
  '{"a":1}{"b":2}',
  '\ufeff{}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
  `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
);
