import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from '@server/core/db.js';
import { adminUrl, databaseUrlFor, templateDatabase } from './postgres.js';

export const onPostgres = Boolean(process.env.DATABASE_URL);

/**
 * A migrated, seeded database of the suite's own: on PostgreSQL a copy of the template
 * database (so several instances can share it), on PGlite the snapshot loaded in memory.
 */
export interface TestDatabase {
  /** Postgres only: connection string of this suite's database. */
  url: string | null;
  /** Opens a connection (each app instance gets its own pool). PGlite: one shared instance. */
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `boc_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase(url)}`);
    await admin.end();
    const suiteUrl = databaseUrlFor(url, name);
    const opened: Database[] = [];
    return {
      url: suiteUrl,
      async open() {
        const database = await openDatabase({ databaseUrl: suiteUrl, dataDir: '' });
        opened.push(database);
        return database;
      },
      async dispose() {
        await Promise.allSettled(opened.map((d) => d.close()));
        const drop = new pg.Client({ connectionString: adminUrl(url) });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
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
    async dispose() {
      await database?.close().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
