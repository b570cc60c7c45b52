import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Checklist, ChecklistKind } from '@shared/checklists/contract.js';
import { stepsWithTicks } from '@shared/checklists/rules.js';
import type { Executor } from '@server/core/db.js';
import { checklists, checklistTicks } from '@server/db/schema/checklists.js';

type ChecklistRow = typeof checklists.$inferSelect;

/** The incident's checklists with their ticks, in the order they were started. */
export async function checklistsOf(db: Executor, incidentId: string): Promise<Checklist[]> {
  const rows = await db
    .select()
    .from(checklists)
    .where(eq(checklists.incidentId, incidentId))
    .orderBy(asc(checklists.startedAt), asc(checklists.kind));
  return withTicks(db, rows);
}

async function withTicks(db: Executor, rows: ChecklistRow[]): Promise<Checklist[]> {
  if (rows.length === 0) return [];
  const ticks = await db
    .select()
    .from(checklistTicks)
    .where(
      inArray(
        checklistTicks.checklistId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    incidentId: r.incidentId,
    kind: r.kind,
    startedBy: r.startedBy,
    startedAt: r.startedAt.toISOString(),
    steps: stepsWithTicks(
      r.kind,
      ticks.filter((t) => t.checklistId === r.id).map((t) => ({ stepId: t.stepId, by: t.by, at: t.at.toISOString() })),
    ),
  }));
}

/** One checklist of the incident with its ticks; `forUpdate` locks it for the rest of the transaction. */
export async function findChecklist(
  db: Executor,
  incidentId: string,
  kind: ChecklistKind,
  forUpdate = false,
): Promise<Checklist | null> {
  const query = db
    .select()
    .from(checklists)
    .where(and(eq(checklists.incidentId, incidentId), eq(checklists.kind, kind)));
  const rows = forUpdate ? await query.for('update') : await query;
  const [found] = await withTicks(db, rows);
  return found ?? null;
}

/** Starts the checklist; null if the incident already has one of this kind. */
export async function insertChecklist(
  db: Executor,
  values: { incidentId: string; kind: ChecklistKind; startedById: string; startedBy: string; startedAt: Date },
): Promise<string | null> {
  const [row] = await db.insert(checklists).values(values).onConflictDoNothing().returning({ id: checklists.id });
  return row?.id ?? null;
}

/** Ticks a step (idempotent: a step already ticked keeps its first tick); true if this call ticked it. */
export async function insertTick(
  db: Executor,
  values: { checklistId: string; stepId: string; byId: string; by: string; at: Date },
): Promise<boolean> {
  const rows = await db
    .insert(checklistTicks)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: checklistTicks.stepId });
  return rows.length > 0;
}

/** Unticks a step (idempotent); true if it was ticked. */
export async function deleteTick(db: Executor, checklistId: string, stepId: string): Promise<boolean> {
  const rows = await db
    .delete(checklistTicks)
    .where(and(eq(checklistTicks.checklistId, checklistId), eq(checklistTicks.stepId, stepId)))
    .returning({ id: checklistTicks.stepId });
  return rows.length > 0;
}
