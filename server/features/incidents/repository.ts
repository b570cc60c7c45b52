import { and, asc, count, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import {
  investigatedTypes,
  type Incident,
  type IncidentQuery,
  type Investigation,
  type TimelinePage,
} from '@shared/incidents/contract.js';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { boundingBox, type CountedGroup } from '@shared/incidents/area-stats.js';
import type { MapFilter } from '@shared/incidents/map-filter.js';
import { incidentStatuses } from '@shared/incidents/vocabulary.js';
import { timelineEntry, type TimelineEntry, type TimelineEntryOf, type TimelineKind } from '@shared/timeline.js';
import { isInvestigationStale } from '@shared/incidents/rules.js';
import type { ChangeRecorder } from '@server/core/changes.js';
import { readGrouped, rowsOf, type Db, type Executor } from '@server/core/db.js';
import { incidentEvents, incidents, investigations } from '@server/db/schema/incidents.js';
import type { MapPoint } from './map-index.js';

export type IncidentRow = typeof incidents.$inferSelect;
type InvestigationRow = typeof investigations.$inferSelect;
export type TimelineInsert = typeof incidentEvents.$inferInsert;

export function toIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    type: row.type,
    severity: row.severity,
    status: row.status,
    summary: row.summary,
    location: { lat: row.location.y, lon: row.location.x },
    occurredAt: row.occurredAt.toISOString(),
    people: { rescued: row.rescued, injured: row.injured, deceased: row.deceased },
    mechanismId: row.mechanismId,
    areaIds: row.areaIds,
    reportedBy: row.reportedBy,
    reportingAgency: row.reportingAgency,
    reportingCountry: row.reportingCountry,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    demo: row.demo,
    exercise: row.exercise,
  };
}

export function toInvestigation(row: InvestigationRow, now: Date): Investigation {
  return {
    leadAgency: row.leadAgency,
    caseReference: row.caseReference,
    status: row.status,
    notes: row.notes,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    stale: isInvestigationStale(row, now),
  };
}

/**
 * A new incident and the timeline entry that reports it, written with the change that
 * reports it: the report is the console's busiest write. `row` is complete, so nothing
 * needs reading back.
 */
export function recordIncidentReported(record: ChangeRecorder, row: IncidentRow, entry: TimelineInsert): void {
  record.insert(incidents, row);
  record.insert(incidentEvents, entry);
}

/** The incident, locked for the rest of the transaction when `forUpdate`. */
export async function findIncident(db: Executor, id: string, forUpdate = false): Promise<IncidentRow | null> {
  const query = db.select().from(incidents).where(eq(incidents.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateIncidentRow(
  db: Executor,
  id: string,
  values: Partial<typeof incidents.$inferInsert>,
): Promise<IncidentRow> {
  const [row] = await db.update(incidents).set(values).where(eq(incidents.id, id)).returning();
  return row!;
}

export async function appendTimeline(db: Executor, entries: TimelineInsert[]): Promise<void> {
  if (entries.length > 0) await db.insert(incidentEvents).values(entries);
}

type TimelineRow = typeof incidentEvents.$inferSelect;

/** A stored entry as the contract types it: its data read by its kind's schema (shared/timeline.ts). */
const toTimelineEntry = (r: TimelineRow): TimelineEntry =>
  timelineEntry.parse({
    id: String(r.id),
    kind: r.kind,
    text: r.text,
    data: r.data,
    by: r.actorName,
    at: r.at.toISOString(),
  });

/** The timeline's entries of one kind, oldest first: for the feature that writes them (search and rescue's log). */
export async function timelineOf<K extends TimelineKind>(
  db: Executor,
  incidentId: string,
  kind: K,
): Promise<TimelineEntryOf<K>[]> {
  const rows = await db
    .select()
    .from(incidentEvents)
    .where(and(eq(incidentEvents.incidentId, incidentId), eq(incidentEvents.kind, kind)))
    .orderBy(asc(incidentEvents.id));
  return rows.map(toTimelineEntry).filter((entry): entry is TimelineEntryOf<K> => entry.kind === kind);
}

/**
 * One page of the timeline: the `limit` entries just before the entry `before` (the newest
 * without it), oldest first, and the cursor of the page before them. Keyset on the entry id,
 * read backwards along `incident_events_incident_idx` (incident, id).
 */
export async function timelinePage(
  db: Executor,
  incidentId: string,
  { before, limit }: { before: number | null; limit: number },
): Promise<TimelinePage> {
  const rows = await db
    .select()
    .from(incidentEvents)
    .where(
      before === null
        ? eq(incidentEvents.incidentId, incidentId)
        : and(eq(incidentEvents.incidentId, incidentId), lt(incidentEvents.id, before)),
    )
    .orderBy(desc(incidentEvents.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).reverse();
  return {
    items: page.map(toTimelineEntry),
    nextCursor: rows.length > limit ? String(page[0]!.id) : null,
  };
}

export async function findInvestigation(db: Executor, incidentId: string): Promise<InvestigationRow | null> {
  const [row] = await db.select().from(investigations).where(eq(investigations.incidentId, incidentId));
  return row ?? null;
}

export async function upsertInvestigation(
  db: Executor,
  values: typeof investigations.$inferInsert,
): Promise<InvestigationRow> {
  const { incidentId: _, ...changes } = values;
  const [row] = await db
    .insert(investigations)
    .values(values)
    .onConflictDoUpdate({ target: investigations.incidentId, set: changes })
    .returning();
  return row!;
}

/** Keyset position in the feed (newest first): the last row's creation instant and id. */
export function encodeCursor(row: Pick<IncidentRow, 'createdAt' | 'id'>): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return Number.isNaN(createdAt.getTime()) || !id || !uuid.test(id) ? null : { createdAt, id };
}

export interface IncidentFilter {
  query: Omit<IncidentQuery, 'bbox' | 'cursor'>;
  bbox: [number, number, number, number] | null;
  after: { createdAt: Date; id: string } | null;
  /** A scoped officer's: their mechanism's incidents and those they reported; null = all. */
  scope: { mechanismId: string; reportedBy: string } | null;
  /** Only these incidents; null = any. */
  ids: string[] | null;
}

export async function listIncidents(db: Executor, f: IncidentFilter): Promise<IncidentRow[]> {
  const where: Array<SQL | undefined> = [];
  if (f.scope)
    where.push(or(eq(incidents.mechanismId, f.scope.mechanismId), eq(incidents.reportedBy, f.scope.reportedBy)));
  if (f.ids) where.push(f.ids.length > 0 ? inArray(incidents.id, f.ids) : sql`false`);
  if (f.query.status) where.push(eq(incidents.status, f.query.status));
  if (f.query.type) where.push(eq(incidents.type, f.query.type));
  if (f.query.severity) where.push(eq(incidents.severity, f.query.severity));
  if (f.query.mechanismId) where.push(eq(incidents.mechanismId, f.query.mechanismId));
  if (f.query.from) where.push(gte(incidents.occurredAt, new Date(f.query.from)));
  if (f.query.to) where.push(lte(incidents.occurredAt, new Date(f.query.to)));
  if (f.bbox) {
    const [minLon, minLat, maxLon, maxLat] = f.bbox;
    // `<@ box` is answered by the GiST index on location.
    where.push(
      sql`${incidents.location} <@ box(point(${minLon}::float8, ${minLat}::float8), point(${maxLon}::float8, ${maxLat}::float8))`,
    );
  }
  if (f.after)
    where.push(
      sql`(${incidents.createdAt}, ${incidents.id}) < (${f.after.createdAt.toISOString()}::timestamptz, ${f.after.id}::uuid)`,
    );
  return db
    .select()
    .from(incidents)
    .where(and(...where))
    .orderBy(desc(incidents.createdAt), desc(incidents.id))
    .limit(f.query.limit);
}

/** Open incidents of the types that need an investigation, with theirs if any (Mérida MOU follow-up). */
export async function investigationFollowUps(db: Executor, mechanismId: string | null) {
  const where: SQL[] = [
    inArray(incidents.type, [...investigatedTypes]),
    sql`coalesce(${investigations.status}::text, 'open') <> 'closed'`,
  ];
  if (mechanismId) where.push(eq(incidents.mechanismId, mechanismId));
  return db
    .select({ incident: incidents, investigation: investigations })
    .from(incidents)
    .leftJoin(investigations, eq(investigations.incidentId, incidents.id))
    .where(and(...where))
    .orderBy(asc(investigations.updatedAt), desc(incidents.createdAt))
    .limit(500);
}

/** These incidents, newest first. */
export async function incidentsByIds(db: Executor, ids: string[]): Promise<IncidentRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(incidents)
    .where(inArray(incidents.id, ids))
    .orderBy(desc(incidents.createdAt), desc(incidents.id));
}

/** Statistics and reports count real incidents only: exercise (drill) data is left out (issue 18). */
const notExercise = eq(incidents.exercise, false);

/** A scoped officer's incidents: their mechanism's and those they reported (as `listIncidents`). */
export type Scope = IncidentFilter['scope'];
const inScope = (scope: Scope) =>
  scope ? or(eq(incidents.mechanismId, scope.mechanismId), eq(incidents.reportedBy, scope.reportedBy)) : undefined;

/** `location <@ box(...)`: answered by the GiST index on location. */
const insideBox = ([minLon, minLat, maxLon, maxLat]: [number, number, number, number]) =>
  sql`${incidents.location} <@ box(point(${minLon}::float8, ${minLat}::float8), point(${maxLon}::float8, ${maxLat}::float8))`;

export function mapConditions(f: MapFilter, scope: Scope): SQL | undefined {
  return and(
    inScope(scope),
    f.types ? inArray(incidents.type, f.types) : undefined,
    f.severities ? inArray(incidents.severity, f.severities) : undefined,
    // Every status is no condition: left out, a ten-year map reads no row's status.
    new Set(f.statuses).size < incidentStatuses.length ? inArray(incidents.status, f.statuses) : undefined,
    f.mechanismId ? eq(incidents.mechanismId, f.mechanismId) : undefined,
    f.from ? gte(incidents.occurredAt, new Date(f.from)) : undefined,
    f.to ? lte(incidents.occurredAt, new Date(f.to)) : undefined,
    f.bbox ? insideBox(f.bbox) : undefined,
  );
}

/** Table blocks a page of the map's index reads (1 MB: some 4,000 incidents, so what a page leaves behind is collected young). */
export const MAP_PAGE_BLOCKS = 64;

/**
 * Page `page` of the map's index (map-index.ts): the incidents stored in the page's run of the
 * table's blocks, each as the index reads it, and whether the table goes on past it. Read in the
 * table's own order (a TID range scan), not by a key: a million incidents in seconds, where the
 * primary key's order reads the table at random (14 s on PostgreSQL). A row that moves meanwhile
 * (an update) is read twice or not at all, but its change's event reaches the index too.
 */
export async function mapPointsPage(db: Executor, page: number): Promise<MapPointsPage> {
  const first = page * MAP_PAGE_BLOCKS;
  const [read] = await rowsOf<{ rows: string | null; blocks: number; estimate: number }>(
    db,
    sql`select (${mapPointsQuery(first, first + MAP_PAGE_BLOCKS)}) as rows,
               (pg_relation_size('incidents') / current_setting('block_size')::int)::int as blocks,
               (select greatest(reltuples, 0)::float8 from pg_class where oid = 'incidents'::regclass) as estimate`,
  );
  // One object for every incident of the page (`each` copies what it keeps): a million loaded
  // leave as little as can be for the collector, which grows the process's memory to hold it.
  const forEach = (each: (point: Readonly<MapPoint>) => void) => {
    const fields = read!.rows?.split(SEPARATOR) ?? [];
    const point = {} as MapPoint;
    for (let f = 0; f < fields.length; f += MAP_POINT_FIELDS) {
      point.id = fields[f]!;
      point.lon = Number(fields[f + 1]);
      point.lat = Number(fields[f + 2]);
      point.occurredAt = Number(fields[f + 3]);
      point.type = fields[f + 4] as MapPoint['type'];
      point.severity = fields[f + 5] as MapPoint['severity'];
      point.status = fields[f + 6] as MapPoint['status'];
      point.mechanismId = fields[f + 7] || null;
      point.reportedBy = fields[f + 8]!;
      point.exercise = fields[f + 9] === '1';
      each(point);
    }
  };
  return { forEach, more: first + MAP_PAGE_BLOCKS < read!.blocks, estimate: read!.estimate };
}

/** A page of the map's index: its incidents to `each`, whether the table goes on, and about how many incidents it holds. */
export interface MapPointsPage {
  forEach(each: (point: Readonly<MapPoint>) => void): void;
  more: boolean;
  estimate: number;
}

/** Between fields and between incidents alike: ASCII's unit separator, which no id, enum value or number holds. */
const SEPARATOR = '\x1f';
const MAP_POINT_FIELDS = 10;

/**
 * The map's columns of the incidents stored in blocks `first` up to `end`, as one text: a row
 * each costs a client far more to decode (a million: 23 s on PGlite), and JSON costs the
 * database three times as much to write (9 s), as this does (3 s).
 */
export function mapPointsQuery(first: number, end: number): SQL {
  const block = (n: number) => sql`('(' || ${n}::int || ',0)')::tid`;
  const i = incidents;
  const fields = [
    sql`${i.id}::text`,
    sql`${i.location}[0]::text`,
    sql`${i.location}[1]::text`,
    // Milliseconds, as the app's instants are.
    sql`round(date_part('epoch', ${i.occurredAt}) * 1000)::text`,
    sql`${i.type}::text`,
    sql`${i.severity}::text`,
    sql`${i.status}::text`,
    sql`coalesce(${i.mechanismId}, '')`,
    sql`${i.reportedBy}::text`,
    sql`${i.exercise}::int::text`,
  ];
  return sql`select string_agg(${sql.join(fields, sql` || ${SEPARATOR} || `)}, ${SEPARATOR})
          from ${incidents}
         where ctid >= ${block(first)} and ctid < ${block(end)}`;
}

/**
 * The map's incidents, newest first, at most `limit`, as the JSON text of their features
 * (comma-separated); `total` counts every match when the limit was reached, so a limited
 * answer can say so.
 */
export async function mapFeatures(
  db: Executor,
  f: MapFilter,
  scope: Scope,
  limit: number,
): Promise<{ features: string; count: number; total: number }> {
  const where = mapConditions(f, scope);
  const newest = db
    .select({
      id: incidents.id,
      type: incidents.type,
      severity: incidents.severity,
      status: incidents.status,
      occurredAt: incidents.occurredAt,
      mechanismId: incidents.mechanismId,
      exercise: incidents.exercise,
      location: incidents.location,
    })
    .from(incidents)
    .where(where)
    .orderBy(desc(incidents.occurredAt), desc(incidents.id))
    .limit(limit)
    .as('newest');
  // One GeoJSON Feature per incident, written by the database as JSON text (RFC 7946: [lon, lat],
  // a string id): 50,000 features cost one string instead of 50,000 rows decoded and encoded
  // again here (a third of the time on the embedded database). Every value is an id, an enum, a
  // number, a boolean or an instant; the free-form ones go through to_json, so the text is JSON.
  const t = newest;
  const feature = sql`'{"type":"Feature","id":' || to_json(${t.id})::text
    || ',"geometry":{"type":"Point","coordinates":[' || (${t.location})[0] || ',' || (${t.location})[1] || ']}'
    || ',"properties":{"id":' || to_json(${t.id})::text
    || ',"type":"' || ${t.type} || '","severity":"' || ${t.severity} || '","status":"' || ${t.status} || '"'
    || ',"occurredAt":"' || to_char(${t.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'
    || ',"mechanismId":' || coalesce(to_json(${t.mechanismId})::text, 'null')
    || ',"exercise":' || ${t.exercise} || '}}'`;
  const [found] = await db
    .select({
      count: sql<number>`count(*)::int`,
      features: sql<string | null>`string_agg(${feature}, ',' order by ${t.occurredAt} desc, ${t.id} desc)`,
    })
    .from(newest);
  const shown = found!.count;
  if (shown < limit) return { features: found!.features ?? '', count: shown, total: shown };
  const [counted] = await db.select({ n: count() }).from(incidents).where(where);
  return { features: found!.features ?? '', count: shown, total: counted!.n };
}

/** A GeoJSON ring as the text of a PostgreSQL polygon or closed path: `((lon,lat),…)`. */
const ringText = (ring: Position[]) => `(${ring.map(([lon, lat]) => `(${lon},${lat})`).join(',')})`;

/**
 * A point inside the area, in PostgreSQL's own geometry (PGlite has no PostGIS), as turf's
 * `booleanPointInPolygon` reads GeoJSON: inside an outer ring or on its edge, and not strictly
 * inside a hole (a point on a hole's edge is the area's).
 */
function insideArea(geometry: Polygon | MultiPolygon): SQL {
  const at = incidents.location;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const inside = polygons.map(([outer, ...holes]) => {
    const inHole = holes.map(
      (hole) => sql`(${at} <@ ${ringText(hole)}::polygon and (${at} <-> ${ringText(hole)}::path) > 0)`,
    );
    return holes.length
      ? sql`(${at} <@ ${ringText(outer!)}::polygon and not (${sql.join(inHole, sql` or `)}))`
      : sql`${at} <@ ${ringText(outer!)}::polygon`;
  });
  return sql`(${sql.join(inside, sql` or `)})`;
}

/**
 * An area's incidents in the time window (the box and the window go to the indexes, the
 * polygon is kept here), counted by type and month on the area's clocks with the people they
 * record: a hundred rows where ten years of an area are 60,000 incidents.
 */
export async function areaCounts(
  db: Db,
  q: {
    geometry: Polygon | MultiPolygon;
    from: string | null;
    to: string | null;
    types: string[] | null;
    timeZone: string;
  },
  scope: Scope,
): Promise<CountedGroup[]> {
  const i = incidents;
  const where = and(
    notExercise,
    inScope(scope),
    insideBox(boundingBox(q.geometry)),
    q.from ? gte(i.occurredAt, new Date(q.from)) : undefined,
    q.to ? lte(i.occurredAt, new Date(q.to)) : undefined,
    q.types ? inArray(i.type, q.types as IncidentRow['type'][]) : undefined,
    insideArea(q.geometry),
  );
  // Grouped by the month's start on the area's clock, written as text once per group, not per incident.
  return readGrouped<CountedGroup>(
    db,
    sql`select type, to_char(month, 'YYYY-MM') as month, count, rescued, injured, deceased
          from (select ${i.type}::text as type, date_trunc('month', ${i.occurredAt} at time zone ${q.timeZone}) as month,
                       count(*)::int as count, sum(${i.rescued})::int as rescued, sum(${i.injured})::int as injured,
                       sum(${i.deceased})::int as deceased
                  from ${incidents} where ${where} group by 1, 2) months`,
  );
}
