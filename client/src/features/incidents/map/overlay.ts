import type { MapOverlay } from '@client/lib/feature.js';
import { useQuerySources } from '@client/lib/map/overlay-sources.js';
import { loadedCollection, useIncidentsMap, type IncidentMap } from '../api/incidents-map.js';
import { IncidentLabel, IncidentPopup } from '../components/incident-popup.js';
import { OperationsMapPanel } from '../components/operations-map-panel.js';
import { filterOf, useMapView } from '../hooks/use-map-view.js';
import { severityColours } from './colours.js';
import { CLUSTER_MAX_ZOOM, INCIDENTS_SOURCE, clusterCountLayer, clusterLayer, incidentLayer } from './layers.js';
import { IncidentMapController } from './map-controller.js';

/**
 * The source holds the collection as fetched: live patches reach it through `updateData`
 * (IncidentMapController), so the object handed to the source changes only with a fetch.
 */
const incidentSources = (data: IncidentMap) => ({ [INCIDENTS_SOURCE]: loadedCollection(data) });

function useIncidentSources() {
  const [view] = useMapView();
  const result = useIncidentsMap(filterOf(view));
  return useQuerySources(result, incidentSources);
}

/** Incidents on the operations map (issue 17): clustered, filtered, live, over the reference geography. */
export const incidentsOverlay: MapOverlay = {
  id: 'incidents',
  order: 50,
  aboveLabels: true,
  legend: { label: 'map.layer.incidents', swatches: Object.values(severityColours) },
  useSources: useIncidentSources,
  sourceOptions: {
    [INCIDENTS_SOURCE]: { cluster: true, clusterRadius: 50, clusterMaxZoom: CLUSTER_MAX_ZOOM },
  },
  // A cluster's click is the controller's (it zooms in): nothing under a cluster opens instead.
  layers: [
    { spec: clusterLayer, ownsClick: true },
    { spec: clusterCountLayer },
    { spec: incidentLayer, opensPopup: true },
  ],
  Popup: IncidentPopup,
  FeatureLabel: IncidentLabel,
  MapChild: IncidentMapController,
  Panel: OperationsMapPanel,
};
