import { useMemo } from 'react';
import type { AreaCollection, Port, Station } from '@shared/reference/contract.js';
import type { MapPlace } from '@client/lib/feature.js';
import { boundsOf } from '@client/lib/map/geojson.js';
import { useAreas } from '../api/areas.js';
import { usePorts } from '../api/ports.js';
import { useStations } from '../api/stations.js';
import { crossing } from './geometry.js';

/* The reference features by name, for the map's place search: both languages, both sides' names. */

type AreaFeature = AreaCollection['features'][number];

const NO_PLACES: readonly MapPlace[] = [];

function areaPlace(area: AreaFeature): MapPlace[] {
  const bounds = boundsOf(area.geometry);
  if (!bounds) return [];
  const [west, south, east, north] = bounds;
  return [
    {
      featureId: area.id,
      name: area.properties.name,
      longitude: (west + east) / 2,
      latitude: (south + north) / 2,
      bounds,
    },
  ];
}

function portPlace(port: Port): MapPlace {
  const at = crossing(port.usLocation, port.mxLocation);
  return {
    featureId: port.id,
    // Each language names its own side first, as the port's popup does.
    name: { en: `${port.usName} – ${port.mxName}`, es: `${port.mxName} – ${port.usName}` },
    aliases: [port.usName, port.mxName],
    longitude: at.lon,
    latitude: at.lat,
  };
}

const stationPlace = (station: Station): MapPlace => ({
  featureId: station.id,
  name: { en: station.name, es: station.name },
  longitude: station.location.lon,
  latitude: station.location.lat,
});

export function useAreaPlaces(): readonly MapPlace[] {
  const areas = useAreas().data;
  return useMemo(() => (areas ? areas.features.flatMap(areaPlace) : NO_PLACES), [areas]);
}

export function usePortPlaces(): readonly MapPlace[] {
  const ports = usePorts().data;
  return useMemo(() => ports?.map(portPlace) ?? NO_PLACES, [ports]);
}

export function useStationPlaces(): readonly MapPlace[] {
  const stations = useStations().data;
  return useMemo(() => stations?.map(stationPlace) ?? NO_PLACES, [stations]);
}
