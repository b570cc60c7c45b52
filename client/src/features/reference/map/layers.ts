import type { OverlayLayer } from '@client/lib/feature.js';
import { areaColours, portColour, stationColours } from './colours.js';

/** Map layers of the reference geography, as typed data; properties carry only what styling and lookup need. */

const stroke = { 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } as const;

export const areaLayers: readonly OverlayLayer[] = [
  {
    opensPopup: true,
    spec: {
      id: 'areas-fill',
      type: 'fill',
      source: 'areas',
      paint: {
        'fill-color': [
          'match',
          ['get', 'riskLevel'],
          'extreme',
          areaColours.extreme,
          'moderate',
          areaColours.moderate,
          areaColours.high,
        ],
        'fill-opacity': 0.22,
      },
    },
  },
  {
    spec: {
      id: 'areas-outline',
      type: 'line',
      source: 'areas',
      paint: { 'line-color': ['match', ['get', 'riskLevel'], 'extreme', '#c92a2a', '#d9480f'], 'line-width': 1.2 },
    },
  },
];

export const stationLayers: readonly OverlayLayer[] = [
  {
    opensPopup: true,
    spec: {
      id: 'stations',
      type: 'circle',
      source: 'stations',
      paint: {
        'circle-color': [
          'match',
          ['get', 'kind'],
          'grupo_beta',
          stationColours.grupo_beta,
          stationColours.border_patrol_sector,
        ],
        'circle-radius': 4,
        ...stroke,
      },
    },
  },
];

export const portLayers: readonly OverlayLayer[] = [
  {
    opensPopup: true,
    spec: {
      id: 'ports',
      type: 'circle',
      source: 'ports',
      paint: { 'circle-color': portColour, 'circle-radius': 5.5, ...stroke },
    },
  },
];
