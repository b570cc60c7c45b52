import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/db/index.js';
import { seed } from '../../seeds/seed.js';
import { adminUrl, databaseUrlFor, TEMPLATE_DB } from './postgres.js';

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
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: databaseUrlFor(url, TEMPLATE_DB), dataDir: '' });
    await database.migrate();
    await seed(database.db, { demo: true });
    await database.close();
    project.provide('pgliteSnapshot', null);
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'boc-snapshot-'));
  const database = await openDatabase({ dataDir: path.join(dir, 'data') });
  await database.migrate();
  await seed(database.db, { demo: true });
  const dump = await database.dumpDataDir!();
  const file = path.join(dir, 'snapshot.tar.gz');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteSnapshot', file);
  return async () => rm(dir, { recursive: true, force: true });
}
