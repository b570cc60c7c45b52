import type { FastifyInstance } from 'fastify';
import type { Clock } from '@server/core/clock.js';
import type { Database } from '@server/core/db.js';
import { seedDemoIncidents } from '@server/demo-incidents.js';
import { createTestDatabase } from './db.js';
import { startApp, testConfig } from './app.js';

/** Real time that a test can move forward, e.g. past an acknowledgement deadline. */
export class ShiftableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(minutes: number): void {
    this.offsetMs += minutes * 60_000;
  }
}

/**
 * The real server (built client included, `npm test` builds it first) on a random port,
 * on a fresh seeded database with the demo accounts (and, with `demoIncidents`, the
 * fictional demo incidents `npm start` adds), for browser tests.
 */
export async function startServer(
  options: {
    demoIncidents?: boolean;
    /** Writes test data straight into the database before the server starts (e.g. bulk incidents). */
    seed?: (database: Database, now: Date) => Promise<void>;
  } = {},
): Promise<{
  url: string;
  app: FastifyInstance;
  clock: ShiftableClock;
  close(): Promise<void>;
}> {
  const db = await createTestDatabase();
  const clock = new ShiftableClock();
  const database = await db.open();
  if (options.demoIncidents) await seedDemoIncidents(database, testConfig(), clock.now());
  if (options.seed) await options.seed(database, clock.now());
  const app = await startApp(database, { clock, env: { DUE_WORK_POLL_MS: '1000' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    clock,
    async close() {
      await app.close();
      await db.dispose();
    },
  };
}
