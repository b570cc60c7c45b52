import { asc } from 'drizzle-orm';
import type { AreaShape, MechanismReach } from '@shared/geo.js';
import type { AreaFeature, Mechanism, Port, Source, Station } from '@shared/reference/contract.js';
import type { PlaceGeography } from '@shared/reference/place.js';
import type { Executor } from '@server/core/db.js';
import { areas, mechanisms, ports, sources, stations } from '@server/db/schema/reference.js';

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

export async function listSources(db: Executor): Promise<Source[]> {
  return db.select().from(sources).orderBy(asc(sources.id));
}

/** What other features assign and describe places by (Plan of Action I and VIII), read in one go. */
export interface ReferenceGeography {
  assignment: { areas: AreaShape[]; mechanisms: MechanismReach[] };
  places: PlaceGeography;
}

export async function referenceGeography(db: Executor): Promise<ReferenceGeography> {
  const [areaRows, mechanismRows, portRows] = await Promise.all([
    db.select({ id: areas.id, geometry: areas.geometry, nameEn: areas.nameEn, nameEs: areas.nameEs }).from(areas),
    db
      .select({
        id: mechanisms.id,
        centre: mechanisms.centre,
        radiusKm: mechanisms.radiusKm,
        usCity: mechanisms.usCity,
        mxCity: mechanisms.mxCity,
      })
      .from(mechanisms),
    listPorts(db),
  ]);
  return {
    assignment: {
      areas: areaRows.map(({ id, geometry }) => ({ id, geometry })),
      mechanisms: mechanismRows.map(({ id, centre, radiusKm }) => ({ id, centre: latLonOf(centre), radiusKm })),
    },
    places: {
      ports: portRows,
      areas: areaRows.map(({ id, nameEn, nameEs }) => ({ id, name: { en: nameEn, es: nameEs } })),
      mechanisms: mechanismRows.map(({ id, usCity, mxCity }) => ({ id, usCity, mxCity })),
    },
  };
}
