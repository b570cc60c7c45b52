import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import type { Clock } from '../../server/clock.js';
import { loadConfig, type Config } from '../../server/config.js';
import type { Database } from '../../server/db/index.js';
import { DEMO_PASSWORD } from '../../seeds/demo-users.js';

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
    // Tests drive escalation with `tick()` and a manual clock; the loops stay out of the way.
    ESCALATION_POLL_MS: '3600000',
    EVENTS_POLL_MS: '500',
    CLIENT_DIR: 'dist/client',
    ...env,
  });
}

export async function startApp(database: Database, options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(options.env), { database, clock: options.clock });
  await app.ready();
  return app;
}

/** Signs a demo account in through the API and returns its Cookie header. */
export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sid');
  return `sid=${cookie!.value}`;
}
