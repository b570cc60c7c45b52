import type {
  ExpressionSpecification,
  FillLayerSpecification,
  HeatmapLayerSpecification,
  LayerSpecification,
} from 'maplibre-gl';
import { finishedStatuses, severities } from '@shared/incidents/contract.js';
import { clusterColours, growthColour, severityColours } from './colours.js';
import { incidentShapes } from './shapes.js';

/** The incidents source (clustered), and the comparison's cells. */
export const INCIDENTS_SOURCE = 'incidents';
export const GROWTH_SOURCE = 'incidents-growth';
export const CLUSTER_LAYER = 'incident-clusters';
export const INCIDENT_LAYER = 'incidents';

/** Clusters up to this zoom; beyond it every incident is drawn on its own. */
export const CLUSTER_MAX_ZOOM = 10;

const isCluster: ExpressionSpecification = ['has', 'point_count'];

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
  },
};

/**
 * Each incident: its type's shape in its severity's colour, or hollow grey once resolved or
 * closed; the most severe drawn on top and a little larger.
 */
export const incidentLayer: LayerSpecification & { source: string } = {
  id: INCIDENT_LAYER,
  type: 'symbol',
  source: INCIDENTS_SOURCE,
  filter: ['!', isCluster],
  layout: {
    'icon-image': ['concat', 'incident-', shapeOfType, '-', ['case', finished, 'finished', ['get', 'severity']]],
    'icon-size': ['case', ['==', ['get', 'severity'], 'critical'], 1.25, 1],
    'icon-allow-overlap': true,
    'icon-ignore-placement': true,
    'symbol-sort-key': ['case', finished, -1, severityRank],
  },
};

/** Density: clusters weigh what they hold, so the heat reads the same at every zoom. */
export const heatLayer: HeatmapLayerSpecification = {
  id: 'incidents-heat',
  type: 'heatmap',
  source: INCIDENTS_SOURCE,
  paint: {
    'heatmap-weight': ['min', 1, ['/', ['coalesce', ['get', 'point_count'], 1], 50]],
    'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 4, 1, 10, 3],
    'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 4, 18, 10, 30],
    'heatmap-opacity': 0.75,
    'heatmap-color': [
      'interpolate',
      ['linear'],
      ['heatmap-density'],
      0,
      'rgba(153, 233, 242, 0)',
      0.2,
      severityColours.low,
      0.5,
      severityColours.medium,
      0.8,
      severityColours.high,
      1,
      severityColours.critical,
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
