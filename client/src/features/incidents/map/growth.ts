import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { timeWindow, type MapFilterQuery } from '@shared/incidents/map-filter.js';
import type { MapIncident } from '../api/incidents-map.js';

/** Cell size of the comparison, in degrees (about 25 km along the border). */
export const CELL_DEGREES = 0.25;

/** The same filter over the period of the same length just before; null when the period is open-ended. */
export function previousPeriod(filter: MapFilterQuery, now: Date): MapFilterQuery | null {
  const { from, to } = timeWindow(filter, now);
  if (!from) return null;
  const end = Date.parse(to ?? now.toISOString());
  const start = Date.parse(from);
  return {
    ...filter,
    range: 'custom',
    from: new Date(start - (end - start)).toISOString(),
    to: new Date(start).toISOString(),
  };
}

const cellOf = ([lon, lat]: number[]) => `${Math.floor(lon! / CELL_DEGREES)},${Math.floor(lat! / CELL_DEGREES)}`;

function counts(features: readonly MapIncident[]): Map<string, number> {
  const byCell = new Map<string, number>();
  for (const f of features) {
    const cell = cellOf(f.geometry.coordinates);
    byCell.set(cell, (byCell.get(cell) ?? 0) + 1);
  }
  return byCell;
}

/**
 * Plan of Action I ("new routes"): the grid cells with more incidents now than in the
 * previous period, each with `growth` (how many more), `now` and `before`.
 */
export function growthCells(now: readonly MapIncident[], before: readonly MapIncident[]): FeatureCollection<Polygon> {
  const previous = counts(before);
  const features: Feature<Polygon>[] = [];
  for (const [cell, count] of counts(now)) {
    const earlier = previous.get(cell) ?? 0;
    if (count <= earlier) continue;
    const [x, y] = cell.split(',').map(Number) as [number, number];
    const [w, s, e, n] = [x * CELL_DEGREES, y * CELL_DEGREES, (x + 1) * CELL_DEGREES, (y + 1) * CELL_DEGREES];
    features.push({
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      },
      properties: { growth: count - earlier, now: count, before: earlier },
    });
  }
  return { type: 'FeatureCollection', features };
}
