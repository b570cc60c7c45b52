import { and, asc, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Advisory, AdvisoryHistoryEntry, AreaRef } from '@shared/advisories/contract.js';
import { polygonsOf } from '@shared/polygon.js';
import type { AreaGeometry, PolygonGeometry } from '@shared/reference/contract.js';
import type { Executor } from '@server/core/db.js';
import { advisories, advisoryVersions } from '@server/db/schema/advisories.js';

export type AdvisoryRow = typeof advisories.$inferSelect;
export type AdvisoryInsert = typeof advisories.$inferInsert;
export type VersionRow = typeof advisoryVersions.$inferSelect;
export type VersionInsert = typeof advisoryVersions.$inferInsert;

/** A high-risk area as an advisory shows it: names in both languages, and its polygon. */
export interface AreaPlace extends AreaRef {
  geometry: AreaGeometry;
  /** Deleted from the map: advisories that named it keep it; new ones can't. */
  deleted: boolean;
}

/** An area's outline as the polygons CAP `<polygon>` and the map take (a MultiPolygon in parts). */
export const polygonsOfArea = (area: { geometry: AreaGeometry }): PolygonGeometry[] =>
  polygonsOf(area.geometry).map((coordinates) => ({ type: 'Polygon', coordinates }));

export function toAdvisory(row: AdvisoryRow, places: ReadonlyMap<string, AreaPlace>): Advisory {
  const areas = row.areaIds.flatMap((id) => places.get(id) ?? []);
  return {
    id: row.id,
    hazard: row.hazard,
    severity: row.severity,
    status: row.status,
    exercise: row.exercise,
    areaIds: row.areaIds,
    areas: areas.map(({ id, name }) => ({ id, name })),
    polygon: row.polygon,
    shapes: [...areas.flatMap(polygonsOfArea), ...(row.polygon ? [row.polygon] : [])],
    mechanismIds: row.mechanismIds,
    validFrom: row.validFrom.toISOString(),
    validTo: row.validTo.toISOString(),
    text: { en: row.textEn, es: row.textEs },
    cancelReason: row.cancelReason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    version: row.version,
  };
}

export const toHistoryEntry = (row: VersionRow): AdvisoryHistoryEntry => ({
  change: row.change,
  msgType: row.msgType,
  identifier: row.identifier,
  at: row.at.toISOString(),
  by: row.actorName,
  note: row.note,
});

/**
 * The high-risk areas with their names and polygons. The reference feature's
 * `GeographyApi.forAssignment()` gives polygons without names, and reads outside the
 * caller's transaction (which waits forever on PGlite's one connection when called inside
 * one, as the expiry handler is); until it offers both, this reads the seeded `areas` table
 * by SQL (read-only) rather than importing another feature's table.
 */
export async function areaPlaces(db: Executor): Promise<Map<string, AreaPlace>> {
  // An imported area may lack one language's name: the other stands in, as on the map.
  const result = await db.execute(
    sql`SELECT id, coalesce(name_en, name_es) AS name_en, coalesce(name_es, name_en) AS name_es, geometry,
               deleted_at IS NOT NULL AS deleted
          FROM areas ORDER BY id`,
  );
  const rows = (
    result as unknown as {
      rows: Array<{ id: string; name_en: string; name_es: string; geometry: AreaGeometry; deleted: boolean }>;
    }
  ).rows;
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: { en: r.name_en, es: r.name_es }, geometry: r.geometry, deleted: r.deleted },
    ]),
  );
}

export async function insertAdvisory(db: Executor, values: AdvisoryInsert): Promise<AdvisoryRow> {
  const [row] = await db.insert(advisories).values(values).returning();
  return row!;
}

export async function updateAdvisoryRow(
  db: Executor,
  id: string,
  values: Partial<AdvisoryInsert>,
): Promise<AdvisoryRow> {
  const [row] = await db.update(advisories).set(values).where(eq(advisories.id, id)).returning();
  return row!;
}

export async function findAdvisory(db: Executor, id: string, forUpdate = false): Promise<AdvisoryRow | null> {
  const query = db.select().from(advisories).where(eq(advisories.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Active first (soonest to end first), then the rest, newest first. `drafts: false` leaves drafts out. */
export async function listAdvisories(
  db: Executor,
  options: { activeAt?: Date; drafts: boolean },
): Promise<AdvisoryRow[]> {
  const conditions = [
    options.activeAt ? and(eq(advisories.status, 'published'), gt(advisories.validTo, options.activeAt)) : undefined,
    options.drafts ? undefined : inArray(advisories.status, ['published', 'cancelled', 'expired']),
  ];
  return db
    .select()
    .from(advisories)
    .where(and(...conditions))
    .orderBy(sql`${advisories.status} = 'published' DESC`, desc(advisories.updatedAt), asc(advisories.id))
    .limit(500);
}

/** The public feed: active advisories and those cancelled since `cancelledSince`. */
export async function feedAdvisories(db: Executor, now: Date, cancelledSince: Date): Promise<AdvisoryRow[]> {
  return db
    .select()
    .from(advisories)
    .where(
      or(
        and(eq(advisories.status, 'published'), gt(advisories.validTo, now)),
        and(eq(advisories.status, 'cancelled'), gt(advisories.updatedAt, cancelledSince)),
      ),
    )
    .orderBy(desc(advisories.updatedAt));
}

export async function appendVersion(db: Executor, values: VersionInsert): Promise<void> {
  await db.insert(advisoryVersions).values(values);
}

export async function versionsOf(db: Executor, advisoryId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(advisoryVersions)
    .where(eq(advisoryVersions.advisoryId, advisoryId))
    .orderBy(asc(advisoryVersions.id));
}
