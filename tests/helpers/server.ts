import type { FastifyInstance } from 'fastify';
import { createTestDatabase } from './db.js';
import { startApp } from './app.js';

/**
 * The real server (built client included, `npm test` builds it first) on a random port,
 * on a fresh seeded database with the demo accounts, for browser tests.
 */
export async function startServer(): Promise<{ url: string; app: FastifyInstance; close(): Promise<void> }> {
  const db = await createTestDatabase();
  const app = await startApp(await db.open(), { env: { ESCALATION_POLL_MS: '1000' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    async close() {
      await app.close();
      await db.dispose();
    },
  };
}
