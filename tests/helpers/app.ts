import type { FastifyInstance } from 'fastify';
import { buildApp } from '@server/app.js';
import { openPreparedDatabase } from '@server/bootstrap.js';
import type { Clock } from '@server/core/clock.js';
import { loadConfig, type Config } from '@server/core/config.js';
import type { Database } from '@server/core/db.js';
import { DEMO_PASSWORD } from '@seeds/demo-users.js';

/** A clock tests move by hand: deadlines pass without sleeping. */
export class ManualClock implements Clock {
  constructor(private current = new Date()) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO: '1',
    // Tests drive due work with `app.dueWork.tick()` and a manual clock; the loops stay out of the way.
    DUE_WORK_POLL_MS: '3600000',
    EVENTS_POLL_MS: '500',
    CLIENT_DIR: 'dist/client',
    ...env,
  });
}

/** The app on a database the test prepared (tests/helpers/db.ts); the test closes both. */
export async function startApp(
  database: Database,
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(options.env), { database, clock: options.clock });
  await app.ready();
  return app;
}

/**
 * The console as `npm start` runs it: on the database `config` points at, created, migrated
 * and seeded by the bootstrap on first use. Closing the app closes its database.
 */
export async function startConsole(config: Config): Promise<FastifyInstance> {
  const database = await openPreparedDatabase(config, { seed: true, demo: config.seedDemo });
  const app = await buildApp(config, { database });
  app.addHook('onClose', () => database.close());
  await app.ready();
  return app;
}

/** Signs an account in through the API and returns its Cookie header. */
export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sid');
  return `sid=${cookie!.value}`;
}

/** Listens on a random loopback port and returns the base URL (http://127.0.0.1:PORT). */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}
