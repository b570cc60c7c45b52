import net from 'node:net';

export interface OutageRelay {
  /** The relay's address: what the browser uses instead of the server's. */
  url: string;
  /** The outage: every open connection is cut and new ones are refused. */
  cut(): Promise<void>;
  /** The server is back, on the same address. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of a test server: a server outage as the browser sees it (sockets
 * dropped, connections refused), while the server and its database carry on untouched.
 */
export async function startOutageRelay(serverUrl: string): Promise<OutageRelay> {
  const target = new URL(serverUrl);
  const open = new Set<net.Socket>();
  let port = 0;
  let listener: net.Server | null = null;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        for (const socket of [client, upstream]) {
          open.add(socket);
          socket.on('close', () => open.delete(socket));
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        port = typeof address === 'object' && address ? address.port : port;
        listener = server;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const server = listener;
      listener = null;
      for (const socket of open) socket.destroy();
      if (server) server.close(() => resolve());
      else resolve();
    });

  await listen();
  return { url: `http://127.0.0.1:${port}`, cut: stop, restore: listen, close: stop };
}
