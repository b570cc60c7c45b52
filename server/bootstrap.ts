import type { Config } from '@server/core/config.js';
import { openDatabase, type Database } from '@server/core/db.js';
import { grantServerRole } from '@server/core/db-roles.js';
import { seed } from '@seeds/seed.js';

export interface PrepareOptions {
  /** Load the reference geography (and, with `demo`, the demo accounts). Safe to repeat. */
  seed: boolean;
  demo: boolean;
  /** Told each step as it starts ("migrating…"), for a start that says what it is doing. */
  progress?: (step: string) => void;
}

/**
 * Brings a database up to date: the committed migrations, then the seed data. Used by
 * `npm start` (main.ts), the CLIs (`db:migrate`, `db:seed`, `user:create`) and the tests'
 * global setup; serialised across instances by the database's setup lock.
 */
export async function prepareDatabase(database: Database, options: PrepareOptions): Promise<void> {
  options.progress?.('migrating…');
  await database.migrate();
  if (!options.seed) return;
  options.progress?.('seeding reference data…');
  // One transaction: a hundred-odd statements commit once (PGlite writes its WAL at each commit).
  await database.exclusively(() => database.db.transaction((tx) => seed(tx, { demo: options.demo })));
}

/**
 * Opens the configured database (PostgreSQL at DATABASE_URL, else PGlite in DATA_DIR, created
 * on first use) and prepares it. With MIGRATION_DATABASE_URL, the owner migrates and seeds and
 * grants DATABASE_URL's role what the server needs (server/core/db-roles.ts); the server then
 * runs as that role. The caller closes it.
 */
export async function openPreparedDatabase(
  config: Config,
  options: PrepareOptions,
  onError?: (error: unknown) => void,
): Promise<Database> {
  const open = (databaseUrl: string | undefined) =>
    openDatabase({ databaseUrl, dataDir: config.dataDir, onError, timeouts: config.database });
  options.progress?.('opening the database…');
  if (config.migrationDatabaseUrl && config.databaseUrl) {
    const owner = await open(config.migrationDatabaseUrl);
    try {
      await prepareDatabase(owner, options);
      const role = decodeURIComponent(new URL(config.databaseUrl).username);
      await owner.exclusively(() => grantServerRole(owner, role));
    } finally {
      await owner.close();
    }
    return open(config.databaseUrl);
  }
  const database = await open(config.databaseUrl);
  try {
    await prepareDatabase(database, options);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
