import { and, desc, lt, type SQL } from 'drizzle-orm';
import type { AuditEntry, AuditPage } from '@shared/audit/contract.js';
import type { Executor } from '@server/core/db.js';
import { auditLog } from '@server/db/schema/audit-log.js';

/** A page of the audit log, newest first, before the entry `before` when given. */
export async function auditPageOf(db: Executor, limit: number, before: number | undefined): Promise<AuditPage> {
  const filters: SQL[] = [];
  if (before) filters.push(lt(auditLog.id, before));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...filters))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const items: AuditEntry[] = page.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorUsername,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  }));
  return { items, nextBefore: rows.length > limit ? page[page.length - 1]!.id : null };
}
