import { z } from 'zod';
import { textId } from '@shared/ids.js';
import { safeText } from '@shared/text.js';

/** WGS84 point; `approx` marks an estimated position (see seeds/border-reference.json). */
export const latLon = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type LatLon = z.infer<typeof latLon>;

export const portStatuses = ['open', 'restricted', 'closed'] as const;
export const portStatus = z.enum(portStatuses);
export type PortStatus = z.infer<typeof portStatus>;

/** Plan of Action V, emergencies at crossing points: bomb threats, trans-border pursuit, weather. */
export const portStatusReasons = ['bomb_threat', 'pursuit', 'weather', 'other'] as const;
export const portStatusReason = z.enum(portStatusReasons);
export type PortStatusReason = z.infer<typeof portStatusReason>;

/** `POST /api/ports/:id/status`. A closure or restriction says why; reopening needs no reason. */
export const portStatusBody = z
  .object({
    status: portStatus,
    reason: portStatusReason.optional(),
    note: safeText().trim().min(1).max(500).optional(),
  })
  .refine((body) => body.status === 'open' || body.reason !== undefined, {
    path: ['reason'],
    params: {
      text: {
        en: 'is required when the port is restricted or closed',
        es: 'es obligatorio si el puerto se restringe o se cierra',
      },
    },
  });
export type PortStatusBody = z.infer<typeof portStatusBody>;

/** `/api/ports/:id…`: the port's slug ("san-ysidro"). */
export const portIdParams = z.object({ id: textId() });

export const port = z.object({
  id: z.string(),
  usName: z.string(),
  mxName: z.string(),
  usState: z.string(),
  mxState: z.string(),
  usLocation: latLon,
  mxLocation: latLon,
  usTimeZone: z.string(),
  mxTimeZone: z.string(),
  /**
   * The liaison mechanism responsible for the port (the one whose area holds its Mexican side,
   * as repatriation assigns it): its liaison officers may open, restrict or close it.
   */
  mechanismId: z.string().nullable(),
  status: portStatus,
  /** The last status change: why, the officer's note, who and when (all null until the first change). */
  statusReason: portStatusReason.nullable(),
  statusNote: z.string().nullable(),
  statusChangedBy: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  approx: z.boolean(),
  notes: z.string().nullable(),
  sources: z.array(z.string()),
});
export type Port = z.infer<typeof port>;

/** One opening, restriction or closure of a port: `GET /api/ports/:id/status-history`, newest first. */
export const portStatusChange = z.object({
  id: z.string(),
  portId: z.string(),
  status: portStatus,
  reason: portStatusReason.nullable(),
  note: z.string().nullable(),
  by: z.string(),
  at: z.string(),
});
export type PortStatusChange = z.infer<typeof portStatusChange>;

/** Border Liaison Mechanisms and Interior Consultation Mechanisms (Plan of Action VIII). */
export const mechanismKinds = ['BLM', 'ICM'] as const;
export const mechanismKind = z.enum(mechanismKinds);

export const polygonGeometry = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(z.tuple([z.number(), z.number()])).min(4)).min(1),
});
export type PolygonGeometry = z.infer<typeof polygonGeometry>;

/**
 * How a mechanism's area was drawn: the seeded partition of the border band, an
 * illustrative circle (interior mechanisms), or by an administrator (never overwritten by
 * seeding).
 */
export const areaMethods = ['border_band_partition', 'illustrative_circle', 'drawn'] as const;
export const areaMethod = z.enum(areaMethods);
export type AreaMethod = z.infer<typeof areaMethod>;

/**
 * A mechanism: its sister cities (an ICM has only its U.S. interior city), the one IANA
 * zone its rotations are kept in, and the area it is responsible for (issue 15: incidents
 * and "who do I call" are assigned by it). `centre` is between the sister cities.
 */
export const mechanism = z.object({
  id: z.string(),
  kind: mechanismKind,
  usCity: z.string(),
  usState: z.string(),
  mxCity: z.string().nullable(),
  mxState: z.string().nullable(),
  centre: latLon,
  timeZone: z.string(),
  /** GeoJSON polygon, [lon, lat]; null until one is seeded or drawn. */
  area: polygonGeometry.nullable(),
  areaMethod: areaMethod.nullable(),
  /** How the area was drawn, for the administrator who edits it. */
  areaBasis: z.string().nullable(),
  evidence: z.string(),
  approx: z.boolean(),
  /** An example, not a verified mechanism (the seeded ICMs). */
  illustrative: z.boolean(),
  sources: z.array(z.string()),
});
export type Mechanism = z.infer<typeof mechanism>;

/**
 * How dangerous a high-risk area is (Plan of Action I). `high` and `extreme` are the seeded
 * ones; `moderate` is for a route that is emerging (the map's comparison with the previous
 * period) and watched before it is high.
 */
export const riskLevels = ['moderate', 'high', 'extreme'] as const;
export const riskLevel = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof riskLevel>;

export const multiPolygonGeometry = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()])).min(4)).min(1)).min(1),
});
export type MultiPolygonGeometry = z.infer<typeof multiPolygonGeometry>;

/** A high-risk area's outline: one polygon, or several (an area other agencies send in parts). */
export const areaGeometry = z.union([polygonGeometry, multiPolygonGeometry]);
export type AreaGeometry = z.infer<typeof areaGeometry>;

/** Wording an imported area still lacks (`name.es`, `hazard.en`…): the languages an editor has to fill. */
export const areaWordings = ['name.en', 'name.es', 'hazard.en', 'hazard.es', 'season.en', 'season.es'] as const;
export const areaWording = z.enum(areaWordings);
export type AreaWording = z.infer<typeof areaWording>;

/**
 * A high-risk area on the map. Where an imported area lacks one language's name or hazard,
 * that text is the other language's (a place name reads the same in both more often than
 * not) and `missing` lists it, so readers see a name and editors see what to translate.
 */
export const areaProperties = z.object({
  id: z.string(),
  name: z.object({ en: z.string(), es: z.string() }),
  hazard: z.object({ en: z.string(), es: z.string() }),
  /** When the danger peaks; null when nobody has said. */
  season: z.object({ en: z.string(), es: z.string() }).nullable(),
  side: z.string(),
  riskLevel,
  approx: z.boolean(),
  sources: z.array(z.string()),
  missing: z.array(areaWording),
});
export type AreaProperties = z.infer<typeof areaProperties>;

export const areaFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: areaGeometry,
  properties: areaProperties,
});
export type AreaFeature = z.infer<typeof areaFeature>;

export const areaCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(areaFeature),
});
export type AreaCollection = z.infer<typeof areaCollection>;

export const stationKinds = ['grupo_beta', 'border_patrol_sector'] as const;

/** Grupo Beta (INM) rescue units and U.S. Border Patrol sector headquarters: map points. */
export const station = z.object({
  id: z.string(),
  kind: z.enum(stationKinds),
  name: z.string(),
  state: z.string(),
  location: latLon,
  timeZone: z.string(),
  approx: z.boolean(),
  sources: z.array(z.string()),
});
export type Station = z.infer<typeof station>;

/** A work the reference data cites, by the id its records carry in `sources`. */
export const source = z.object({ id: z.string(), title: z.string(), url: z.string().nullable() });
export type Source = z.infer<typeof source>;
