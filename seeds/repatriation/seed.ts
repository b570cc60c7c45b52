import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@server/core/db.js';
import { auditLog } from '@server/db/schema/audit-log.js';
import { arrangementPorts, arrangements } from '@server/db/schema/repatriation.js';
import { seedArrangements } from './arrangements.js';

/**
 * Loads the illustrative arrangements (seeds/repatriation/arrangements.ts) that are not there yet.
 * Once loaded they belong to the operators: a second run changes none they edited, and brings
 * back none they deleted (the audit log remembers). A port already in another arrangement stays there.
 */
export async function seedRepatriation(db: Executor): Promise<void> {
  const ids = seedArrangements.map((a) => a.id);
  const present = await db.select({ id: arrangements.id }).from(arrangements).where(inArray(arrangements.id, ids));
  const deleted = await db
    .select({ id: auditLog.entityId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, 'arrangement'),
        eq(auditLog.action, 'arrangement.delete'),
        inArray(auditLog.entityId, ids),
      ),
    );
  const skip = new Set([...present, ...deleted].map((row) => row.id));
  for (const seed of seedArrangements) {
    if (skip.has(seed.id)) continue;
    await db.insert(arrangements).values({
      id: seed.id,
      name: seed.name,
      windows: seed.windows,
      vulnerableWindow: seed.vulnerableWindow,
      noticeHours: seed.noticeHours,
      exConvictNoticeHours: seed.exConvict.noticeHours,
      capacityPerWindow: seed.capacityPerWindow,
      illustrative: seed.illustrative,
      basis: seed.basis,
      sources: seed.sources,
    });
    await db
      .insert(arrangementPorts)
      .values(
        seed.portIds.map((portId, position) => ({
          arrangementId: seed.id,
          portId,
          position,
          exConvict: seed.exConvict.portIds.includes(portId),
        })),
      )
      .onConflictDoNothing();
  }
}
