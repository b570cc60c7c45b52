import { useMemo } from 'react';
import type { FeatureCollection } from 'geojson';
import type { MechanismSummary } from '@shared/liaison/contract.js';
import { mechanismName } from '@shared/reference/place.js';
import type { MapOverlay, MapPlace, OverlayLayer } from '@client/lib/feature.js';
import { boundsOf, collection, point } from '@client/lib/map/geojson.js';
import { useQuerySources } from '@client/lib/map/overlay-sources.js';
import { useMechanisms } from '../api/mechanisms.js';
import { MechanismLabel } from '../components/mechanism-label.js';
import { MechanismPopup } from '../components/mechanism-popup.js';
import { mechanismColours } from './colours.js';

/**
 * Each mechanism's area of responsibility; a marker only for a mechanism without an area
 * (a mechanism with one is found by its area: a centre marker between sister cities would
 * sit on the port there).
 */
function mechanismSources(mechanisms: MechanismSummary[]): Record<string, FeatureCollection> {
  return {
    'mechanism-areas': collection(
      mechanisms.flatMap((m) =>
        m.area ? [{ type: 'Feature' as const, geometry: m.area, properties: { id: m.id, kind: m.kind } }] : [],
      ),
    ),
    'mechanism-centres': collection(
      mechanisms
        .filter((m) => !m.area)
        .map((m) => ({ type: 'Feature', geometry: point(m.centre), properties: { id: m.id, kind: m.kind } })),
    ),
  };
}

/**
 * Outlines under everything. The fill is all but invisible and there only to be clicked:
 * a click anywhere in the border band answers "who do I call here", and anything else
 * under the pointer (a high-risk area, a port, an incident) answers first (click rank 10).
 */
const layers: readonly OverlayLayer[] = [
  {
    opensPopup: true,
    clickRank: 10,
    spec: {
      id: 'mechanism-areas-fill',
      type: 'fill',
      source: 'mechanism-areas',
      paint: { 'fill-color': mechanismColours.area, 'fill-opacity': 0.02 },
    },
  },
  {
    spec: {
      id: 'mechanism-areas-line',
      type: 'line',
      source: 'mechanism-areas',
      paint: {
        'line-color': ['match', ['get', 'kind'], 'ICM', mechanismColours.interior, mechanismColours.area],
        'line-width': 1.2,
        'line-dasharray': [3, 2],
        'line-opacity': 0.8,
      },
    },
  },
  {
    opensPopup: true,
    clickRank: 10,
    spec: {
      id: 'mechanism-centres',
      type: 'circle',
      source: 'mechanism-centres',
      paint: {
        'circle-color': '#ffffff',
        'circle-radius': 4,
        'circle-stroke-color': mechanismColours.interior,
        'circle-stroke-width': 2,
      },
    },
  },
];

const NO_PLACES: readonly MapPlace[] = [];

function mechanismPlace(m: MechanismSummary): MapPlace {
  const bounds = m.area ? boundsOf(m.area) : null;
  return {
    featureId: m.id,
    name: mechanismName(m),
    longitude: m.centre.lon,
    latitude: m.centre.lat,
    ...(bounds ? { bounds } : {}),
  };
}

function useMechanismPlaces(): readonly MapPlace[] {
  const mechanisms = useMechanisms().data;
  return useMemo(() => mechanisms?.map(mechanismPlace) ?? NO_PLACES, [mechanisms]);
}

/** Below every other overlay: a mechanism's area holds the high-risk areas, ports and incidents in it. */
export const mechanismsOverlay: MapOverlay = {
  id: 'mechanisms',
  order: 5,
  legend: {
    label: 'map.layer.mechanisms',
    swatches: [mechanismColours.area],
    shape: 'outline',
  },
  useSources: () => useQuerySources(useMechanisms(), mechanismSources),
  layers,
  Popup: MechanismPopup,
  FeatureLabel: MechanismLabel,
  usePlaces: useMechanismPlaces,
};
