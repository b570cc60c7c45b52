import type { Feature, FeatureCollection, Geometry, Point, Polygon } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { LatLon } from '@shared/reference/contract.js';
import type { BorderData } from '../api/reference.js';
import { portColour, severityColours, stationColours } from './colours.js';

/** What the legend switches on and off; each group owns one or more map layers. */
export const layerGroups = ['areas', 'mechanisms', 'ports', 'stations', 'incidents'] as const;
export type LayerGroup = (typeof layerGroups)[number];

export const sourceIds = ['areas', 'mechanism-reach', 'mechanism-centres', 'ports', 'stations', 'incidents'] as const;
export type SourceId = (typeof sourceIds)[number];

/** Which record a clicked layer shows in its popup. */
export type RecordKind = 'area' | 'mechanism' | 'port' | 'station' | 'incident';

interface OverlayLayer {
  group: LayerGroup;
  /** Set on layers that open a popup when clicked. */
  record?: RecordKind;
  spec: LayerSpecification;
}


const stroke = { 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } as const;

/** Drawn bottom to top: areas under mechanisms under points, incidents on top. */
export const overlayLayers: readonly OverlayLayer[] = [
  { group: 'areas', record: 'area', spec: { id: 'areas-fill', type: 'fill', source: 'areas', paint: { 'fill-color': ['match', ['get', 'riskLevel'], 'extreme', '#e03131', '#f08c00'], 'fill-opacity': 0.22 } } },
  { group: 'areas', spec: { id: 'areas-outline', type: 'line', source: 'areas', paint: { 'line-color': ['match', ['get', 'riskLevel'], 'extreme', '#c92a2a', '#d9480f'], 'line-width': 1.2 } } },
  { group: 'mechanisms', record: 'mechanism', spec: { id: 'mechanism-reach-fill', type: 'fill', source: 'mechanism-reach', paint: { 'fill-color': '#1c7ed6', 'fill-opacity': 0.06 } } },
  { group: 'mechanisms', spec: { id: 'mechanism-reach-line', type: 'line', source: 'mechanism-reach', paint: { 'line-color': '#1c7ed6', 'line-width': 1, 'line-dasharray': [2, 2] } } },
  { group: 'mechanisms', record: 'mechanism', spec: { id: 'mechanism-centres', type: 'circle', source: 'mechanism-centres', paint: { 'circle-color': '#1864ab', 'circle-radius': 4, ...stroke } } },
  {
    group: 'stations', record: 'station',
    spec: { id: 'stations', type: 'circle', source: 'stations', paint: { 'circle-color': ['match', ['get', 'kind'], 'grupo_beta', stationColours.grupo_beta, stationColours.border_patrol_sector], 'circle-radius': 4, ...stroke } },
  },
  { group: 'ports', record: 'port', spec: { id: 'ports', type: 'circle', source: 'ports', paint: { 'circle-color': portColour, 'circle-radius': 5.5, ...stroke } } },
  {
    group: 'incidents', record: 'incident',
    spec: {
      id: 'incidents', type: 'circle', source: 'incidents',
      paint: {
        'circle-color': ['match', ['get', 'severity'], 'critical', severityColours.critical, 'high', severityColours.high, 'medium', severityColours.medium, severityColours.low],
        'circle-radius': 7, 'circle-stroke-color': '#212529', 'circle-stroke-width': 1.5,
      },
    },
  },
];

/** Clickable layers, topmost first, so the smallest thing under the pointer wins. */
export const clickableLayers = overlayLayers.filter((layer) => layer.record).map((layer) => layer.spec.id).reverse();
export const recordOfLayer = new Map(overlayLayers.flatMap((layer) => (layer.record ? [[layer.spec.id, layer.record] as const] : [])));

function point(location: LatLon): Point {
  return { type: 'Point', coordinates: [location.lon, location.lat] };
}

function collection<G extends Geometry>(features: Feature<G>[]): FeatureCollection<G> {
  return { type: 'FeatureCollection', features };
}

const KM_PER_DEGREE = 111.32;

/** A mechanism's reach drawn as a 64-sided circle; flat-earth maths is exact enough at this scale. */
export function reachCircle(centre: LatLon, radiusKm: number, steps = 64): Polygon {
  const ring = Array.from({ length: steps + 1 }, (_, i) => {
    const angle = (2 * Math.PI * i) / steps;
    const dLat = (radiusKm / KM_PER_DEGREE) * Math.sin(angle);
    const dLon = (radiusKm / (KM_PER_DEGREE * Math.cos((centre.lat * Math.PI) / 180))) * Math.cos(angle);
    return [centre.lon + dLon, centre.lat + dLat];
  });
  return { type: 'Polygon', coordinates: [ring] };
}

/** A port is a pair of facilities a few hundred metres apart: the map marks the crossing between them. */
export function crossing(usLocation: LatLon, mxLocation: LatLon): LatLon {
  return { lat: (usLocation.lat + mxLocation.lat) / 2, lon: (usLocation.lon + mxLocation.lon) / 2 };
}

/** GeoJSON for every overlay source; properties carry only what styling and lookup need. */
export function overlaySources(data: BorderData): Record<SourceId, FeatureCollection> {
  return {
    areas: collection(data.areas.features.map((area) => ({ type: 'Feature', geometry: area.geometry, properties: { id: area.id, riskLevel: area.properties.riskLevel } }))),
    'mechanism-reach': collection(data.mechanisms.map((m) => ({ type: 'Feature', geometry: reachCircle(m.centre, m.radiusKm), properties: { id: m.id } }))),
    'mechanism-centres': collection(data.mechanisms.map((m) => ({ type: 'Feature', geometry: point(m.centre), properties: { id: m.id } }))),
    ports: collection(data.ports.map((p) => ({ type: 'Feature', geometry: point(crossing(p.usLocation, p.mxLocation)), properties: { id: p.id, status: p.status } }))),
    stations: collection(data.stations.map((s) => ({ type: 'Feature', geometry: point(s.location), properties: { id: s.id, kind: s.kind } }))),
    incidents: collection(data.incidents.map((i) => ({ type: 'Feature', geometry: point(i.location), properties: { id: i.id, severity: i.severity } }))),
  };
}
