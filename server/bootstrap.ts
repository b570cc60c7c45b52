import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Config } from '@server/core/config.js';
import { openDatabase, type Database } from '@server/core/db.js';
import { grantServerRole } from '@server/core/db-roles.js';
import { vacuumWhereDue } from '@server/core/embedded-maintenance.js';
import { inputsHash } from '@server/core/inputs-hash.js';
import { seedState } from '@server/db/schema/seed-state.js';
import { seed } from '@seeds/seed.js';

export interface PrepareOptions {
  /** Load the reference geography (and, with `demo`, the demo accounts). Safe to repeat. */
  seed: boolean;
  demo: boolean;
  /** Told each step as it starts ("migrating…"), for a start that says what it is doing. */
  progress?: (step: string) => void;
  /**
   * Seed even when the database was seeded from the same inputs (`npm run db:seed`). Without
   * it, a start whose seed inputs are unchanged skips seeding: the seed data is already there.
   */
  force?: boolean;
  /** What the seed data is made from; by default the hash of SEED_INPUTS. Tests pass their own. */
  seedInputsHash?: string;
}

/** Everything the seed data is computed from, including the packages it reads (world-atlas). */
const SEED_INPUTS = ['seeds', 'shared', 'migrations', 'package-lock.json'];
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Brings a database up to date: the committed migrations, then the seed data. Used by
 * `npm start` (main.ts), the CLIs (`db:migrate`, `db:seed`, `user:create`) and the tests'
 * global setup; serialised across instances by the database's setup lock.
 */
export async function prepareDatabase(database: Database, options: PrepareOptions): Promise<void> {
  options.progress?.('migrating…');
  await database.migrate();
  if (!options.seed) return;
  const kind = options.demo ? 'reference+demo' : 'reference';
  const hash = options.seedInputsHash ?? inputsHash(root, SEED_INPUTS);
  await database.exclusively(async () => {
    const [seeded] = await database.db.select().from(seedState).where(eq(seedState.kind, kind));
    if (!options.force && seeded?.inputsHash === hash) {
      options.progress?.('reference data up to date');
      return;
    }
    options.progress?.('seeding reference data…');
    // One transaction: a hundred-odd statements commit once (PGlite writes its WAL at each
    // commit), and the record of what was seeded commits with the data or not at all.
    await database.db.transaction(async (tx) => {
      await seed(tx, { demo: options.demo });
      await tx
        .insert(seedState)
        .values({ kind, inputsHash: hash })
        .onConflictDoUpdate({ target: seedState.kind, set: { inputsHash: hash, seededAt: new Date() } });
    });
    // PostgreSQL's autovacuum analyses what was just loaded; the embedded database has none.
    if (database.kind === 'pglite') {
      options.progress?.('analysing the tables…');
      await vacuumWhereDue(database.db);
    }
  });
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
