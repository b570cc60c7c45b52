import type { FeatureCollection } from 'geojson';
import type { AreaCollection, Port, Station } from '@shared/reference/contract.js';
import { collection, point } from '@client/lib/map/geojson.js';
import { crossing } from './geometry.js';
import { portLabel, stationLabel } from './names.js';

/** GeoJSON per source id of each reference overlay (ids match `layers.ts`). */

export const areaSources = (areas: AreaCollection): Record<string, FeatureCollection> => ({
  areas: collection(
    areas.features.map((area) => ({
      type: 'Feature',
      geometry: area.geometry,
      properties: { id: area.id, riskLevel: area.properties.riskLevel },
    })),
  ),
});

export const stationSources = (stations: Station[]): Record<string, FeatureCollection> => ({
  stations: collection(
    stations.map((s) => ({
      type: 'Feature',
      geometry: point(s.location),
      properties: { id: s.id, kind: s.kind, ...stationLabel(s) },
    })),
  ),
});

export const portSources = (ports: Port[]): Record<string, FeatureCollection> => ({
  ports: collection(
    ports.map((p) => ({
      type: 'Feature',
      geometry: point(crossing(p.usLocation, p.mxLocation)),
      properties: { id: p.id, status: p.status, ...portLabel(p) },
    })),
  ),
});
