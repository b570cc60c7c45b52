import type {
  ExpressionSpecification,
  FillLayerSpecification,
  HeatmapLayerSpecification,
  LayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { LABEL_FONTS } from '@client/lib/map/labels.js';
import { finishedStatuses, severities } from '@shared/incidents/contract.js';
import { INCIDENT_TILE_LAYER } from '@shared/incidents/tiles.js';
import { clusterColours, growthColour, heatColours } from './colours.js';
import { incidentShapes } from './shapes.js';

/**
 * The incidents' vector tiles (clustered by the server), the incidents changed since they were
 * loaded (live, drawn over them), and the comparison's cells.
 */
export const INCIDENTS_SOURCE = 'incidents';
export const LIVE_SOURCE = 'incidents-live';
export const GROWTH_SOURCE = 'incidents-growth';
export const CLUSTER_LAYER = 'incident-clusters';
export const CLUSTER_COUNT_LAYER = 'incident-cluster-counts';
export const INCIDENT_LAYER = 'incidents';
export const LIVE_LAYER = 'incidents-live';

/** Feature state of a tile's incident that changed since the tiles were loaded: the live source draws it. */
export const LIVE_STATE = 'live';

const isCluster: ExpressionSpecification = ['has', 'point_count'];

/** Global state the controller keeps at "the density layer is on" (map-controller.tsx). */
export const HEAT_STATE = 'incidentHeat';
/** With the density drawn, clusters give up their discs (which would hide it) and keep their counts. */
const heatShown: ExpressionSpecification = ['==', ['global-state', HEAT_STATE], true];

const shapeOfType: ExpressionSpecification = [
  'match',
  ['get', 'type'],
  ...Object.entries(incidentShapes).flat(),
  'star',
] as unknown as ExpressionSpecification;

const finished: ExpressionSpecification = ['in', ['get', 'status'], ['literal', [...finishedStatuses]]];

const severityRank: ExpressionSpecification = [
  'match',
  ['get', 'severity'],
  ...severities.flatMap((s, i) => [s, i]),
  0,
] as unknown as ExpressionSpecification;

/** Clusters sized and shaded by how many incidents they hold. */
export const clusterLayer: LayerSpecification & { source: string } = {
  id: CLUSTER_LAYER,
  type: 'circle',
  source: INCIDENTS_SOURCE,
  'source-layer': INCIDENT_TILE_LAYER,
  filter: isCluster,
  paint: {
    'circle-color': [
      'step',
      ['get', 'point_count'],
      clusterColours.small,
      100,
      clusterColours.medium,
      1000,
      clusterColours.large,
    ],
    'circle-radius': ['step', ['get', 'point_count'], 12, 100, 17, 1000, 23, 5000, 29],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 2,
    'circle-opacity': ['case', heatShown, 0, 1],
    'circle-stroke-opacity': ['case', heatShown, 0, 1],
  },
};

/** How many incidents each cluster holds, written on it ("1.2k" past a thousand). */
export const clusterCountLayer: SymbolLayerSpecification & { source: string } = {
  id: CLUSTER_COUNT_LAYER,
  type: 'symbol',
  source: INCIDENTS_SOURCE,
  'source-layer': INCIDENT_TILE_LAYER,
  filter: isCluster,
  layout: {
    'text-field': ['get', 'point_count_abbreviated'],
    'text-font': [LABEL_FONTS.bold],
    'text-size': ['step', ['get', 'point_count'], 12, 100, 13, 1000, 14],
    'text-allow-overlap': true,
    'text-ignore-placement': true,
  },
  // Dark on the light small clusters, white on the darker large ones; over the density, dark on a white halo.
  paint: {
    'text-color': ['case', heatShown, '#082a33', ['step', ['get', 'point_count'], '#082a33', 100, '#ffffff']],
    'text-halo-color': '#ffffff',
    'text-halo-width': ['case', heatShown, 1.5, 0],
  },
};

/** How an incident is drawn, from the tiles or the live source alike. */
const incidentLayout: SymbolLayerSpecification['layout'] = {
  'icon-image': ['concat', 'incident-', shapeOfType, '-', ['case', finished, 'finished', ['get', 'severity']]],
  'icon-size': ['case', ['==', ['get', 'severity'], 'critical'], 1.25, 1],
  'icon-allow-overlap': true,
  'icon-ignore-placement': true,
  'symbol-sort-key': ['case', finished, -1, severityRank],
};

/**
 * Each incident: its type's shape in its severity's colour, or hollow grey once resolved or
 * closed; the most severe drawn on top and a little larger. One that changed since its tile
 * was loaded gives way to its live copy.
 */
export const incidentLayer: SymbolLayerSpecification & { source: string } = {
  id: INCIDENT_LAYER,
  type: 'symbol',
  source: INCIDENTS_SOURCE,
  'source-layer': INCIDENT_TILE_LAYER,
  filter: ['!', isCluster],
  layout: incidentLayout,
  paint: { 'icon-opacity': ['case', ['boolean', ['feature-state', LIVE_STATE], false], 0, 1] },
};

/** The incidents reported or changed since the tiles were loaded, drawn as the tiles' are. */
export const liveIncidentLayer: SymbolLayerSpecification & { source: string } = {
  id: LIVE_LAYER,
  type: 'symbol',
  source: LIVE_SOURCE,
  layout: incidentLayout,
};

/**
 * Density: a warm glow wide enough to read at border zoom. A single incident counts half as
 * much as a cluster of a hundred, so a lone report shows and a crowd shows more.
 */
export const heatLayer: HeatmapLayerSpecification = {
  id: 'incidents-heat',
  type: 'heatmap',
  source: INCIDENTS_SOURCE,
  'source-layer': INCIDENT_TILE_LAYER,
  paint: {
    'heatmap-weight': ['interpolate', ['linear'], ['coalesce', ['get', 'point_count'], 1], 1, 0.5, 10, 0.8, 100, 1],
    'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 4, 1.2, 10, 2.5],
    'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 4, 28, 10, 45],
    'heatmap-opacity': 0.8,
    'heatmap-color': [
      'interpolate',
      ['linear'],
      ['heatmap-density'],
      0,
      'rgba(255, 236, 153, 0)',
      0.15,
      heatColours.low,
      0.4,
      heatColours.medium,
      0.7,
      heatColours.high,
      1,
      heatColours.highest,
    ],
  },
};

/** The comparison: cells where more incidents happened than in the previous period, stronger where more. */
export const growthLayer: FillLayerSpecification = {
  id: 'incidents-growth',
  type: 'fill',
  source: GROWTH_SOURCE,
  paint: {
    'fill-color': growthColour,
    'fill-opacity': ['interpolate', ['linear'], ['get', 'growth'], 1, 0.25, 20, 0.7],
    'fill-outline-color': '#5c940d',
  },
};
