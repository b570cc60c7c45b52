import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type DatabaseTimeouts } from '@server/core/db.js';
import { databaseUrlFor, ignoreConnectionError, onAdminConnection, templateDatabase } from './postgres.js';

export const onPostgres = Boolean(process.env.DATABASE_URL);

/**
 * A migrated, seeded database of the suite's own: on PostgreSQL a copy of the template
 * database (so several instances can share it), on PGlite the snapshot loaded in memory.
 */
export interface TestDatabase {
  /** Postgres only: connection string of this suite's database. */
  url: string | null;
  /**
   * Opens a connection (each app instance gets its own pool). PGlite: one shared instance.
   * Postgres: `through` rewrites the URL (a fault-injecting proxy); `timeouts` as in production.
   */
  open(options?: { through?: (url: string) => string; timeouts?: Partial<DatabaseTimeouts> }): Promise<Database>;
  /**
   * Postgres only: a bare client on this suite's database, for a test that holds a session
   * of its own (an open transaction, a lock). `dispose` ends it if the test did not.
   */
  client(): Promise<pg.Client>;
  /** Closes every connection opened through `open` and `client`, then drops the database. */
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `boc_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await onAdminConnection(url, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase(url)}`));
    const suiteUrl = databaseUrlFor(url, name);
    const opened: Database[] = [];
    const clients = new Set<pg.Client>();
    return {
      url: suiteUrl,
      async open({ through = (u: string) => u, timeouts }: Parameters<TestDatabase['open']>[0] = {}) {
        const database = await openDatabase({ databaseUrl: through(suiteUrl), dataDir: '', timeouts });
        opened.push(database);
        return database;
      },
      async client() {
        const { default: pgModule } = await import('pg');
        const client = ignoreConnectionError(new pgModule.Client({ connectionString: suiteUrl }));
        clients.add(client);
        client.once('end', () => clients.delete(client));
        await client.connect();
        return client;
      },
      async dispose() {
        // Close first what this suite opened, so FORCE has nothing left to cut off but what
        // a close could not end (a pool's client stuck in a query, say).
        await Promise.allSettled([...opened.map((d) => d.close()), ...[...clients].map((c) => c.end())]);
        await onAdminConnection(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }
  const snapshotFile = inject('pgliteSnapshot');
  if (!snapshotFile) throw new Error('no PGlite snapshot: is tests/helpers/global-setup.ts configured?');
  const dir = await mkdtemp(path.join(tmpdir(), 'boc-suite-'));
  let database: Database | null = null;
  return {
    url: null,
    async open() {
      database ??= await openDatabase({ dataDir: dir, snapshot: new Blob([await readFile(snapshotFile)]) });
      return database;
    },
    client() {
      return Promise.reject(new Error('a bare client needs PostgreSQL (DATABASE_URL)'));
    },
    async dispose() {
      await database?.close().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
