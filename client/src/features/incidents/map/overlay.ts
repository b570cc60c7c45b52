import type { FeatureCollection } from 'geojson';
import type { Incident } from '@shared/incidents/contract.js';
import type { MapOverlay } from '@client/lib/feature.js';
import { collection, point } from '@client/lib/map/geojson.js';
import { useQuerySources } from '@client/lib/map/overlay-sources.js';
import { useIncidentsOnMap } from '../api/list-incidents.js';
import { IncidentLabel, IncidentPopup } from '../components/incident-popup.js';
import { severityColours } from './colours.js';

const incidentSources = (incidents: Incident[]): Record<string, FeatureCollection> => ({
  incidents: collection(
    incidents.map((i) => ({
      type: 'Feature',
      geometry: point(i.location),
      properties: { id: i.id, severity: i.severity, exercise: i.exercise },
    })),
  ),
});

/** Live incidents on the border map, on top of the reference geography. */
export const incidentsOverlay: MapOverlay = {
  id: 'incidents',
  order: 50,
  legend: { label: 'map.layer.incidents', swatches: [severityColours.high, severityColours.critical] },
  useSources: () => useQuerySources(useIncidentsOnMap(), incidentSources),
  layers: [
    {
      opensPopup: true,
      spec: {
        id: 'incidents',
        type: 'circle',
        source: 'incidents',
        paint: {
          'circle-color': [
            'match',
            ['get', 'severity'],
            'critical',
            severityColours.critical,
            'high',
            severityColours.high,
            'medium',
            severityColours.medium,
            severityColours.low,
          ],
          'circle-radius': 7,
          'circle-stroke-color': '#212529',
          'circle-stroke-width': 1.5,
        },
      },
    },
  ],
  Popup: IncidentPopup,
  FeatureLabel: IncidentLabel,
};
