import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy in front of the EventStoreDB test server that can cut the network without closing anything:
 * while partitioned, connections are accepted and bytes swallowed both ways, so the client sees a server
 * that never answers rather than a refused connection. Healing closes the connections that lost bytes
 * (their HTTP/2 framing is broken) and forwards new ones again.
 */
export async function startPartitioningProxy(upstreamPort: number) {
  let partitioned = false;
  const open = new Set<Socket>();
  const damaged = new Set<Socket>();

  const server = createServer((client) => {
    open.add(client);
    client.on('error', () => undefined);
    client.on('close', () => {
      open.delete(client);
      damaged.delete(client);
    });
    if (partitioned) {
      damaged.add(client);
      client.on('data', () => undefined);
      return;
    }
    const upstream = connect(upstreamPort, '127.0.0.1');
    open.add(upstream);
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => {
      open.delete(upstream);
      client.destroy();
    });
    client.on('close', () => upstream.destroy());
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (chunk) => {
        if (partitioned) {
          damaged.add(client);
          return;
        }
        to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    partition() {
      partitioned = true;
    },
    heal() {
      partitioned = false;
      for (const socket of damaged) socket.destroy();
      damaged.clear();
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
