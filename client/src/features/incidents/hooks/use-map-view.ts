import { z } from 'zod';
import { mapFilterKeys, mapFilterSearch, type MapFilterQuery } from '@shared/incidents/map-filter.js';
import { useValidatedSearchParams } from '@client/lib/search-params.js';
import { viewerTimeZone } from '@client/lib/zoned-time.js';

const decimal = z.string().regex(/^-?\d{1,3}(\.\d{1,6})?$/);

/**
 * The operations map's URL (`#/map?type=drowning&range=season&lng=-112.1&lat=31.9&zoom=7`):
 * the shared map filter (shared/incidents/map-filter.ts) plus the view — centre and zoom,
 * the density and comparison layers, the area whose statistics are open — so a view can be
 * shared and a reload shows the same one. Values the schema rejects are dropped.
 */
export const mapViewSearch = mapFilterSearch.extend({
  lng: decimal.optional().catch(undefined),
  lat: decimal.optional().catch(undefined),
  zoom: z
    .string()
    .regex(/^\d{1,2}(\.\d{1,2})?$/)
    .optional()
    .catch(undefined),
  heat: z.literal('1').optional().catch(undefined),
  compare: z.literal('1').optional().catch(undefined),
  area: z.string().min(1).max(100).optional().catch(undefined),
});
export type MapView = z.output<typeof mapViewSearch>;

export const useMapView = () => useValidatedSearchParams(mapViewSearch);

/**
 * The filter part of the view: what the server is asked (and what a cache entry is keyed by),
 * with the reader's zone, where "this season" starts at midnight.
 */
export function filterOf(view: MapView): MapFilterQuery {
  const filter: Record<string, string> = {};
  for (const key of mapFilterKeys) {
    const value = view[key];
    if (value !== undefined) filter[key] = value;
  }
  return { ...filter, tz: viewerTimeZone() } as MapFilterQuery;
}
