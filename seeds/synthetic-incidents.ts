import { asc, eq, isNull, sql } from 'drizzle-orm';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { assignFromGeometry } from '@shared/geo.js';
import { boundingBox } from '@shared/incidents/area-stats.js';
import type { IncidentStatus, IncidentType, Severity } from '@shared/incidents/contract.js';
import type { Executor } from '@server/core/db.js';
import { areas } from '@server/db/schema/areas.js';
import { INCIDENTS_BULK_LOADED } from '@server/db/schema/incidents.js';
import { mechanisms } from '@server/db/schema/reference.js';
import { users } from '@server/db/schema/users.js';

/*
 * Synthetic incidents in bulk, for tests and benchmarks of the operations map (issue 17):
 * N fictional incidents spread over the high-risk areas and along the border band (the
 * mechanisms' areas), in a time window ending at `now`, assigned to mechanisms and areas by
 * the same geometry rule as a report. Written straight into `incidents` in batches — one
 * `INSERT … SELECT FROM jsonb_to_recordset($1)` per batch, the same statement on PGlite and
 * PostgreSQL — with no timeline, alerts, audit or events: load, not history (announced on
 * INCIDENTS_BULK_LOADED, so a running console's map reads it). Marked `demo`
 * (fictional) like the demo incidents.
 */

export interface SyntheticOptions {
  count: number;
  /** The window's end; incidents occur uniformly over the `days` before it. */
  now: Date;
  days?: number;
  /** Share of incidents resolved or closed (the rest are open). */
  finishedShare?: number;
  /** Share placed inside high-risk areas; the rest anywhere in the border band. */
  inAreasShare?: number;
  /** The random sequence: the same seed writes the same incidents. */
  seed?: number;
  /** Rows per INSERT. */
  batch?: number;
  /** Who they are reported by (a username); the first supervisor by default. */
  reporter?: string;
}

/** mulberry32: small, fast, good enough to spread points. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

/** The types the border sees most often come up most often. */
const typeWeights: Array<[IncidentType, number]> = [
  ['migrant_distress', 30],
  ['heat_exposure', 15],
  ['drowning', 8],
  ['death', 6],
  ['smuggling', 12],
  ['violence_against_migrants', 5],
  ['assault_on_officers', 3],
  ['civilian_detention', 2],
  ['incursion', 2],
  ['bomb_threat', 1],
  ['trans_border_pursuit', 4],
  ['weather_emergency', 6],
  ['other', 6],
];
const severityWeights: Array<[Severity, number]> = [
  ['low', 30],
  ['medium', 40],
  ['high', 22],
  ['critical', 8],
];

function weighted<T>(next: () => number, weights: Array<[T, number]>): T {
  const sum = weights.reduce((s, [, w]) => s + w, 0);
  let r = next() * sum;
  for (const [value, w] of weights) if ((r -= w) < 0) return value;
  return weights[weights.length - 1]![0];
}

/** A uniform point inside a polygon (rejection sampling in its box). */
function pointIn(next: () => number, shape: Polygon | MultiPolygon): { lat: number; lon: number } {
  const [minLon, minLat, maxLon, maxLat] = boundingBox(shape);
  for (let tries = 0; tries < 1000; tries++) {
    const lon = minLon + next() * (maxLon - minLon);
    const lat = minLat + next() * (maxLat - minLat);
    if (booleanPointInPolygon([lon, lat], shape)) return { lat, lon };
  }
  throw new Error('could not place a point in a polygon');
}

const openStatusList: IncidentStatus[] = ['reported', 'acknowledged', 'responding'];
const finishedStatusList: IncidentStatus[] = ['resolved', 'closed'];

/** Writes `count` synthetic incidents; returns how many. */
export async function seedSyntheticIncidents(db: Executor, options: SyntheticOptions): Promise<number> {
  const { count, now, days = 7, finishedShare = 0, inAreasShare = 0.6, seed = 17, batch = 5000 } = options;
  const next = random(seed);
  const [areaRows, mechanismRows, [reporter]] = await Promise.all([
    db
      .select({ id: areas.id, geometry: areas.geometry })
      .from(areas)
      .where(isNull(areas.deletedAt))
      .orderBy(asc(areas.id)),
    db
      .select({ id: mechanisms.id, area: mechanisms.area, kind: mechanisms.kind })
      .from(mechanisms)
      .orderBy(asc(mechanisms.kind), asc(mechanisms.id)),
    db
      .select({ id: users.id, agency: users.agency, country: users.country })
      .from(users)
      .where(options.reporter ? eq(users.username, options.reporter) : eq(users.role, 'supervisor'))
      .orderBy(asc(users.username))
      .limit(1),
  ]);
  if (!reporter) throw new Error('no reporter: seed the demo accounts first');
  const areaShapes = areaRows.map(({ id, geometry }) => ({ id, geometry }));
  const mechanismAreas = mechanismRows.flatMap(({ id, area }) => (area ? [{ mechanismId: id, area }] : []));
  const band = mechanismRows.flatMap(({ area, kind }) => (area && kind === 'BLM' ? [area] : []));
  if (areaShapes.length === 0 || band.length === 0) throw new Error('no areas: seed the reference data first');

  const spanMs = days * 24 * 3_600_000;
  for (let start = 0; start < count; start += batch) {
    const rows = Array.from({ length: Math.min(batch, count - start) }, (_, k) => {
      const n = start + k;
      const location =
        next() < inAreasShare ? pointIn(next, pick(next, areaShapes).geometry) : pointIn(next, pick(next, band));
      const { mechanismId, areaIds } = assignFromGeometry(location, areaShapes, mechanismAreas);
      const type = weighted(next, typeWeights);
      const status = next() < finishedShare ? pick(next, finishedStatusList) : pick(next, openStatusList);
      const at = new Date(now.getTime() - next() * spanMs).toISOString();
      const rescued = type === 'migrant_distress' || type === 'heat_exposure' ? Math.floor(next() * 8) : 0;
      return {
        type,
        severity: weighted(next, severityWeights),
        status,
        summary: `Synthetic incident ${n + 1} (load test data)`,
        lon: location.lon,
        lat: location.lat,
        at,
        rescued,
        injured: next() < 0.2 ? 1 + Math.floor(next() * 3) : 0,
        deceased: type === 'death' || type === 'drowning' ? 1 : 0,
        mechanism_id: mechanismId,
        area_ids: areaIds,
      };
    });
    await db.execute(sql`
      insert into incidents (type, severity, status, summary, location, occurred_at, rescued, injured, deceased,
                             mechanism_id, area_ids, reported_by, reporting_agency, reporting_country,
                             created_at, updated_at, demo)
      select r.type, r.severity, r.status, r.summary, point(r.lon, r.lat), r.at, r.rescued, r.injured, r.deceased,
             r.mechanism_id, r.area_ids, ${reporter.id}::uuid, ${reporter.agency}, ${reporter.country}::country,
             r.at, r.at, true
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        type incident_type, severity severity, status incident_status, summary text, lon float8, lat float8,
        at timestamptz, rescued int, injured int, deceased int, mechanism_id text, area_ids jsonb)`);
  }
  // Fresh planner statistics, so the first map query after a bulk load picks the indexes it should.
  await db.execute(sql`analyze incidents`);
  // No events were written: a running console's map reads the table again.
  await db.execute(sql`select pg_notify(${INCIDENTS_BULK_LOADED}, '')`);
  return count;
}
