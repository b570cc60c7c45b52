import { asc } from 'drizzle-orm';
import type { AreaShape, MechanismReach } from '@shared/geo.js';
import type { AreaFeature, Mechanism, Port, Station } from '@shared/reference/contract.js';
import type { Executor } from '@server/core/db.js';
import { areas, mechanisms, ports, stations } from '@server/db/schema/reference.js';

const latLonOf = (p: { x: number; y: number }) => ({ lat: p.y, lon: p.x });

export async function listPorts(db: Executor): Promise<Port[]> {
  const rows = await db.select().from(ports);
  return rows
    .map((p) => ({
      id: p.id,
      usName: p.usName,
      mxName: p.mxName,
      usState: p.usState,
      mxState: p.mxState,
      usLocation: latLonOf(p.usLocation),
      mxLocation: latLonOf(p.mxLocation),
      usTimeZone: p.usTimeZone,
      mxTimeZone: p.mxTimeZone,
      status: p.status,
      approx: p.approx,
      notes: p.notes,
      sources: p.sources,
    }))
    .sort((a, b) => a.usLocation.lon - b.usLocation.lon);
}

export async function listMechanisms(db: Executor): Promise<Mechanism[]> {
  const rows = await db.select().from(mechanisms);
  return rows.map((m) => ({ ...m, centre: latLonOf(m.centre) })).sort((a, b) => a.centre.lon - b.centre.lon);
}

export async function listAreas(db: Executor): Promise<AreaFeature[]> {
  const rows = await db.select().from(areas).orderBy(asc(areas.id));
  return rows.map((a) => ({
    type: 'Feature' as const,
    id: a.id,
    geometry: a.geometry,
    properties: {
      id: a.id,
      name: { en: a.nameEn, es: a.nameEs },
      hazard: { en: a.hazardEn, es: a.hazardEs },
      season: { en: a.seasonEn, es: a.seasonEs },
      side: a.side,
      riskLevel: a.riskLevel,
      approx: a.approx,
      sources: a.sources,
    },
  }));
}

export async function listStations(db: Executor): Promise<Station[]> {
  const rows = await db.select().from(stations).orderBy(asc(stations.id));
  return rows.map((s) => ({ ...s, location: latLonOf(s.location) }));
}

/** Just what incident assignment needs from the geography (Plan of Action I and VIII). */
export async function assignmentGeography(db: Executor): Promise<{ areas: AreaShape[]; mechanisms: MechanismReach[] }> {
  const [areaRows, mechanismRows] = await Promise.all([
    db.select({ id: areas.id, geometry: areas.geometry }).from(areas),
    db.select({ id: mechanisms.id, centre: mechanisms.centre, radiusKm: mechanisms.radiusKm }).from(mechanisms),
  ]);
  return { areas: areaRows, mechanisms: mechanismRows.map((m) => ({ ...m, centre: latLonOf(m.centre) })) };
}
