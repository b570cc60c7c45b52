import { z } from 'zod';

/** WGS84 point; `approx` marks an estimated position (see seeds/border-reference.json). */
export const latLon = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type LatLon = z.infer<typeof latLon>;

export const portStatuses = ['open', 'restricted', 'closed'] as const;
export const portStatus = z.enum(portStatuses);

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
  status: portStatus,
  approx: z.boolean(),
  notes: z.string().nullable(),
  sources: z.array(z.string()),
});
export type Port = z.infer<typeof port>;

/** Border Liaison Mechanisms and Interior Consultation Mechanisms (Plan of Action VIII). */
export const mechanismKinds = ['BLM', 'ICM'] as const;
export const mechanismKind = z.enum(mechanismKinds);

export const mechanism = z.object({
  id: z.string(),
  kind: mechanismKind,
  usCity: z.string(),
  usState: z.string(),
  mxCity: z.string(),
  mxState: z.string(),
  centre: latLon,
  radiusKm: z.number(),
  evidence: z.string(),
  approx: z.boolean(),
  sources: z.array(z.string()),
});
export type Mechanism = z.infer<typeof mechanism>;

export const riskLevels = ['high', 'extreme'] as const;
export const riskLevel = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof riskLevel>;

export const polygonGeometry = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(z.tuple([z.number(), z.number()])).min(4)).min(1),
});
export type PolygonGeometry = z.infer<typeof polygonGeometry>;

export const areaProperties = z.object({
  id: z.string(),
  name: z.object({ en: z.string(), es: z.string() }),
  hazard: z.object({ en: z.string(), es: z.string() }),
  season: z.object({ en: z.string(), es: z.string() }),
  side: z.string(),
  riskLevel,
  approx: z.boolean(),
  sources: z.array(z.string()),
});
export type AreaProperties = z.infer<typeof areaProperties>;

export const areaFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: polygonGeometry,
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
