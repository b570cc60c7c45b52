import { useMemo } from 'react';
import type { FeatureCollection, Point } from 'geojson';
import type { MapOverlay, OverlaySources } from '@client/lib/feature.js';
import { TILE_MAX_ZOOM } from '@shared/incidents/tiles.js';
import { matchesMapFilter, resolveMapFilter } from '@shared/incidents/map-filter.js';
import { useClock } from '@client/lib/clock.js';
import { useTileSet } from '../api/incident-tiles.js';
import { featureOf } from '../api/incidents-map.js';
import { IncidentLabel, IncidentPopup } from '../components/incident-popup.js';
import { OperationsMapPanel } from '../components/operations-map-panel.js';
import { filterOf, useMapView } from '../hooks/use-map-view.js';
import { severityColours } from './colours.js';
import {
  INCIDENTS_SOURCE,
  LIVE_SOURCE,
  clusterCountLayer,
  clusterLayer,
  incidentLayer,
  liveIncidentLayer,
} from './layers.js';
import { IncidentMapController } from './map-controller.js';

/** The incidents changed since the tiles were loaded that the filter shows now: the live source. */
function useIncidentSources(): OverlaySources {
  const [view] = useMapView();
  const filter = filterOf(view);
  const { data, error, refetch } = useTileSet(filter);
  const clock = useClock();
  const key = JSON.stringify(filter);
  const collections = useMemo(() => {
    if (!data) return undefined;
    const resolved = resolveMapFilter(filter, new Date(clock()));
    const features = [...data.live.values()].filter((i) => matchesMapFilter(i, resolved)).map(featureOf);
    const live: FeatureCollection<Point> = { type: 'FeatureCollection', features };
    return { [LIVE_SOURCE]: live };
  }, [data, key, clock]); // the filter by its text: a new object each render, the same filter
  return { collections, tiles: data && { [INCIDENTS_SOURCE]: data.url }, error, retry: () => void refetch() };
}

/** Incidents on the operations map (issues 17, 26): tiled and clustered by the server, filtered, live, over the reference geography. */
export const incidentsOverlay: MapOverlay = {
  id: 'incidents',
  order: 50,
  aboveLabels: true,
  legend: { label: 'map.layer.incidents', swatches: Object.values(severityColours) },
  useSources: useIncidentSources,
  tiled: [INCIDENTS_SOURCE],
  sourceOptions: { [INCIDENTS_SOURCE]: { maxzoom: TILE_MAX_ZOOM, promoteId: 'id' } },
  // A cluster's click is the controller's (it zooms in): nothing under a cluster opens instead.
  layers: [
    { spec: clusterLayer, ownsClick: true },
    { spec: clusterCountLayer },
    { spec: incidentLayer, opensPopup: true },
    { spec: liveIncidentLayer, opensPopup: true },
  ],
  Popup: IncidentPopup,
  FeatureLabel: IncidentLabel,
  MapChild: IncidentMapController,
  Panel: OperationsMapPanel,
};
