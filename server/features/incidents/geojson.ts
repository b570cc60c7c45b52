import type { MapIncidentProperties } from '@shared/incidents/map-filter.js';
import type { MapIncidentRow } from './repository.js';

/** What the map answer says beside its features (RFC 7946 §6.1 foreign members). */
export interface MapAnswer {
  truncated: boolean;
  limit: number;
  total: number;
  from: string | null;
  to: string | null;
}

/**
 * RFC 7946: positions are [longitude, latitude], WGS84, and the id is a string. Written as
 * one string: 50,000 features go out without a schema walk over each of them (the shape is
 * fixed here and tested). Properties are what the map draws and filters by; the rest is
 * loaded when an incident is opened.
 */
export function mapFeatureCollection(rows: readonly MapIncidentRow[], answer: MapAnswer): string {
  const features = rows.map((r) => {
    const properties: MapIncidentProperties = {
      id: r.id,
      type: r.type,
      severity: r.severity,
      status: r.status,
      occurredAt: r.occurredAt.toISOString(),
      mechanismId: r.mechanismId,
    };
    return {
      type: 'Feature',
      id: r.id,
      geometry: { type: 'Point', coordinates: [r.location.x, r.location.y] },
      properties,
    };
  });
  return JSON.stringify({ type: 'FeatureCollection', ...answer, features });
}
