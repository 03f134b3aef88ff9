import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_LOG_PREFIX } from '../../src/domain/access-log.js';
import type { Role } from '../../src/domain/roles.js';
import { EventStoreUnavailableError } from '../../src/eventstore/errors.js';
import type { EventStore, RecordedEvent } from '../../src/eventstore/types.js';
import { type TestApi, testApi } from '../api/support.js';
import {
  type DocumentedOperation,
  liveDocument,
  type OpenApiDocument,
  operationsOf,
  urlOf,
} from './openapi-operations.js';
import { personalDataAnswered, personalNames } from './personal-data.js';
import { roleTable } from './role-table.js';
import { caseFor, people, roleHeaders, type SeededCases, seedCases } from './seed-cases.js';

/**
 * Issue 12, "Proof": every operation whose answer can carry personal data, found in /openapi.json itself,
 * records the read in the access log, once, naming the cases it answers with, before it answers.
 */

async function lastPosition(store: EventStore): Promise<bigint> {
  for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) return event.position;
  return -1n;
}

async function eventsAfter(store: EventStore, position: bigint): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll({ fromPosition: position + 1n })) events.push(event);
  return events;
}

/** Every case an answer names: each `caseId` in its body, and the case of its path. */
function casesNamed(body: unknown, pathCase: string | undefined): string[] {
  const found = new Set<string>(pathCase ? [pathCase] : []);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'caseId' && typeof inner === 'string') found.add(inner);
        walk(inner);
      }
    }
  };
  walk(body);
  return [...found].sort();
}

/** The keys anywhere in a JSON value: an answer that must carry no data must carry none of these. */
const keysIn = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(keysIn)
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, inner]) => [key, ...keysIn(inner)])
      : [];

describe('the access log records every read of personal data', () => {
  let api: TestApi;
  let cases: SeededCases;
  let document: OpenApiDocument;
  let tokens: Record<Role, Record<string, string>>;
  /** The operations whose answers carry personal data, as the document describes them. */
  let personal: DocumentedOperation[];

  beforeAll(async () => {
    api = await testApi();
    cases = await seedCases(api);
    document = await liveDocument(api);
    tokens = await roleHeaders(api);
    personal = operationsOf(document).filter((op) => personalDataAnswered(op, document).length > 0);
  });
  afterAll(() => api.close());

  /** Each personal read as each role the role table lets make it, about the case that role may read. */
  const reads = () =>
    personal.flatMap((op) => {
      const access = roleTable[op.key] ?? [];
      const allowed = access === 'open' ? [] : access;
      return allowed.map((role) => ({
        op,
        role,
        caseId: caseFor(cases, role),
        url: urlOf(op, { caseId: caseFor(cases, role), officerId: people.officer }),
      }));
    });

  it('finds the reads of personal data in the document, and none of them is open', () => {
    // Each of the detector's rules finds something, or the assertions below could pass on nothing.
    const reasons = personal.flatMap((op) => personalDataAnswered(op, document));
    for (const rule of [/^property child$/, /^free-form property /, /^a list of cases$/]) {
      expect(
        reasons.some((reason) => rule.test(reason)),
        String(rule),
      ).toBe(true);
    }
    for (const op of personal) expect(roleTable[op.key], op.key).not.toBe('open');
  });

  it('answers no command, referral or deletion return with personal data', () => {
    // They record, they do not read: their answers (CommandResult, ReferralReceipt) carry no child data.
    const writes = operationsOf(document).filter((op) => op.method !== 'GET');
    expect(writes.length).toBeGreaterThan(0);
    for (const op of writes) expect(personalDataAnswered(op, document), op.key).toEqual([]);
  });

  it('records each read once, naming the cases answered, the reader and the route', async () => {
    const wrong: string[] = [];
    for (const { op, role, caseId, url } of reads()) {
      const before = await lastPosition(api.store);
      const answer = await api.app.inject({ url, headers: tokens[role] });
      const label = `${op.key} as ${role}`;
      if (answer.statusCode !== 200) {
        wrong.push(`${label}: answered ${answer.statusCode}`);
        continue;
      }
      const named = casesNamed(answer.json(), op.path.includes('{caseId}') ? caseId : undefined);
      if (named.length === 0) wrong.push(`${label}: named no case, so nothing shows the read is logged`);
      const written = await eventsAfter(api.store, before);
      const logged = written.filter((event) => event.stream.startsWith(ACCESS_LOG_PREFIX));
      if (written.length !== 1 || logged.length !== 1) {
        wrong.push(`${label}: ${logged.length} access log entries of ${written.length} events written`);
        continue;
      }
      const data = logged[0]?.data as { actor: string; role: string; caseIds: string[]; route: string };
      expect({ ...data, caseIds: [...data.caseIds].sort() }, label).toEqual({
        actor: people[role],
        role,
        caseIds: named,
        route: op.path.replaceAll(/\{(\w+)\}/g, ':$1'),
      });
    }
    expect(wrong).toEqual([]);
  });

  it('answers no data when the read cannot be recorded: the entry is written before the answer', async () => {
    const append = api.store.append;
    api.store.append = (stream, events, expected) =>
      stream.startsWith(ACCESS_LOG_PREFIX)
        ? Promise.reject(new EventStoreUnavailableError('the access log is not answering'))
        : append.call(api.store, stream, events, expected);
    try {
      for (const { op, role, url } of reads()) {
        const before = await lastPosition(api.store);
        const answer = await api.app.inject({ url, headers: tokens[role] });
        const label = `${op.key} as ${role}`;
        expect(answer.statusCode, label).toBeGreaterThanOrEqual(500);
        expect(answer.headers['content-type'], label).toContain('application/problem+json');
        expect(keysIn(answer.json()).filter((key) => personalNames.has(key) || key === 'caseId')).toEqual([]);
        for (const name of cases.familyNames) expect(answer.body, label).not.toContain(name);
        expect(await lastPosition(api.store), label).toBe(before);
      }
    } finally {
      api.store.append = append;
    }
  });

  /**
   * The access log itself is not a read of personal data: it names cases by id and staff by name, never a
   * child. It is the audit trail, read by the auditor only; recording each read of it in itself would make
   * every audit change what it audits (a page that grows as it is read). Should it ever answer with a
   * child's details the document would show it, and the tests above would demand the entry.
   */
  it('does not record reads of the access log in the access log', async () => {
    const accessLog = operationsOf(document).find((op) => op.key === 'get /v1/access-log');
    expect(accessLog && personalDataAnswered(accessLog, document)).toEqual([]);
    const before = await lastPosition(api.store);
    const answer = await api.app.inject({ url: '/v1/access-log', headers: tokens.auditor });
    expect(answer.statusCode).toBe(200);
    expect(await lastPosition(api.store)).toBe(before);
  });
});
