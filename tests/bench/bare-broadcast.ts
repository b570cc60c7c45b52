import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

/**
 * Baseline for alert fan-out: a bare `ws` server that, on POST /broadcast, sends the
 * request body to every connected client. No database, no auth, no scope checks.
 */
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const payload = Buffer.concat(chunks).toString();
    for (const client of wss.clients) client.send(payload);
    res.writeHead(204).end();
  });
});
const wss = new WebSocketServer({ server });
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('disconnect', () => process.exit(0));
