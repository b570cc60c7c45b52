import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Advisory } from '@shared/advisories/contract.js';
import type { MapOverlay } from '@client/lib/feature.js';
import { collection } from '@client/lib/map/geojson.js';
import { useQuerySources } from '@client/lib/map/overlay-sources.js';
import { useAdvisories } from '../api/list-advisories.js';
import { AdvisoryPopup } from '../components/advisory-popup.js';
import { advisoryColours } from './colours.js';

/** Every polygon of every active advisory: its areas' and the drawn one. */
const advisorySources = (advisories: Advisory[]): Record<string, FeatureCollection> => ({
  advisories: collection(
    advisories.flatMap((a) =>
      a.shapes.map((geometry) => ({
        type: 'Feature' as const,
        geometry,
        properties: { id: a.id, severity: a.severity, exercise: a.exercise },
      })),
    ),
  ),
});

const colourBySeverity: ExpressionSpecification = [
  'match',
  ['get', 'severity'],
  'extreme',
  advisoryColours.extreme,
  'severe',
  advisoryColours.severe,
  'moderate',
  advisoryColours.moderate,
  advisoryColours.minor,
];

/** Active weather advisories over the high-risk areas; exercises drawn dashed. */
export const advisoriesOverlay: MapOverlay = {
  id: 'advisories',
  order: 30,
  legend: { label: 'advisories.mapLegend', swatches: [advisoryColours.severe, advisoryColours.extreme], shape: 'area' },
  useSources: () => useQuerySources(useAdvisories(true), advisorySources),
  layers: [
    {
      opensPopup: true,
      spec: {
        id: 'advisories-fill',
        type: 'fill',
        source: 'advisories',
        paint: { 'fill-color': colourBySeverity, 'fill-opacity': 0.25 },
      },
    },
    {
      spec: {
        id: 'advisories-outline',
        type: 'line',
        source: 'advisories',
        paint: {
          'line-color': colourBySeverity,
          'line-width': 2.5,
          'line-dasharray': ['case', ['get', 'exercise'], ['literal', [2, 2]], ['literal', [1, 0]]],
        },
      },
    },
  ],
  Popup: AdvisoryPopup,
};
