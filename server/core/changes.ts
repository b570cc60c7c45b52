import fp from 'fastify-plugin';
import { createHash } from 'node:crypto';
import { getTableName, is, SQL, sql, type Query } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Audience } from '@shared/audience.js';
import { eventPayloads, type EventKind, type EventPayload } from '@shared/events.js';
import { dialect, type Db, type Executor, type Tx } from '@server/core/db.js';
import { auditLog } from '@server/db/schema/audit-log.js';
import { events } from '@server/db/schema/events.js';

export interface Actor {
  id: string | null;
  username: string;
}
export const systemActor: Actor = { id: null, username: 'system' };

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** What a unit of work declares besides its own writes; persisted in the same transaction. */
export interface ChangeRecorder {
  audit(record: AuditRecord): void;
  /**
   * Announces a change on the event hub to `audience` (shared/audience.ts). The payload is
   * typed, and checked, by the event catalogue (shared/events.ts).
   */
  event<K extends EventKind>(kind: K, payload: EventPayload<K>, audience: Audience): void;
  /**
   * Adds rows to `table` in the statement that ends the change, with its audit rows and
   * events: for rows nothing in the change reads back (foreign keys are checked at the
   * statement's end, so a parent may come in the same statement).
   */
  insert<T extends PgTable>(table: T, rows: T['$inferInsert'] | Array<T['$inferInsert']>): void;
}

/** A unit of work: its reads and writes go through `tx`; its audit rows, events and rows read back by nothing through `record`. */
export type ChangeWork<T> = (tx: Tx, record: ChangeRecorder) => Promise<T>;

/** What a change has declared so far: written together by `flush`. */
class Recorded implements ChangeRecorder {
  private readonly audits: AuditRecord[] = [];
  /** One INSERT, so `seq` numbers the events in the order they were declared. */
  private readonly outbox: Array<typeof events.$inferInsert> = [];
  private readonly inserts: Array<{ table: PgTable; rows: Rows }> = [];

  constructor(private readonly actor: Actor) {}

  audit(record: AuditRecord): void {
    this.audits.push(record);
  }

  event<K extends EventKind>(kind: K, payload: EventPayload<K>, audience: Audience): void {
    // A payload the catalogue refuses is a programming error: fail the change, not the readers.
    eventPayloads[kind].parse(payload);
    this.outbox.push({ kind, data: payload, audience, actorId: this.actor.id });
  }

  insert<T extends PgTable>(table: T, rows: T['$inferInsert'] | Array<T['$inferInsert']>): void {
    this.inserts.push({ table, rows: (Array.isArray(rows) ? rows : [rows]) as Rows });
  }

  /**
   * The declared rows, the audit rows, the events and the NOTIFY in one statement
   * (data-modifying CTEs): one round trip however much the change declared. NOTIFY is
   * delivered on commit.
   */
  async flush(db: Executor): Promise<void> {
    const { actor } = this;
    const writes = [...this.inserts];
    if (this.audits.length > 0)
      writes.push({
        table: auditLog,
        rows: this.audits.map((a) => ({
          actorId: actor.id,
          actorUsername: actor.username,
          action: a.action,
          entity: a.entity,
          entityId: a.entityId,
          before: a.before ?? null,
          after: a.after ?? null,
        })),
      });
    if (this.outbox.length > 0) writes.push({ table: events, rows: this.outbox });
    if (writes.length === 0) return;
    await executeShaped(db, writes, this.outbox.length > 0);
  }
}

type Rows = Array<Record<string, unknown>>;
type Writes = Array<{ table: PgTable; rows: Rows }>;

/** The statement of a change's writes, as data-modifying CTEs; with `notify`, it notifies the event hub. */
function changeStatement(db: Executor, writes: Writes, notify: boolean): SQL {
  const ctes = sql.join(
    writes.map(
      ({ table, rows }, i) =>
        sql`${sql.identifier(`w${i}`)} as (${db
          .insert(table)
          .values(rows as never)
          .getSQL()})`,
    ),
    sql`, `,
  );
  return sql`with ${ctes} select ${notify ? sql`pg_notify('events', '')` : sql`null`}`;
}

/**
 * Statements by shape (the tables, how many rows, which columns each gives and which are null),
 * built once with a placeholder for every value: building a report's statement was a seventh of
 * the console's CPU per report. Named after their text, PostgreSQL parses and plans each once per
 * connection. Shapes come from the code's changes, so they are few; past this many, a statement
 * is built each time.
 */
const SHAPES_KEPT = 500;
const shaped = new Map<string, { query: Query; name: string }>();

/**
 * The writes with a placeholder for each value, the values by placeholder, and their shape;
 * null when a value is an SQL expression (its text is its own).
 */
function placeheld(
  writes: Writes,
  notify: boolean,
): { shape: string; held: Writes; values: Record<string, unknown> } | null {
  const values: Record<string, unknown> = {};
  const shape: string[] = [notify ? 'notify' : 'quiet'];
  let n = 0;
  const held: Writes = [];
  for (const { table, rows } of writes) {
    const heldRows: Rows = [];
    for (const row of rows) {
      shape.push(`|${getTableName(table)}`);
      const heldRow: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) {
        if (is(value, SQL)) return null;
        // null, and undefined (the column's default), are written into the text, and so into the shape.
        if (value === null || value === undefined) {
          shape.push(`${key}=${value}`);
          heldRow[key] = value;
        } else {
          shape.push(key);
          heldRow[key] = sql.placeholder(`v${n}`);
          values[`v${n++}`] = value;
        }
      }
      heldRows.push(heldRow);
    }
    held.push({ table, rows: heldRows });
  }
  return { shape: shape.join(','), held, values };
}

async function executeShaped(db: Executor, writes: Writes, notify: boolean): Promise<unknown> {
  const placed = placeheld(writes, notify);
  let statement = placed && shaped.get(placed.shape);
  if (!placed || (!statement && shaped.size >= SHAPES_KEPT)) return db.execute(changeStatement(db, writes, notify));
  if (!statement) {
    const query = dialect.sqlToQuery(changeStatement(db, placed.held, notify));
    statement = { query, name: `change_${createHash('sha1').update(query.sql).digest('hex').slice(0, 24)}` };
    shaped.set(placed.shape, statement);
  }
  return db._.session.prepareQuery(statement.query, undefined, statement.name, false).execute(placed.values);
}

/**
 * Runs `work` in one transaction with its audit rows and outbox events: nothing half-written,
 * and nothing others must see is lost.
 */
export async function runChange<T>(db: Executor, actor: Actor, work: ChangeWork<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const recorded = new Recorded(actor);
    const result = await work(tx as Tx, recorded);
    await recorded.flush(tx);
    return result;
  });
}

/**
 * A change that reads nothing in its transaction, only declares rows, audit records and
 * events: written as one statement, which is a transaction of its own (no BEGIN, no COMMIT).
 */
export async function writeChange<T>(db: Executor, actor: Actor, build: (record: ChangeRecorder) => T): Promise<T> {
  const recorded = new Recorded(actor);
  const result = build(recorded);
  await recorded.flush(db);
  return result;
}

export interface Changes {
  run<T>(actor: Actor, work: ChangeWork<T>): Promise<T>;
  write<T>(actor: Actor, build: (record: ChangeRecorder) => T): Promise<T>;
}

declare module 'fastify' {
  interface FastifyInstance {
    changes: Changes;
  }
}

export function changesOf(db: Db): Changes {
  return {
    run: (actor, work) => runChange(db, actor, work),
    write: (actor, build) => writeChange(db, actor, build),
  };
}

export const changesPlugin = fp(
  async (app) => {
    app.decorate('changes', changesOf(app.db));
  },
  { name: 'changes', dependencies: ['db'] },
);
