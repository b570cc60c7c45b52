import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { SetAsideWork } from '@shared/due-work/contract.js';
import type { Executor } from '@server/core/db.js';
import { dueWork } from '@server/db/schema/due-work.js';

export type DueWorkRow = typeof dueWork.$inferSelect;

/** More than this set aside at once is an outage to fix at its cause, not a list to read. */
const SET_ASIDE_LIST_LIMIT = 500;

const setAside = and(isNotNull(dueWork.setAsideAt), isNull(dueWork.doneAt));

export function toSetAsideWork(row: DueWorkRow): SetAsideWork {
  return {
    id: row.id,
    kind: row.kind,
    subjectId: row.subjectId,
    // A set-aside row always has both (server/core/due-work.ts sets them together).
    reason: row.setAsideReason ?? 'attempts',
    attempts: row.attempts,
    lastError: row.lastError,
    dueAt: row.dueAt.toISOString(),
    setAsideAt: (row.setAsideAt ?? row.dueAt).toISOString(),
  };
}

/** Work set aside, most recently first. */
export async function listSetAside(db: Executor): Promise<SetAsideWork[]> {
  const rows = await db
    .select()
    .from(dueWork)
    .where(setAside)
    .orderBy(desc(dueWork.setAsideAt))
    .limit(SET_ASIDE_LIST_LIMIT);
  return rows.map(toSetAsideWork);
}

/** The row while it is set aside, locked against a second retry at the same time. */
export async function findSetAside(tx: Executor, id: string): Promise<DueWorkRow | undefined> {
  const [row] = await tx
    .select()
    .from(dueWork)
    .where(and(eq(dueWork.id, id), setAside))
    .for('update');
  return row;
}

/** Back in the queue, due at `now`, with every attempt to come again (its last error stays until the next run). */
export async function requeue(tx: Executor, id: string, now: Date): Promise<DueWorkRow> {
  const [row] = await tx
    .update(dueWork)
    .set({ setAsideAt: null, setAsideReason: null, attempts: 0, dueAt: now })
    .where(eq(dueWork.id, id))
    .returning();
  return row!;
}
