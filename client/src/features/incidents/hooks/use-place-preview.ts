import { useMemo } from 'react';
import { assignFromGeometry } from '@shared/geo.js';
import type { LatLon } from '@shared/reference/contract.js';
import { describePlace, type PlaceDescription } from '@shared/reference/place.js';
import { useMechanisms } from '@client/features/liaison/index.js';
import { useAreas, usePorts } from '@client/features/reference/index.js';

/**
 * What the incident will say of its place once sent (nearest town, high-risk areas, the
 * responsible mechanism), before it is sent: the server's own rules (`assignFromGeometry`,
 * `describePlace`) on the reference geography the console keeps cached. Null until that is
 * loaded, or without a point.
 */
export function usePlacePreview(point: LatLon | null): PlaceDescription | null {
  const ports = usePorts().data;
  const areas = useAreas().data;
  const mechanisms = useMechanisms().data;
  const geography = useMemo(
    () =>
      ports &&
      areas &&
      mechanisms && {
        areaShapes: areas.features.map(({ id, geometry }) => ({ id, geometry })),
        mechanismAreas: mechanisms.flatMap(({ id, area }) => (area ? [{ mechanismId: id, area }] : [])),
        places: {
          ports,
          areas: areas.features.map(({ id, properties }) => ({ id, name: properties.name })),
          mechanisms,
        },
      },
    [ports, areas, mechanisms],
  );
  const { lat, lon } = point ?? {};
  return useMemo(() => {
    if (!geography || lat === undefined || lon === undefined) return null;
    const location = { lat, lon };
    const { mechanismId, areaIds } = assignFromGeometry(location, geography.areaShapes, geography.mechanismAreas);
    return describePlace({ location, mechanismId, areaIds }, geography.places);
  }, [geography, lat, lon]);
}
