import net from 'node:net';

/**
 * A TCP proxy on the loopback between the app and PostgreSQL that can fail the way networks
 * and servers do, for this suite's connections only (restarting the shared server would fail
 * every other suite running beside it):
 * - `restart(ms)`: every open connection is cut at once and new ones are refused for `ms`,
 *   as a PostgreSQL restart or a failover looks from the client;
 * - `freeze(ms)`: connections stay open but nothing passes either way for `ms`, as a server
 *   stopped by SIGSTOP, a full disk or a network partition looks.
 */
export interface FaultProxy {
  port: number;
  /** The database URL with its host and port replaced by the proxy's. */
  through(url: string): string;
  restart(ms: number): Promise<void>;
  freeze(ms: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  const pairs = new Set<[net.Socket, net.Socket]>();
  let refusing = false;
  let frozen = false;

  const server = net.createServer((client) => {
    if (refusing) return client.destroy();
    const upstream = net.connect(target.port, target.host);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      from.on('data', (chunk) => {
        to.write(chunk);
      });
      from.on('error', end);
      from.on('close', end);
    }
    if (frozen) {
      client.pause();
      upstream.pause();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  return {
    port,
    through(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    async restart(ms) {
      refusing = true;
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
      await sleep(ms);
      refusing = false;
    },
    async freeze(ms) {
      frozen = true;
      for (const [client, upstream] of pairs) {
        client.pause();
        upstream.pause();
      }
      await sleep(ms);
      frozen = false;
      for (const [client, upstream] of pairs) {
        client.resume();
        upstream.resume();
      }
    },
    async close() {
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
