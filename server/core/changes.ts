import fp from 'fastify-plugin';
import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Audience } from '@shared/audience.js';
import { eventPayloads, type EventKind, type EventPayload } from '@shared/events.js';
import type { Db, Executor, Tx } from '@server/core/db.js';
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
  private readonly inserts: Array<{ table: PgTable; rows: unknown[] }> = [];

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
    this.inserts.push({ table, rows: Array.isArray(rows) ? rows : [rows] });
  }

  /**
   * The declared rows, the audit rows, the events and the NOTIFY in one statement
   * (data-modifying CTEs): one round trip however much the change declared. NOTIFY is
   * delivered on commit.
   */
  async flush(db: Executor): Promise<void> {
    const { actor } = this;
    const writes: SQL[] = this.inserts.map(({ table, rows }) =>
      db
        .insert(table)
        .values(rows as never)
        .getSQL(),
    );
    if (this.audits.length > 0) {
      const rows = this.audits.map((a) => ({
        actorId: actor.id,
        actorUsername: actor.username,
        action: a.action,
        entity: a.entity,
        entityId: a.entityId,
        before: a.before ?? null,
        after: a.after ?? null,
      }));
      writes.push(db.insert(auditLog).values(rows).getSQL());
    }
    if (this.outbox.length > 0) writes.push(db.insert(events).values(this.outbox).getSQL());
    if (writes.length === 0) return;
    const ctes = sql.join(
      writes.map((write, i) => sql`${sql.identifier(`w${i}`)} as (${write})`),
      sql`, `,
    );
    const notify = this.outbox.length > 0 ? sql`pg_notify('events', '')` : sql`null`;
    await db.execute(sql`with ${ctes} select ${notify}`);
  }
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
