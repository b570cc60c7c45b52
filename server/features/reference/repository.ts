import { asc, desc, eq } from 'drizzle-orm';
import { responsibleMechanismFor, type AreaShape, type MechanismArea } from '@shared/geo.js';
import type {
  Mechanism,
  PolygonGeometry,
  Port,
  PortStatusChange,
  Source,
  Station,
} from '@shared/reference/contract.js';
import type { PlaceGeography } from '@shared/reference/place.js';
import { type Db, type Executor, readAll } from '@server/core/db.js';
import type { GeographyArea } from '@server/features/areas/index.js';
import { mechanisms, ports, portStatusChanges, sources, stations } from '@server/db/schema/reference.js';

const latLonOf = (p: { x: number; y: number }) => ({ lat: p.y, lon: p.x });

/** Ports with their latest status change (why, who, when), west to east; `portId` narrows to one. */
export async function listPorts(db: Executor, portId?: string): Promise<Port[]> {
  const latest = db
    .selectDistinctOn([portStatusChanges.portId], {
      portId: portStatusChanges.portId,
      reason: portStatusChanges.reason,
      note: portStatusChanges.note,
      actorName: portStatusChanges.actorName,
      at: portStatusChanges.at,
    })
    .from(portStatusChanges)
    .orderBy(portStatusChanges.portId, desc(portStatusChanges.id))
    .as('latest');
  // Never-null columns first: drizzle makes a left-joined object null when its first column is (a reopening has no reason).
  const change = { actorName: latest.actorName, at: latest.at, reason: latest.reason, note: latest.note };
  const query = db.select({ p: ports, change }).from(ports).leftJoin(latest, eq(latest.portId, ports.id));
  const [rows, areasOfMechanisms] = await readAll(
    db,
    () => (portId === undefined ? query : query.where(eq(ports.id, portId))),
    () => mechanismAreas(db),
  );
  return rows
    .map(({ p, change }) => ({
      id: p.id,
      usName: p.usName,
      mxName: p.mxName,
      usState: p.usState,
      mxState: p.mxState,
      usLocation: latLonOf(p.usLocation),
      mxLocation: latLonOf(p.mxLocation),
      usTimeZone: p.usTimeZone,
      mxTimeZone: p.mxTimeZone,
      mechanismId: responsibleMechanismFor(latLonOf(p.mxLocation), areasOfMechanisms)?.mechanismId ?? null,
      status: p.status,
      statusReason: change?.reason ?? null,
      statusNote: change?.note ?? null,
      statusChangedBy: change?.actorName ?? null,
      statusChangedAt: change?.at.toISOString() ?? null,
      approx: p.approx,
      notes: p.notes,
      sources: p.sources,
    }))
    .sort((a, b) => a.usLocation.lon - b.usLocation.lon);
}

/**
 * The mechanisms' areas, border mechanisms first (where an interior mechanism's illustrative
 * circle overlaps the band, the border one answers): what a port's mechanism is assigned by.
 */
async function mechanismAreas(db: Executor): Promise<MechanismArea[]> {
  const rows = await db
    .select({ id: mechanisms.id, area: mechanisms.area })
    .from(mechanisms)
    .orderBy(asc(mechanisms.kind), asc(mechanisms.id));
  return rows.flatMap(({ id, area }) => (area ? [{ mechanismId: id, area }] : []));
}

/** A port's status history (Plan of Action V), newest first. */
export async function listPortStatusChanges(db: Executor, portId: string): Promise<PortStatusChange[]> {
  const rows = await db
    .select()
    .from(portStatusChanges)
    .where(eq(portStatusChanges.portId, portId))
    .orderBy(desc(portStatusChanges.id))
    .limit(200);
  return rows.map((r) => ({
    id: String(r.id),
    portId: r.portId,
    status: r.status,
    reason: r.reason,
    note: r.note,
    by: r.actorName,
    at: r.at.toISOString(),
  }));
}

/** What rules about crossings need of a port: its names, both clocks and its current status. */
export type PortSummary = Pick<Port, 'id' | 'usName' | 'mxName' | 'usTimeZone' | 'mxTimeZone' | 'status'>;

const portSummaries = (db: Executor) =>
  db
    .select({
      id: ports.id,
      usName: ports.usName,
      mxName: ports.mxName,
      usTimeZone: ports.usTimeZone,
      mxTimeZone: ports.mxTimeZone,
      status: ports.status,
    })
    .from(ports);

export const listPortSummaries = (db: Executor): Promise<PortSummary[]> => portSummaries(db);

/** The same read prepared on the pool: repatriation checks make it on every request. */
export function preparedPortSummaries(db: Db): () => Promise<PortSummary[]> {
  const prepared = portSummaries(db).prepare('reference_port_summaries');
  return () => prepared.execute();
}

export async function findPort(db: Executor, id: string): Promise<Port | null> {
  const [port] = await listPorts(db, id);
  return port ?? null;
}

const toMechanism = (m: typeof mechanisms.$inferSelect): Mechanism => ({ ...m, centre: latLonOf(m.centre) });

/** Border mechanisms west to east, then the interior ones. */
export async function listMechanisms(db: Executor): Promise<Mechanism[]> {
  const rows = await db.select().from(mechanisms);
  return rows.map(toMechanism).sort((a, b) => a.kind.localeCompare(b.kind) || a.centre.lon - b.centre.lon);
}

export async function findMechanism(db: Executor, id: string): Promise<Mechanism | null> {
  const [row] = await db.select().from(mechanisms).where(eq(mechanisms.id, id));
  return row ? toMechanism(row) : null;
}

/** An administrator's area: marked `drawn`, so seeding never replaces it. */
export async function setMechanismArea(db: Executor, id: string, area: PolygonGeometry): Promise<Mechanism | null> {
  const [row] = await db
    .update(mechanisms)
    .set({ area, areaMethod: 'drawn', areaBasis: null })
    .where(eq(mechanisms.id, id))
    .returning();
  return row ? toMechanism(row) : null;
}

export async function listStations(db: Executor): Promise<Station[]> {
  const rows = await db.select().from(stations).orderBy(asc(stations.id));
  return rows.map((s) => ({ ...s, location: latLonOf(s.location) }));
}

export async function listSources(db: Executor): Promise<Source[]> {
  return db.select().from(sources).orderBy(asc(sources.id));
}

/** What other features assign and describe places by (Plan of Action I and VIII), read in one go. */
export interface ReferenceGeography {
  assignment: { areas: AreaShape[]; mechanisms: MechanismArea[] };
  places: PlaceGeography;
}

/** `areasOf` is the areas feature's reader (`app.areas.forGeography`). */
export async function referenceGeography(
  db: Executor,
  areasOf: (db: Executor) => Promise<GeographyArea[]>,
): Promise<ReferenceGeography> {
  const [areaRows, mechanismRows, portRows] = await readAll(
    db,
    () => areasOf(db),
    // Border mechanisms first: where an interior mechanism's illustrative circle overlaps the band, the border one answers.
    () =>
      db
        .select({
          id: mechanisms.id,
          area: mechanisms.area,
          usCity: mechanisms.usCity,
          mxCity: mechanisms.mxCity,
          timeZone: mechanisms.timeZone,
        })
        .from(mechanisms)
        .orderBy(asc(mechanisms.kind), asc(mechanisms.id)),
    () => listPorts(db),
  );
  return {
    assignment: {
      // A deleted area assigns nothing new…
      areas: areaRows.filter((a) => !a.deleted).map(({ id, geometry }) => ({ id, geometry })),
      mechanisms: mechanismRows.flatMap(({ id, area }) => (area ? [{ mechanismId: id, area }] : [])),
    },
    places: {
      ports: portRows,
      // …but still names the incidents placed in it before.
      areas: areaRows.map(({ id, name }) => ({ id, name })),
      mechanisms: mechanismRows.map(({ id, usCity, mxCity, timeZone }) => ({ id, usCity, mxCity, timeZone })),
    },
  };
}
