import type { ExpressionSpecification } from 'maplibre-gl';
import type { OverlayLayer } from '@client/lib/feature.js';
import { LABEL_FONTS, labelHalo, nameInLanguage } from '@client/lib/map/labels.js';
import { areaColours, portColours, stationColours } from './colours.js';

/** Map layers of the reference geography, as typed data; properties carry only what styling and lookup need. */

const byRisk = (moderate: string, high: string, extreme: string): ExpressionSpecification => [
  'match',
  ['get', 'riskLevel'],
  'extreme',
  extreme,
  'moderate',
  moderate,
  high,
];
const areaColour = byRisk(areaColours.moderate, areaColours.high, areaColours.extreme);

export const areaLayers: readonly OverlayLayer[] = [
  {
    opensPopup: true,
    clickRank: 20,
    spec: {
      id: 'areas-fill',
      type: 'fill',
      source: 'areas',
      paint: {
        'fill-color': areaColour,
        'fill-opacity': ['match', ['get', 'riskLevel'], 'extreme', 0.28, 0.18],
      },
    },
  },
  {
    spec: {
      id: 'areas-outline',
      type: 'line',
      source: 'areas',
      paint: {
        'line-color': areaColour,
        'line-width': ['match', ['get', 'riskLevel'], 'extreme', 2, 1.3],
      },
    },
  },
];

/**
 * A name beside each point, placed where it fits (a name that fits nowhere waits for a closer
 * zoom), in the point's own colour.
 */
const pointLabel = (
  id: string,
  source: string,
  minzoom: number,
  colour: ExpressionSpecification | string,
): OverlayLayer => ({
  label: true,
  spec: {
    id,
    type: 'symbol',
    source,
    minzoom,
    layout: {
      'text-field': nameInLanguage,
      'text-font': [LABEL_FONTS.bold],
      'text-size': 11,
      'text-max-width': 9,
      'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
      'text-radial-offset': 0.9,
      'text-justify': 'auto',
    },
    paint: { 'text-color': colour, ...labelHalo },
  },
});

const stationColour: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  'grupo_beta',
  stationColours.grupo_beta,
  stationColours.border_patrol_sector,
];

export const stationLayers: readonly OverlayLayer[] = [
  {
    opensPopup: true,
    clickRank: 30,
    spec: {
      id: 'stations',
      type: 'circle',
      source: 'stations',
      paint: {
        'circle-color': stationColour,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 4, 10, 6],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
  },
  pointLabel('station-labels', 'stations', 7, stationColour),
];

/** Darker than the dots' orange: small orange text on beige land is hard to read. */
const PORT_LABEL_COLOUR = '#a33c06';

/** Open ports filled, restricted ones hollow, closed ones black: the status reads without colour vision. */
export const portLayers: readonly OverlayLayer[] = [
  {
    opensPopup: true,
    clickRank: 40,
    spec: {
      id: 'ports',
      type: 'circle',
      source: 'ports',
      paint: {
        'circle-color': [
          'match',
          ['get', 'status'],
          'restricted',
          portColours.restrictedFill,
          'closed',
          portColours.closedFill,
          portColours.open,
        ],
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 5.5, 10, 8],
        'circle-stroke-color': ['match', ['get', 'status'], 'open', '#ffffff', portColours.open],
        'circle-stroke-width': ['match', ['get', 'status'], 'open', 1.5, 3],
      },
    },
  },
  // Ports name the crossing at the zoom a sector is read at; stations, more of them, a step closer.
  pointLabel('port-labels', 'ports', 6, PORT_LABEL_COLOUR),
];
