import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { mintToken } from '../../src/api/plugins/auth.js';
import { type TestApi, testApi } from '../api/support.js';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const statusesOf = async (count: number, send: () => Promise<{ statusCode: number }>) => {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await send()).statusCode);
  return statuses;
};

/** One request over a raw socket, so that the request target is sent exactly as written. */
async function rawRequest(port: number, target: string, headers: Record<string, string> = {}) {
  const lines = [`GET ${target} HTTP/1.1`, 'Host: localhost', 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n`));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk;
    });
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), head: head.toLowerCase(), body };
}

describe('rate limits count before authentication and per verified actor', () => {
  it('limits requests without a valid token, by client address', async () => {
    api = await testApi({ limits: { requestsPerMinute: 100, requestsPerMinutePerAddress: 3 } });
    const app = api.app;
    const statuses = await statusesOf(5, () =>
      app.inject({ url: '/v1/deadlines', headers: { authorization: 'Bearer not.a.token' } }),
    );
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('counts every spelling of the scheme, and every token of one person, in one allowance', async () => {
    api = await testApi({ limits: { requestsPerMinute: 4, requestsPerMinutePerAddress: 1000 } });
    const { app, config } = api;
    const first = await api.token('officer', 'olive');
    const second = await mintToken(config, { sub: 'olive', role: 'officer', expiresIn: '2h' });
    const headers = [
      `Bearer ${first}`,
      `bearer ${first}`,
      `BEARER ${first}`,
      `Bearer ${second}`,
      `bEaReR ${second}`,
    ];
    const statuses = [];
    for (const authorization of headers) {
      statuses.push((await app.inject({ url: '/v1/deadlines', headers: { authorization } })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });
});

describe('an absolute-form request target is the same /v1 request', () => {
  it('is authenticated, marked no-store and rate limited like its origin-form twin', async () => {
    api = await testApi({ limits: { requestsPerMinute: 100, requestsPerMinutePerAddress: 4 } });
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.app.server.address() as { port: number };
    const authorization = `Bearer ${await api.token('officer')}`;
    const target = `http://localhost:${port}/v1/deadlines`;
    const withToken = await rawRequest(port, target, { authorization });
    // Before: the auth hook skipped it (url did not start with /v1/), so the route saw no actor: 401.
    expect(withToken.status).toBe(200);
    expect(withToken.head).toContain('cache-control: no-store');
    // The problem names the path, not the absolute target.
    const refused = await rawRequest(port, target, { authorization: 'Bearer not.a.token' });
    expect(
      JSON.parse(refused.body.slice(refused.body.indexOf('{'), refused.body.lastIndexOf('}') + 1)),
    ).toMatchObject({
      status: 401,
      instance: '/v1/deadlines',
    });
    const withoutToken = [];
    for (let i = 0; i < 3; i++) withoutToken.push((await rawRequest(port, target)).status);
    expect(withoutToken).toEqual([401, 401, 429]);
  });
});
