import { fileURLToPath } from 'node:url';
import { mkdir } from 'node:fs/promises';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { Notification, PoolClient } from 'pg';
import fp from 'fastify-plugin';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

/**
 * Independent reads, side by side on the pool (each on a connection of its own) and one after
 * another in a transaction: a transaction is one connection, which runs one query at a time
 * (pg queues a second today and will refuse it in pg 9).
 */
export async function readAll<T extends readonly unknown[]>(
  db: Executor,
  ...reads: { [K in keyof T]: () => PromiseLike<T[K]> }
): Promise<T> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Applies the committed SQL migrations; safe when several instances start at once. */
  migrate(): Promise<void>;
  /** Runs `work` while holding a database-wide lock (migrations, seeding). */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  /** Subscribes to NOTIFY on `channel`; resolves to an unsubscribe function. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a tarball, to start other instances from. */
  dumpDataDir?(): Promise<Blob>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  /** A PGlite snapshot (from `dumpDataDir`) to start from: tests use it to skip migrating. */
  snapshot?: Blob;
  /** Logs connection trouble (LISTEN drops) without crashing the server. */
  onError?: (error: unknown) => void;
}

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));
/** Arbitrary constant key of the advisory lock that serialises migrations and seeding. */
const SETUP_LOCK = 2001_0622;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.onError) : openPglite(options);
}

async function openPostgres(url: string, onError: (error: unknown) => void = () => {}): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  pool.on('error', onError);
  const db = drizzle(pool, { casing: 'snake_case' }) as unknown as Db;

  const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [SETUP_LOCK]);
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [SETUP_LOCK]).catch(onError);
      client.release();
    }
  };

  return {
    db,
    kind: 'postgres',
    exclusively,
    migrate: () => exclusively(() => migrate(drizzle(pool), { migrationsFolder })),
    async listen(channel, onNotify) {
      // A dedicated connection: LISTEN is per session. If it drops, reconnect; the event
      // hub's poll covers whatever was notified in between.
      let client: PoolClient | null = null;
      let stopped = false;
      const reconnectSoon = () => {
        if (!stopped) setTimeout(() => void connect(), 1000).unref();
      };
      const connect = async (): Promise<void> => {
        try {
          const c = await pool.connect();
          client = c;
          c.on('notification', (msg: Notification) => msg.channel === channel && onNotify(msg.payload ?? ''));
          c.on('error', (error: Error) => {
            if (client !== c) return; // already released on purpose
            onError(error);
            client = null;
            c.release(true);
            reconnectSoon();
          });
          await c.query(`LISTEN ${channel}`);
        } catch (error) {
          onError(error);
          reconnectSoon();
        }
      };
      await connect();
      return async () => {
        stopped = true;
        const c = client;
        client = null;
        if (c) {
          await c.query(`UNLISTEN ${channel}`).catch(onError);
          c.release();
        }
      };
    },
    close: () => pool.end(),
  };
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (!options.snapshot) await mkdir(options.dataDir, { recursive: true });
  const client = await PGlite.create(
    options.snapshot ? { loadDataDir: options.snapshot } : { dataDir: options.dataDir },
  );
  const db = drizzle(client, { casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    // One embedded connection per process: nothing else can race for it.
    exclusively: (work) => work(),
    migrate: () => migrate(drizzle(client), { migrationsFolder }),
    async listen(channel, onNotify) {
      const unsubscribe = await client.listen(channel, onNotify);
      return unsubscribe;
    },
    close: () => client.close(),
    dumpDataDir: async () => (await client.dumpDataDir('gzip')) as Blob,
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
  }
}

/** Exposes an already opened, prepared database; its owner (main.ts, a CLI or a test) closes it. */
export const dbPlugin = fp<{ database: Database }>(
  async (app, { database }) => {
    app.decorate('database', database);
    app.decorate('db', database.db);
  },
  { name: 'db' },
);
