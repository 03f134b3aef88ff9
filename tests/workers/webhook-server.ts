import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const WEBHOOK_SECRET = 'a-test-secret-of-some-length';

/** A receiver that refuses the first `failures` requests, then accepts; it checks each signature. */
export async function flakyWebhookServer(failures: number) {
  let refused = 0;
  const delivered: { body: Record<string, unknown>; signatureValid: boolean }[] = [];
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    request.on('end', () => {
      if (refused < failures) {
        refused++;
        response.writeHead(503).end();
        return;
      }
      const header = String(request.headers['sightline-signature'] ?? '');
      const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
      const expected = match
        ? createHmac('sha256', WEBHOOK_SECRET).update(`${match[1]}.${raw}`).digest('hex')
        : '';
      delivered.push({
        body: JSON.parse(raw) as Record<string, unknown>,
        signatureValid: match?.[2] === expected,
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    delivered,
    refused: () => refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
