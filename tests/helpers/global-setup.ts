import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '@server/bootstrap.js';
import { openDatabase } from '@server/core/db.js';
import { adminUrl, databaseUrlFor, templateDatabase } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite data folder dump, migrated and seeded (embedded runs). */
    pgliteSnapshot: string | null;
  }
}

/**
 * Migrates and seeds once per run: a PGlite snapshot each suite loads, or, on PostgreSQL,
 * a template database each suite copies. Either way a suite starts from the same state.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    const template = templateDatabase(url);
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: databaseUrlFor(url, template), dataDir: '' });
    await prepareDatabase(database, { seed: true, demo: true });
    await database.close();
    project.provide('pgliteSnapshot', null);
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'boc-snapshot-'));
  const database = await openDatabase({ dataDir: path.join(dir, 'data') });
  await prepareDatabase(database, { seed: true, demo: true });
  const dump = await database.dumpDataDir!();
  const file = path.join(dir, 'snapshot.tar.gz');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteSnapshot', file);
  return async () => rm(dir, { recursive: true, force: true });
}
