import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '@server/bootstrap.js';
import { openDatabase, type Database } from '@server/core/db.js';
import { dueWork } from '@server/db/schema/due-work.js';
import { databaseUrlFor, onAdminConnection, templateDatabase } from './postgres.js';

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
    const template = templateDatabase(url);
    await onAdminConnection(url, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${template}`);
    });
    const database = await openDatabase({ databaseUrl: databaseUrlFor(url, template), dataDir: '' });
    await prepare(database);
    await database.close();
    project.provide('pgliteSnapshot', null);
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'boc-snapshot-'));
  const database = await openDatabase({ dataDir: path.join(dir, 'data') });
  await prepare(database);
  const dump = await database.dumpDataDir!();
  const file = path.join(dir, 'snapshot.tar.gz');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteSnapshot', file);
  return async () => rm(dir, { recursive: true, force: true });
}

/**
 * What `npm start` prepares, less the seeded due work. The demo rosters are dated from the
 * moment of seeding, and each starts a coverage-gap warning chain due at once: whichever
 * suite's app ticked first (every app ticks on start) would warn of the gaps then ahead —
 * Douglas – Agua Prieta's Saturday-morning one from Friday morning on — and add rows and
 * `roster.gap_ahead` events depending on the day and hour the run happens. A suite gets
 * only the due work it exercises: what its own requests schedule (a roster change starts a
 * chain, tests/server/liaison.test.ts; a report an escalation, tests/reliability/escalation.test.ts).
 */
async function prepare(database: Database): Promise<void> {
  await prepareDatabase(database, { seed: true, demo: true });
  await database.db.delete(dueWork);
}
