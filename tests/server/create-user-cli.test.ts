import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { signIn, startApp, startConsole, testConfig } from '../helpers/app.js';

const run = promisify(execFile);
/**
 * Each test starts the CLI as processes of its own (module loading, and on PGlite a fresh
 * database to create and migrate): on a busy machine that is well over vitest's 30 s.
 */
const CLI_TIMEOUT_MS = 120_000;

/** `npm run user:create -- …` as an operator runs it, against the suite's own database. */
async function createUser(env: Record<string, string>, args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['--import', 'tsx', 'server/cli/create-user.ts', ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe(`npm run user:create (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase | null = null;
  let dir = '';
  let env: Record<string, string>;
  const start = async (): Promise<FastifyInstance> =>
    db ? startApp(await db.open()) : startConsole(testConfig({ DATA_DIR: dir }));

  beforeAll(async () => {
    if (onPostgres) {
      db = await createTestDatabase();
      env = { DATABASE_URL: db.url! };
    } else {
      dir = await mkdtemp(path.join(tmpdir(), 'boc-cli-'));
      env = { DATA_DIR: dir, DATABASE_URL: '' };
    }
  });
  afterAll(async () => {
    await db?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    'creates an account that can sign in with the given password, role and country',
    async () => {
      const created = await createUser({ ...env, NEW_USER_PASSWORD: 'a-long-real-password' }, [
        ...'--username r.ortega --role consular --country MX'.split(' '),
        ...['--display-name', 'R. Ortega', '--agency', 'Consulado de México en Nogales'],
      ]);
      expect(created.output).toContain('Created r.ortega (consular, MX)');
      expect(created.code).toBe(0);

      const again = await createUser(
        { ...env, NEW_USER_PASSWORD: 'another-long-password' },
        '--username r.ortega --role admin --country US'.split(' '),
      );
      expect(again.code).toBe(1);
      expect(again.output).toContain('exists already');

      const app = await start();
      try {
        const cookie = await signIn(app, 'r.ortega', 'a-long-real-password');
        const me = (await app.inject({ url: '/api/auth/me', headers: { cookie } })).json();
        expect(me.user).toMatchObject({
          displayName: 'R. Ortega',
          role: 'consular',
          country: 'MX',
          agency: 'Consulado de México en Nogales',
        });
        const audit = (
          await app.inject({ url: '/api/audit?limit=200', headers: { cookie: await signIn(app, 'admin') } })
        ).json();
        expect(
          audit.items.some(
            (e: { action: string; actor: string }) => e.action === 'user.create' && e.actor === 'cli:user:create',
          ),
        ).toBe(true);
      } finally {
        await app.close();
      }
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'refuses a bad role, a missing country and a short password, naming each',
    async () => {
      const bad = await createUser(
        { ...env, NEW_USER_PASSWORD: 'a-long-real-password' },
        '--username x --role boss'.split(' '),
      );
      expect(bad.code).toBe(2);
      expect(bad.output).toMatch(/--role/);
      expect(bad.output).toMatch(/--country/);
      const short = await createUser(
        { ...env, NEW_USER_PASSWORD: 'short' },
        '--username x --role liaison --country US'.split(' '),
      );
      expect(short.code).toBe(2);
      expect(short.output).toContain('at least 12 characters');
    },
    CLI_TIMEOUT_MS,
  );
});
