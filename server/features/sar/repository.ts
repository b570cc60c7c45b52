import { and, asc, count, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { SarAsset, SarOutcome, SarSector, SarTeam } from '@shared/sar/contract.js';
import { type Executor, readAll } from '@server/core/db.js';
import { sarAssets, sarOperations, sarSectors, sarTeams } from '@server/db/schema/sar.js';

export type OperationRow = typeof sarOperations.$inferSelect;
type TeamRow = typeof sarTeams.$inferSelect;
type AssetRow = typeof sarAssets.$inferSelect;
type SectorRow = typeof sarSectors.$inferSelect;

export const toTeam = (row: TeamRow): SarTeam => ({
  id: row.id,
  kind: row.kind,
  side: row.side,
  name: row.name,
  contact: row.contact,
  addedAt: row.addedAt.toISOString(),
});

export const toAsset = (row: AssetRow): SarAsset => ({
  id: row.id,
  kind: row.kind,
  description: row.description,
  teamId: row.teamId,
  addedAt: row.addedAt.toISOString(),
});

export const toSector = (row: SectorRow): SarSector => ({
  id: row.id,
  name: row.name,
  polygon: row.polygon,
  status: row.status,
  teamId: row.teamId,
  updatedAt: row.updatedAt.toISOString(),
  updatedBy: row.updatedBy,
});

/** The incident's operation, locked for the rest of the transaction when `forUpdate`. */
export async function findOperation(db: Executor, incidentId: string, forUpdate = false): Promise<OperationRow | null> {
  const query = db.select().from(sarOperations).where(eq(sarOperations.incidentId, incidentId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertOperation(db: Executor, values: typeof sarOperations.$inferInsert): Promise<OperationRow> {
  const [row] = await db.insert(sarOperations).values(values).returning();
  return row!;
}

export async function updateOperation(
  db: Executor,
  id: string,
  values: Partial<typeof sarOperations.$inferInsert>,
): Promise<OperationRow> {
  const [row] = await db.update(sarOperations).set(values).where(eq(sarOperations.id, id)).returning();
  return row!;
}

/** Teams, assets and sectors of the operation, in the order they were added. */
export async function partsOf(db: Executor, operationId: string) {
  const [teams, assets, sectors] = await readAll(
    db,
    () => db.select().from(sarTeams).where(eq(sarTeams.operationId, operationId)).orderBy(asc(sarTeams.seq)),
    () => db.select().from(sarAssets).where(eq(sarAssets.operationId, operationId)).orderBy(asc(sarAssets.seq)),
    () =>
      db
        .select()
        .from(sarSectors)
        .where(eq(sarSectors.operationId, operationId))
        .orderBy(asc(sarSectors.name), asc(sarSectors.id)),
  );
  return { teams: teams.map(toTeam), assets: assets.map(toAsset), sectors: sectors.map(toSector) };
}

export async function insertTeam(db: Executor, values: typeof sarTeams.$inferInsert): Promise<SarTeam> {
  const [row] = await db.insert(sarTeams).values(values).returning();
  return toTeam(row!);
}

export async function insertAsset(db: Executor, values: typeof sarAssets.$inferInsert): Promise<SarAsset> {
  const [row] = await db.insert(sarAssets).values(values).returning();
  return toAsset(row!);
}

export async function insertSector(db: Executor, values: typeof sarSectors.$inferInsert): Promise<SarSector> {
  const [row] = await db.insert(sarSectors).values(values).returning();
  return toSector(row!);
}

export async function teamExists(db: Executor, operationId: string, teamId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: sarTeams.id })
    .from(sarTeams)
    .where(and(eq(sarTeams.operationId, operationId), eq(sarTeams.id, teamId)));
  return Boolean(row);
}

export async function findSector(db: Executor, operationId: string, sectorId: string): Promise<SarSector | null> {
  const [row] = await db
    .select()
    .from(sarSectors)
    .where(and(eq(sarSectors.operationId, operationId), eq(sarSectors.id, sectorId)));
  return row ? toSector(row) : null;
}

export async function updateSector(
  db: Executor,
  sectorId: string,
  values: Partial<typeof sarSectors.$inferInsert>,
): Promise<SarSector> {
  const [row] = await db.update(sarSectors).set(values).where(eq(sarSectors.id, sectorId)).returning();
  return toSector(row!);
}

/**
 * Operations opened in the period, in the mechanism's scope (null: every mechanism), by
 * status and outcome. Statistics leave exercises (drills) out: `exercise = false`.
 */
export async function summaryCounts(
  db: Executor,
  filter: { mechanismId: string | null; from: Date | null; to: Date | null },
): Promise<Array<{ status: 'open' | 'closed'; outcome: SarOutcome | null; n: number }>> {
  const where: SQL[] = [eq(sarOperations.exercise, false)];
  if (filter.mechanismId) where.push(eq(sarOperations.mechanismId, filter.mechanismId));
  if (filter.from) where.push(gte(sarOperations.openedAt, filter.from));
  if (filter.to) where.push(lte(sarOperations.openedAt, filter.to));
  return db
    .select({ status: sarOperations.status, outcome: sarOperations.outcome, n: count() })
    .from(sarOperations)
    .where(and(...where))
    .groupBy(sarOperations.status, sarOperations.outcome)
    .orderBy(sql`1`);
}
