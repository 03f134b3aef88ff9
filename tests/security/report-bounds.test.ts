import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type TestApi, testApi } from '../api/support.js';
import { createLog, viewsOf } from '../projections/fixtures.js';

describe('report dates are bounded, so no request can make a report build without end', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  beforeAll(async () => {
    api = await testApi();
    manager = bearer(await api.token('manager'));
  });
  afterAll(() => api.close());

  const get = (url: string, headers = manager) => api.app.inject({ url, headers });
  const fieldsOf = (body: { errors?: { path: string }[] }) => body.errors?.map((error) => error.path);

  it('refuses a committee period in the year 9999 at once, naming the field', async () => {
    const started = Date.now();
    const response = await get('/v1/reports/committee?from=9999-01-01&to=9999-12-31');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(response.json())).toEqual(['querystring.from', 'querystring.to']);
  });

  it('refuses a period that ends before it starts, naming `to`', async () => {
    const response = await get('/v1/reports/committee?from=2025-11-20&to=2025-09-01');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'querystring.to', message: 'must be on or after `from`' },
    ]);
  });

  it('refuses a period longer than ten years, naming `to`', async () => {
    const response = await get('/v1/reports/committee?from=2015-01-01&to=2025-01-02');
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual(['querystring.to']);
  });

  it('answers a ten-year period, month by month', async () => {
    const response = await get('/v1/reports/committee?from=2016-01-01&to=2025-12-31');
    expect(response.statusCode).toBe(200);
    const months = response.json().byMonth.map((month: { month: string }) => month.month);
    expect(months).toHaveLength(120);
    expect([months[0], months.at(-1)]).toEqual(['2016-01', '2025-12']);
  });

  it.each([
    ['/v1/reports/dfe-return?censusDate=9999-01-15', 'querystring.censusDate'],
    ['/v1/reports/dfe-return?censusDate=0999-01-15', 'querystring.censusDate'],
    ['/v1/reports/academic-year?year=9999-00', 'querystring.year'],
    ['/v1/reports/academic-year?year=1989-90', 'querystring.year'],
    ['/v1/deadlines?dueFrom=9999-01-01', 'querystring.dueFrom'],
    ['/v1/deadlines?dueTo=0001-01-01', 'querystring.dueTo'],
    ['/v1/cases?dueBefore=9999-01-01', 'querystring.dueBefore'],
  ])('refuses %s, naming %s', async (url, field) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual([field]);
  });

  it("refuses a case's state as at the year 9999", async () => {
    const auditor = bearer(await api.token('auditor'));
    const url = '/v1/cases/00000000-0000-4000-8000-000000000001/state?asOf=9999-01-01T00:00:00Z';
    const response = await get(url, auditor);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual(['querystring.asOf']);
  });
});

describe('report months', () => {
  it('are compared as numbers, so a year of five digits still ends the list', () => {
    const { query } = viewsOf(createLog().recorded, '2026-01-01');
    const months = query.statistics.committee('9999-12-01', '10000-01-31').byMonth;
    expect(months.map((month) => month.month)).toEqual(['9999-12', '10000-01']);
  });
});

describe('a request that trickles its body', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi({ limits: { requestsPerMinute: 10_000, requestTimeoutMs: 500 } });
    await api.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => api.close());

  it('is cut off once the request timeout passes, instead of holding the connection', async () => {
    const { port } = api.app.server.address() as AddressInfo;
    const token = await api.token('manager');
    const socket = connect(port, '127.0.0.1');
    const answer = new Promise<string>((resolve) => {
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk.toString();
      });
      socket.on('close', () => resolve(received));
    });
    socket.write(
      'POST /v1/ehe-cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        `Authorization: Bearer ${token}\r\nContent-Length: 1000\r\n\r\n{`,
    );
    // One byte every 100 ms: never idle, never done.
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write(' ');
    }, 100);
    const gaveUp = new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 4000));
    const outcome = await Promise.race([answer, gaveUp]);
    clearInterval(trickle);
    socket.destroy();
    expect(outcome).toMatch(/^HTTP\/1\.1 408/);
  });
});
