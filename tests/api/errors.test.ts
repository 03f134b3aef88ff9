import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { csvField, reportToCsv } from '../../src/api/csv.js';
import { mintToken } from '../../src/api/plugins/auth.js';
import { domainErrorStatus, domainErrorStatuses, errorsPlugin } from '../../src/api/plugins/errors.js';
import { buildApp } from '../../src/api/server.js';
import { DomainError } from '../../src/domain/decider.js';
import { type DomainErrorKind, domainErrorCodes } from '../../src/domain/error-codes.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import type { EventStore } from '../../src/eventstore/types.js';
import { eheReferral } from './fixtures.js';
import { bearer, emptyProjections, testApi, testConfig } from './support.js';

describe('errors and limits', () => {
  it('never leaks an internal error: a 500 problem with the request id, and the error in the log only', async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    const broken: EventStore = {
      ...store,
      append: async () => {
        throw new TypeError('SQLITE_CORRUPT: secret internals at /srv/data/sightline.db');
      },
      readStream: (stream, options) => store.readStream(stream, options),
      readAll: (options) => store.readAll(options),
      subscribeToAll: (options) => store.subscribeToAll(options),
      close: () => store.close(),
    };
    const config = testConfig();
    const app = await buildApp({ config, store: broken, projections: emptyProjections() });
    const response = await app.inject({
      method: 'POST',
      url: '/v1/ehe-cases',
      payload: eheReferral({ receivedOn: '2025-01-06', eheStartDate: '2025-01-06' }),
      headers: {
        ...bearer(await mintToken(config, { sub: 'mary', role: 'manager' })),
        'x-request-id': 'req-42',
      },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({
      status: 500,
      code: 'internal_error',
      requestId: response.headers['x-request-id'],
    });
    expect(response.body).not.toContain('SQLITE');
    expect(response.body).not.toContain('/srv/');
    await app.close();
    await store.close();
  });

  it('limits requests per client with 429 problems', async () => {
    const api = await testApi({ limits: { requestsPerMinute: 3 } });
    const headers = bearer(await api.token('officer'));
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await api.app.inject({ url: '/v1/deadlines', headers })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await api.app.inject({ url: '/v1/deadlines', headers });
    expect(limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    // Another client has its own allowance; health checks have none.
    expect(
      (await api.app.inject({ url: '/v1/deadlines', headers: bearer(await api.token('manager')) }))
        .statusCode,
    ).toBe(200);
    expect((await api.app.inject('/health/live')).statusCode).toBe(200);
    await api.close();
  });

  it('takes the allowance from RATE_LIMIT_PER_MINUTE', async () => {
    const config = testConfig({ RATE_LIMIT_PER_MINUTE: '2' });
    const store = createSqliteEventStore({ path: ':memory:' });
    const app = await buildApp({ config, store, projections: emptyProjections() });
    const headers = bearer(await mintToken(config, { sub: 'olive', role: 'officer' }));
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await app.inject({ url: '/v1/deadlines', headers })).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
    await app.close();
    await store.close();
  });

  it('names a query parameter that is wrong', async () => {
    const api = await testApi();
    const response = await api.app.inject({
      url: '/v1/reports/dfe-return?censusDate=2025-02-30',
      headers: bearer(await api.token('manager')),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('querystring.censusDate');
    await api.close();
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('St Mary, Southampton')).toBe('"St Mary, Southampton"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-12')).toBe('-12');
  });

  it('writes one row per figure, named by its path', () => {
    expect(reportToCsv({ ehe: { total: 40, bySex: { F: 20, M: 'low' } } })).toBe(
      'figure,value\r\nehe.total,40\r\nehe.bySex.F,20\r\nehe.bySex.M,low\r\n',
    );
  });
});

describe('domain errors', () => {
  /** One DomainError of each kind, as a decider or a codec throws it. */
  const oneOfEach: Record<DomainErrorKind, DomainError> = {
    invalid: new DomainError(
      'invalid',
      'date_in_future',
      'receivedOn 2027-01-04 is after today',
      'receivedOn',
    ),
    conflict: new DomainError('conflict', 'case_closed', 'the case is closed: reopen it first'),
    notFound: new DomainError('notFound', 'case_not_found', 'no referral has opened this case'),
    internal: new DomainError('internal', 'invalid_event', 'CaseAllocated: secret internals'),
  };
  const kinds = Object.keys(domainErrorCodes) as DomainErrorKind[];

  /** What the API answers when a route throws `error`. */
  async function answerTo(error: DomainError) {
    const app = Fastify();
    await app.register(errorsPlugin);
    app.post('/v1/throws', async () => {
      throw error;
    });
    const response = await app.inject({ method: 'POST', url: '/v1/throws', payload: {} });
    await app.close();
    return response;
  }

  it('gives every kind a status: invalid 422, conflict 409, not found 404, internal 500', () => {
    expect(domainErrorStatuses).toEqual({ invalid: 422, conflict: 409, notFound: 404, internal: 500 });
    for (const kind of kinds) expect(domainErrorStatuses[kind]).toBeTypeOf('number');
  });

  it('lists each code under one kind only, and answers a code with its kind’s status', () => {
    const all = Object.values(domainErrorCodes).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const kind of kinds) {
      for (const code of domainErrorCodes[kind])
        expect(domainErrorStatus(code)).toBe(domainErrorStatuses[kind]);
    }
  });

  it.each(['invalid', 'conflict', 'notFound'] as const)(
    'answers a %s DomainError with its kind’s status, its code and its words',
    async (kind) => {
      const error = oneOfEach[kind];
      const response = await answerTo(error);
      expect(response.statusCode).toBe(domainErrorStatuses[kind]);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.json()).toMatchObject({
        status: domainErrorStatuses[kind],
        code: error.code,
        detail: error.message,
        type: `urn:sightline:problem:${error.code}`,
      });
    },
  );

  it('names the field a DomainError blames by its path in the body', async () => {
    const response = await answerTo(oneOfEach.invalid);
    expect(response.json().errors).toEqual([
      { path: 'body.receivedOn', message: 'receivedOn 2027-01-04 is after today' },
    ]);
  });

  it('answers an internal DomainError as 500 internal_error, keeping its code and words to the log', async () => {
    const response = await answerTo(oneOfEach.internal);
    expect(response.statusCode).toBe(domainErrorStatuses.internal);
    expect(response.json()).toMatchObject({ status: 500, code: 'internal_error' });
    expect(response.body).not.toContain('invalid_event');
    expect(response.body).not.toContain('secret internals');
  });
});
