import type { ExpressionSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { MechanismSummary } from '@shared/liaison/contract.js';
import type { MapOverlay, OverlayLayer } from '@client/lib/feature.js';
import { collection, point } from '@client/lib/map/geojson.js';
import { useQuerySources } from '@client/lib/map/overlay-sources.js';
import { useMechanisms } from '../api/mechanisms.js';
import { MechanismLabel } from '../components/mechanism-label.js';
import { MechanismPopup } from '../components/mechanism-popup.js';
import { mechanismColours } from './colours.js';

/** Each mechanism's area of responsibility and a marker between its sister cities. */
function mechanismSources(mechanisms: MechanismSummary[]): Record<string, FeatureCollection> {
  return {
    'mechanism-areas': collection(
      mechanisms.flatMap((m) =>
        m.area ? [{ type: 'Feature' as const, geometry: m.area, properties: { id: m.id, kind: m.kind } }] : [],
      ),
    ),
    'mechanism-centres': collection(
      mechanisms.map((m) => ({ type: 'Feature', geometry: point(m.centre), properties: { id: m.id, kind: m.kind } })),
    ),
  };
}

const kindColour = (): ExpressionSpecification => [
  'match',
  ['get', 'kind'],
  'ICM',
  mechanismColours.interior,
  mechanismColours.area,
];

/** Areas are clickable (a click anywhere in the border band answers "who do I call here"). */
const layers: readonly OverlayLayer[] = [
  {
    opensPopup: true,
    spec: {
      id: 'mechanism-areas-fill',
      type: 'fill',
      source: 'mechanism-areas',
      paint: { 'fill-color': kindColour(), 'fill-opacity': 0.05 },
    },
  },
  {
    spec: {
      id: 'mechanism-areas-line',
      type: 'line',
      source: 'mechanism-areas',
      paint: { 'line-color': kindColour(), 'line-width': 1, 'line-dasharray': [2, 2] },
    },
  },
  {
    opensPopup: true,
    spec: {
      id: 'mechanism-centres',
      type: 'circle',
      source: 'mechanism-centres',
      paint: {
        'circle-color': kindColour(),
        'circle-radius': 4,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
  },
];

/**
 * Below the high-risk areas (order 10), so a click inside a high-risk area opens that
 * area and a click anywhere else in the band opens its mechanism.
 */
export const mechanismsOverlay: MapOverlay = {
  id: 'mechanisms',
  order: 5,
  legend: { label: 'map.layer.mechanisms', swatches: [mechanismColours.area, mechanismColours.interior] },
  useSources: () => useQuerySources(useMechanisms(), mechanismSources),
  layers,
  Popup: MechanismPopup,
  FeatureLabel: MechanismLabel,
};
