import WebSocket from 'ws';

export interface TestSocket {
  /** Every message received so far, parsed. */
  messages: Array<Record<string, unknown>>;
  /** Resolves with the first message (already received or future) that matches. */
  waitFor(match: (m: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  send(message: unknown): void;
  close(): Promise<void>;
  socket: WebSocket;
}

/** A websocket client of the event hub at `baseUrl` (http://host:port), signed in by cookie. */
export function connectWs(baseUrl: string, cookie: string, headers: Record<string, string> = {}): Promise<TestSocket> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws`, { headers: { cookie, ...headers } });
  const messages: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  socket.on('message', (raw, isBinary) => {
    // A browser hands a binary frame over as a Blob, which the console's client can't read as JSON.
    messages.push(isBinary ? { type: 'binary frame' } : JSON.parse(String(raw)));
    for (const w of waiters) w();
  });
  const client: TestSocket = {
    messages,
    socket,
    waitFor(match, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching websocket message in ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    send: (message) => socket.send(JSON.stringify(message)),
    close: () =>
      new Promise((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`websocket refused: ${res.statusCode}`)));
    socket.once('error', reject);
  });
}
