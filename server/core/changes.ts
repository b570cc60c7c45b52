import fp from 'fastify-plugin';
import { sql, type SQL } from 'drizzle-orm';
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
}

/** A unit of work: its writes go through `tx`; its audit rows and events through `record`. */
export type ChangeWork<T> = (tx: Tx, record: ChangeRecorder) => Promise<T>;

/**
 * Runs `work` in one transaction with its audit rows and outbox events: nothing half-written,
 * and nothing others must see is lost. NOTIFY inside the transaction is delivered on commit.
 */
export async function runChange<T>(db: Executor, actor: Actor, work: ChangeWork<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const audits: AuditRecord[] = [];
    const outbox: Array<typeof events.$inferInsert> = [];
    const record: ChangeRecorder = {
      audit: (r) => audits.push(r),
      event: (kind, payload, audience) => {
        // A payload the catalogue refuses is a programming error: fail the change, not the readers.
        eventPayloads[kind].parse(payload);
        outbox.push({ kind, data: payload, audience, actorId: actor.id });
      },
    };
    const result = await work(tx as Tx, record);
    // The audit rows, the outbox rows and the NOTIFY go in one statement (data-modifying CTEs):
    // one round trip instead of three on every change.
    const writes: SQL[] = [];
    if (audits.length > 0) {
      const rows = audits.map((a) => ({
        actorId: actor.id,
        actorUsername: actor.username,
        action: a.action,
        entity: a.entity,
        entityId: a.entityId,
        before: a.before ?? null,
        after: a.after ?? null,
      }));
      writes.push(tx.insert(auditLog).values(rows).getSQL());
    }
    if (outbox.length > 0) writes.push(tx.insert(events).values(outbox).getSQL());
    if (writes.length > 0) {
      const ctes = sql.join(
        writes.map((write, i) => sql`${sql.identifier(`w${i}`)} as (${write})`),
        sql`, `,
      );
      const notify = outbox.length > 0 ? sql`pg_notify('events', '')` : sql`null`;
      await tx.execute(sql`with ${ctes} select ${notify}`);
    }
    return result;
  });
}

export interface Changes {
  run<T>(actor: Actor, work: ChangeWork<T>): Promise<T>;
}

declare module 'fastify' {
  interface FastifyInstance {
    changes: Changes;
  }
}

export function changesOf(db: Db): Changes {
  return { run: (actor, work) => runChange(db, actor, work) };
}

export const changesPlugin = fp(
  async (app) => {
    app.decorate('changes', changesOf(app.db));
  },
  { name: 'changes', dependencies: ['db'] },
);
