import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AreaFeature, AreaGeometry, AreaWording, RiskLevel } from '@shared/reference/contract.js';
import type { BilingualText } from '@shared/errors.js';
import type { Executor } from '@server/core/db.js';
import { areas } from '@server/db/schema/areas.js';

export type AreaRow = typeof areas.$inferSelect;

/** One language's text, or the other's where it is missing; `missing` collects which. */
function wording(en: string | null, es: string | null, field: 'name' | 'hazard' | 'season', missing: AreaWording[]) {
  if (!en) missing.push(`${field}.en`);
  if (!es) missing.push(`${field}.es`);
  return { en: en ?? es ?? '', es: es ?? en ?? '' };
}

/** A row as the map reads it (GET /api/areas): missing wording filled from the other language and listed. */
export function toAreaFeature(row: AreaRow): AreaFeature {
  const missing: AreaWording[] = [];
  const name = wording(row.nameEn, row.nameEs, 'name', missing);
  const hazard = wording(row.hazardEn, row.hazardEs, 'hazard', missing);
  const season = row.seasonEn || row.seasonEs ? wording(row.seasonEn, row.seasonEs, 'season', missing) : null;
  return {
    type: 'Feature',
    id: row.id,
    geometry: row.geometry,
    properties: {
      id: row.id,
      name,
      hazard,
      season,
      side: row.side,
      riskLevel: row.riskLevel,
      approx: row.approx,
      sources: row.sources,
      missing,
    },
  };
}

/** The areas on the map (deleted ones left out), by id. */
export async function listAreas(db: Executor): Promise<AreaFeature[]> {
  const rows = await db.select().from(areas).where(isNull(areas.deletedAt)).orderBy(asc(areas.id));
  return rows.map(toAreaFeature);
}

/** A live (not deleted) area's row, locked for the caller's change when `forUpdate`. */
export async function findArea(db: Executor, id: string, forUpdate = false): Promise<AreaRow | null> {
  const query = db
    .select()
    .from(areas)
    .where(and(eq(areas.id, id), isNull(areas.deletedAt)));
  const [row] = await (forUpdate ? query.for('update') : query);
  return row ?? null;
}

export async function areaIdTaken(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: areas.id }).from(areas).where(eq(areas.id, id));
  return row !== undefined;
}

/** What the areas feature writes of an area; the rest (`side`, `approx`, `sources`) is set on insert. */
export interface AreaValues {
  name: Partial<BilingualText>;
  hazard: Partial<BilingualText>;
  season: Partial<BilingualText> | null;
  riskLevel: RiskLevel;
  geometry: AreaGeometry;
}

const columns = (values: AreaValues, at: Date) => ({
  nameEn: values.name.en ?? null,
  nameEs: values.name.es ?? null,
  hazardEn: values.hazard.en ?? null,
  hazardEs: values.hazard.es ?? null,
  seasonEn: values.season?.en ?? null,
  seasonEs: values.season?.es ?? null,
  riskLevel: values.riskLevel,
  geometry: values.geometry,
  editedAt: at,
});

export async function insertArea(db: Executor, id: string, values: AreaValues, at: Date): Promise<AreaRow> {
  // Drawn or imported by a supervisor: their own outline, not an estimate from a source.
  const [row] = await db
    .insert(areas)
    .values({ id, side: '', approx: false, sources: [], ...columns(values, at) })
    .returning();
  return row!;
}

export async function updateArea(db: Executor, id: string, values: AreaValues, at: Date): Promise<AreaRow> {
  const [row] = await db.update(areas).set(columns(values, at)).where(eq(areas.id, id)).returning();
  return row!;
}

/** Off the map and out of assignment; the row stays, so incidents placed in it keep its name. */
export async function markAreaDeleted(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(areas).set({ deletedAt: at, editedAt: at }).where(eq(areas.id, id));
}

/** What the reference geography assigns and describes places by: every area, deleted ones flagged. */
export async function geographyAreas(db: Executor) {
  const rows = await db.select().from(areas).orderBy(asc(areas.id));
  return rows.map((row) => {
    const { properties } = toAreaFeature(row);
    return { id: row.id, geometry: row.geometry, name: properties.name, deleted: row.deletedAt !== null };
  });
}
