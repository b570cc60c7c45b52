import { fileURLToPath } from 'node:url';
import { mkdir } from 'node:fs/promises';
import { PgDialect, PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import type { Notification, PoolClient, QueryConfig } from 'pg';
import fp from 'fastify-plugin';
import { templateFor } from './pglite-template.js';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

/** Columns are snake_case in the database, camelCase in the schema, on both databases. */
const DRIZZLE_OPTIONS = { casing: 'snake_case' } as const;
/** Writes SQL as the databases' drizzle does: for statements built once and kept (server/core/changes.ts). */
export const dialect = new PgDialect(DRIZZLE_OPTIONS);

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

/** The rows of a raw SQL statement: both drivers answer `{ rows }`, which drizzle's type doesn't say. */
export async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Settings for the rest of a transaction, all in one statement (one round trip). */
function settingsFor(settings: Record<string, string>): SQL {
  const each = Object.entries(settings).map(([name, value]) => sql`set_config(${name}, ${value}, true)`);
  return sql`select ${sql.join(each, sql`, `)}`;
}

/** Room to hash and sort in memory, and no JIT (its compile costs more than these queries run). */
const ROOM = { work_mem: '32MB', jit: 'off' };

function readOnly<T>(
  db: Db,
  settings: Record<string, string>,
  read: (tx: Tx) => Promise<T>,
  isolationLevel: 'read committed' | 'repeatable read',
): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(settingsFor(settings));
      return read(tx);
    },
    { isolationLevel, accessMode: 'read only' },
  );
}

/**
 * Reads that aggregate many rows (a year's report, a tile over ten years) in one read-only
 * transaction with room to hash and sort in memory, and without JIT. PostgreSQL's default 4 MB
 * makes the planner sort a tile's 150,000 rows on disk to group them into a few dozen cells.
 */
export function readWithRoom<T>(
  db: Db,
  read: (tx: Tx) => Promise<T>,
  isolationLevel: 'read committed' | 'repeatable read' = 'read committed',
): Promise<T> {
  return readOnly(db, ROOM, read, isolationLevel);
}

/**
 * The rows of a query that groups many rows into few (a tile's cells, an area's months),
 * grouped by hash, with room as `readWithRoom`. The planner can't estimate groups computed from
 * the columns: it guesses one row and sorts every row read to group them (a million at a zoom-4
 * tile); hashing takes a third less, as the groups are few.
 */
export function readGrouped<T>(db: Db, query: SQL): Promise<T[]> {
  return readOnly(db, { ...ROOM, enable_sort: 'off' }, (tx) => rowsOf<T>(tx, query), 'read committed');
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
  /** Logs connection trouble (a dropped connection, LISTEN or pooled) without crashing the server. */
  onError?: (error: unknown) => void;
  /** PostgreSQL only; defaults in `defaultTimeouts`. */
  timeouts?: Partial<DatabaseTimeouts>;
}

/** How long PostgreSQL may take before a request gives up with a 503 instead of hanging (config.ts: DB_*_MS). */
export interface DatabaseTimeouts {
  /** Opening a connection. */
  connectMs: number;
  /** One statement, enforced by the server (statement_timeout) and, for a server that stopped answering, by the client. */
  statementMs: number;
  /** A transaction left idle (idle_in_transaction_session_timeout): a stuck client can't hold locks for long. */
  idleInTransactionMs: number;
  poolMax: number;
}

export const defaultTimeouts: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 10_000,
  idleInTransactionMs: 30_000,
  poolMax: 20,
};

/** A client-side read timeout a little past the server's: the server's own error is the better one when it can answer. */
const readTimeoutOf = (t: DatabaseTimeouts) => t.statementMs + 2_000;
/** The setup lock waits for another instance's first start (migrations, demo seeding): minutes, not seconds. */
const SETUP_LOCK_WAIT_MS = 15 * 60_000;

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));
/** Arbitrary constant key of the advisory lock that serialises migrations and seeding. */
const SETUP_LOCK = 2001_0622;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.onError, { ...defaultTimeouts, ...options.timeouts })
    : openPglite(options);
}

async function openPostgres(
  url: string,
  onError: (error: unknown) => void = () => {},
  timeouts: DatabaseTimeouts,
): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.Pool({
    connectionString: url,
    max: timeouts.poolMax,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    query_timeout: readTimeoutOf(timeouts),
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
  });
  // pg emits `error` on a client whose connection drops (a restart, a failover, a killed backend)
  // whether it is idle or checked out; a checked-out client without a listener would crash the
  // process. The pool's own listener covers idle ones; this covers every client for its life.
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  const db = drizzle(pool, DRIZZLE_OPTIONS) as unknown as Db;
  const onClient = new WeakMap<PoolClient, Db>();
  Object.defineProperty(db, 'transaction', {
    value: async <T>(work: (tx: Tx) => Promise<T>, config?: Parameters<Db['transaction']>[1]): Promise<T> => {
      // drizzle-orm 0.45 checks a client out, then runs BEGIN outside the try whose finally
      // gives it back (a failed BEGIN leaks the connection), and returns a client whose
      // connection dropped to the pool as if healthy. Here the transaction runs on a client
      // this code holds, released in every case and destroyed when its connection failed.
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        let clientDb = onClient.get(client);
        if (!clientDb) onClient.set(client, (clientDb = drizzle(client, DRIZZLE_OPTIONS) as unknown as Db));
        return await clientDb.transaction(work, config);
      } catch (error) {
        if (isDatabaseUnavailable(error)) broken = error as Error;
        throw error;
      } finally {
        client.release(broken);
      }
    },
  });

  const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('set statement_timeout = 0');
      // pg reads query_timeout per query too; its types don't say so.
      const lock = { text: 'select pg_advisory_lock($1)', values: [SETUP_LOCK], query_timeout: SETUP_LOCK_WAIT_MS };
      await client.query(lock as QueryConfig);
      await client.query('reset statement_timeout');
      return await work();
    } catch (error) {
      if (isDatabaseUnavailable(error)) broken = error as Error;
      throw error;
    } finally {
      // A session-level lock ends with its session: a broken connection frees it by itself.
      if (!broken) await client.query('select pg_advisory_unlock($1)', [SETUP_LOCK]).catch(onError);
      client.release(broken);
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
        if (stopped) return;
        try {
          const c = await pool.connect();
          // Stopped while connecting: give the connection straight back.
          if (stopped) return c.release();
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
  const client = await PGlite.create({
    ...(options.snapshot
      ? { loadDataDir: options.snapshot }
      : { dataDir: options.dataDir, loadDataDir: await templateFor(options.dataDir) }),
    // Its buffer cache is this process's memory (128 MB by default, all of it resident from the
    // start); the files it caches are in the machine's own page cache too. A quarter leaves room
    // for the map's index of a million incidents under 500 MB (docs/benchmarks.md).
    postgresqlconf: ['shared_buffers = 32MB'],
  });
  const db = drizzle(client, DRIZZLE_OPTIONS) as unknown as Db;
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

/** SQLSTATEs that say the database can't serve now, rather than that the request was wrong. */
const UNAVAILABLE_STATES = new Set([
  '57P01', // admin_shutdown: a restart, pg_terminate_backend
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, recovering
  '53300', // too_many_connections
  '57014', // query_canceled: statement_timeout
  '25P03', // idle_in_transaction_session_timeout
  '40001', // serialization_failure: retrying later succeeds
  '40P01', // deadlock_detected: retrying later succeeds
]);
const UNAVAILABLE_MESSAGES =
  /connection terminated|query read timeout|timeout exceeded when trying to connect|connection timeout|client has encountered a connection error|not queryable|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT/i;

/**
 * Whether an error (or one it wraps: drizzle wraps pg's in `cause`) means the database is
 * unreachable, restarting, stopped answering or timed out — a 503 to retry, not the request's fault.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_STATES.has(code))) return true;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && UNAVAILABLE_MESSAGES.test(code)) return true;
    // drizzle's own message is the failed SQL and its parameters (user text): only pg's is read.
    if (!('query' in e) && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
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
