import { connect } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/server.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import { eheReferral } from '../api/fixtures.js';
import { bearer, emptyProjections, type TestApi, testApi, testConfig } from '../api/support.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('the server names every request itself; a client’s X-Request-Id is kept beside, not instead', () => {
  it('answers with our id, in the header and the problem, whatever the client sent', async () => {
    api = await testApi();
    const response = await api.app.inject({ url: '/v1/deadlines', headers: { 'x-request-id': 'req-42' } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['x-request-id']).toMatch(UUID);
    expect(response.json().requestId).toBe(response.headers['x-request-id']);
  });

  it('records our id in the access log, and the client’s as clientRequestId', async () => {
    api = await testApi();
    const referral = eheReferral();
    const manager = bearer(await api.token('manager'));
    await api.app.inject({ method: 'POST', url: '/v1/ehe-cases', headers: manager, payload: referral });
    const read = await api.app.inject({
      url: `/v1/cases/${referral.caseId}`,
      headers: { ...manager, 'x-request-id': 'someone-elses-request' },
    });
    expect(read.statusCode).toBe(200);
    const log = await api.app.inject({ url: '/v1/access-log', headers: bearer(await api.token('auditor')) });
    const [entry] = log.json().entries;
    expect(entry).toMatchObject({
      requestId: read.headers['x-request-id'],
      clientRequestId: 'someone-elses-request',
    });
  });

  it('keeps the client’s id as clientRequestId in the metadata of the events a command writes', async () => {
    api = await testApi();
    const referral = eheReferral();
    const response = await api.app.inject({
      method: 'POST',
      url: '/v1/ehe-cases',
      headers: { ...bearer(await api.token('manager')), 'x-request-id': 'portal-77' },
      payload: referral,
    });
    expect(response.statusCode).toBe(201);
    const metadata = [];
    for await (const event of api.store.readStream(`ehe-${referral.caseId}`)) metadata.push(event.metadata);
    expect(metadata[0]).toMatchObject({
      causationId: response.headers['x-request-id'],
      clientRequestId: 'portal-77',
    });
  });

  it('a correlation id that is not a plain token is replaced by ours rather than failing the write', async () => {
    api = await testApi();
    const response = await api.app.inject({
      method: 'POST',
      url: '/v1/ehe-cases',
      headers: { ...bearer(await api.token('manager')), 'x-correlation-id': 'two words' },
      payload: eheReferral(),
    });
    expect(response.statusCode).toBe(201);
  });

  it('logs the client’s id beside ours', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const store = createSqliteEventStore({ path: ':memory:' });
    const app = await buildApp({
      config: testConfig(),
      store,
      projections: emptyProjections(),
      logger: pino({ level: 'info' }, sink),
    });
    const response = await app.inject({ url: '/health/live', headers: { 'x-request-id': 'trace-9' } });
    await app.close();
    await store.close();
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries.find((entry) => entry.msg === 'incoming request')).toMatchObject({
      reqId: response.headers['x-request-id'],
      clientRequestId: 'trace-9',
    });
  });
});

/** Sends raw bytes and returns the whole answer (the server closes the connection after a client error). */
async function rawExchange(
  port: number,
  bytes: string,
): Promise<{ status: number; head: string; body: string }> {
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk;
    });
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), head: head.toLowerCase(), body };
}

describe('what the HTTP parser refuses is a problem document too', () => {
  it('headers larger than Node takes (16 KB) are a 431 headers_too_large problem', async () => {
    api = await testApi();
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.app.server.address() as { port: number };
    const request = `GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`;
    const answer = await rawExchange(port, request);
    expect(answer.status).toBe(431);
    expect(answer.head).toContain('content-type: application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 431, code: 'headers_too_large' });
  });

  it('a request line the parser cannot read is a 400 bad_request problem', async () => {
    api = await testApi();
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.app.server.address() as { port: number };
    const answer = await rawExchange(port, 'NOT A REQUEST\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({
      status: 400,
      code: 'bad_request',
      requestId: expect.any(String),
    });
  });
});
