import fp from 'fastify-plugin';
import { sql } from 'drizzle-orm';
import type { EventKind } from '@shared/events.js';
import type { Executor, Tx } from '../db/index.js';
import { auditLog } from '../db/schema/audit-log.js';
import { events } from '../db/schema/events.js';

export interface Actor { id: string | null; username: string }
export const systemActor: Actor = { id: null, username: 'system' };

export interface AuditRecord { action: string; entity: string; entityId: string | null; before?: unknown; after?: unknown }
export interface EventRecord { kind: EventKind; mechanismId: string | null; data: Record<string, unknown> }

/** What a unit of work declares besides its own writes; persisted in the same transaction. */
export interface ChangeRecorder {
  audit(record: AuditRecord): void;
  event(record: EventRecord): void;
}

/**
 * Runs `work` in one transaction with its audit rows and outbox events: nothing half-written,
 * and nothing others must see is lost. NOTIFY inside the transaction is delivered on commit.
 */
export async function runChange<T>(db: Executor, actor: Actor, work: (tx: Tx, record: ChangeRecorder) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const audits: AuditRecord[] = [];
    const outbox: EventRecord[] = [];
    const result = await work(tx as Tx, { audit: (r) => audits.push(r), event: (e) => outbox.push(e) });
    if (audits.length > 0) {
      await tx.insert(auditLog).values(
        audits.map((a) => ({ actorId: actor.id, actorUsername: actor.username, action: a.action, entity: a.entity, entityId: a.entityId, before: a.before ?? null, after: a.after ?? null })),
      );
    }
    if (outbox.length > 0) {
      await tx.insert(events).values(outbox);
      await tx.execute(sql`select pg_notify('events', '')`);
    }
    return result;
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    changes: { run<T>(actor: Actor, work: (tx: Tx, record: ChangeRecorder) => Promise<T>): Promise<T> };
  }
}

export default fp(
  async (app) => {
    app.decorate('changes', { run: (actor, work) => runChange(app.db, actor, work) });
  },
  { name: 'changes', dependencies: ['db'] },
);
