import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Incident } from '@shared/incidents/contract.js';
import { incidentEndpoints } from '@shared/incidents/endpoints.js';
import {
  incidentMapCollection,
  matchesMapFilter,
  resolveMapFilter,
  type MapFilterQuery,
} from '@shared/incidents/map-filter.js';
import { call } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

/**
 * `GET /api/incidents.geojson`: the features and whether the answer is complete. The map draws
 * from tiles (incident-tiles.ts); this answer is what the panel counts, lists and exports.
 */
export type IncidentMap = z.infer<typeof incidentMapCollection>;
export type MapIncident = IncidentMap['features'][number];

export const incidentsMapQuery = (filter: MapFilterQuery) =>
  queryOptions({
    queryKey: incidentKeys.map(filter),
    // The answer is a file (application/geo+json): read by the contract's schema of it.
    queryFn: async () => incidentMapCollection.parse(JSON.parse(await call(incidentEndpoints.map, { query: filter }))),
    // 50,000 features: never walked for structural sharing; a live patch is a new object anyway.
    structuralSharing: false,
  });

export const useIncidentsMap = (filter: MapFilterQuery) => useQuery(incidentsMapQuery(filter));

/** The filter asking for its count: one feature and the `total` (live events keep it current). */
export const countOnly = (filter: MapFilterQuery): MapFilterQuery => ({ ...filter, limit: 1 });

/** An incident as the map answer carries it. */
export const featureOf = (incident: Incident): MapIncident => ({
  type: 'Feature',
  id: incident.id,
  geometry: { type: 'Point', coordinates: [incident.location.lon, incident.location.lat] },
  properties: {
    id: incident.id,
    type: incident.type,
    severity: incident.severity,
    status: incident.status,
    occurredAt: incident.occurredAt,
    mechanismId: incident.mechanismId,
    exercise: incident.exercise,
  },
});

/**
 * The collection with `incident` added, replaced or removed as the filter says, still the
 * newest `limit` (a count asks for one); null when nothing changes. A changed incident that
 * a cut list doesn't hold may or may not be in its total already: that list loads again.
 */
function patched(data: IncidentMap, incident: Incident, belongs: boolean): IncidentMap | null | 'reload' {
  const at = data.features.findIndex((f) => f.id === incident.id);
  if (at < 0 && data.truncated && incident.version > 1) return 'reload';
  if (at < 0 && !belongs) return null;
  const feature = featureOf(incident);
  const features =
    at < 0
      ? [feature, ...data.features].slice(0, data.limit)
      : belongs
        ? data.features.map((f, i) => (i === at ? feature : f))
        : data.features.filter((_, i) => i !== at);
  const total = data.total + (at < 0 ? 1 : belongs ? 0 : -1);
  return { ...data, features, total, truncated: total > features.length };
}

/**
 * A reported or changed incident (live event) goes onto every cached map whose filter it
 * matches now, and off those it no longer matches. Nothing is fetched.
 */
export function placeOnMaps(queryClient: QueryClient, incident: Incident, now: Date): void {
  for (const cached of queryClient.getQueryCache().findAll({ queryKey: incidentKeys.maps() })) {
    const data = cached.state.data as IncidentMap | undefined;
    // Still loading: the answer may have been read before this change committed; load it again.
    if (cached.state.fetchStatus === 'fetching') {
      void queryClient.invalidateQueries({ queryKey: cached.queryKey, exact: true });
      continue;
    }
    if (!data) continue;
    const filter = (cached.queryKey as ReturnType<typeof incidentKeys.map>)[2];
    const belongs = matchesMapFilter({ ...incident, location: incident.location }, resolveMapFilter(filter, now));
    const next = patched(data, incident, belongs);
    if (next === 'reload') void queryClient.invalidateQueries({ queryKey: cached.queryKey, exact: true });
    else if (next) queryClient.setQueryData(cached.queryKey, next);
  }
}
