import { useEffect, useMemo, useRef } from 'react';
import type { GeoJSONSource, Map as MaplibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import { Layer, Source, useMap } from 'react-map-gl/maplibre';
import { useClock } from '@client/lib/clock.js';
import { changesSince, loadedCollection, useIncidentsMap, type IncidentMap } from '../api/incidents-map.js';
import { filterOf, useMapView } from '../hooks/use-map-view.js';
import { growthCells, previousPeriod } from './growth.js';
import { provideIncidentIcons } from './icons.js';
import { CLUSTER_LAYER, GROWTH_SOURCE, INCIDENTS_SOURCE, growthLayer, heatLayer } from './layers.js';

/** Browser tests read the map through this (set `localStorage['boc.e2e.map'] = '1'` before loading). */
declare global {
  interface Window {
    borderMap?: MaplibreMap;
  }
}

const round = (value: number, digits: number) => String(Number(value.toFixed(digits)));

/**
 * The incidents overlay's behaviour on the map (rendered inside it by the map host):
 * live changes applied to the clustered source with `updateData` (never a rebuild), the
 * centre and zoom kept in the URL, clusters that zoom in when clicked, the marker images,
 * and the density and comparison layers when the URL asks for them.
 */
export function IncidentMapController() {
  const map = useMap().current?.getMap();
  const [view, setView] = useMapView();
  const filter = useMemo(() => filterOf(view), [view]);
  const { data } = useIncidentsMap(filter);
  const shown = useRef<IncidentMap | null>(null);
  // The setter reads the URL as of its render: listeners registered once call the latest one.
  const latestSetView = useRef(setView);
  latestSetView.current = setView;

  // Live changes: the host's source holds `loadedCollection(data)`; apply what happened since.
  useEffect(() => {
    const source = map?.getSource<GeoJSONSource>(INCIDENTS_SOURCE);
    if (!data || !source) return;
    const previous = shown.current;
    const since = previous && loadedCollection(previous) === loadedCollection(data) ? previous : loadedCollection(data);
    const diffs = changesSince(data, since) ?? [];
    for (const diff of diffs) void source.updateData(diff);
    shown.current = data;
  }, [map, data]);

  // The view in the URL: restored once, then written after every move.
  useEffect(() => {
    if (!map) return;
    const { lng, lat, zoom } = view;
    if (lng !== undefined && lat !== undefined && zoom !== undefined)
      map.jumpTo({ center: [Number(lng), Number(lat)], zoom: Number(zoom) });
    const onMoveEnd = () => {
      const centre = map.getCenter();
      latestSetView.current({ lng: round(centre.lng, 4), lat: round(centre.lat, 4), zoom: round(map.getZoom(), 2) });
    };
    map.on('moveend', onMoveEnd);
    return () => void map.off('moveend', onMoveEnd);
    // Restored on mount only: later URL changes come from the map itself.
  }, [map]);

  // Marker images, cluster clicks, and the handle browser tests use.
  useEffect(() => {
    if (!map) return;
    const stopIcons = provideIncidentIcons(map);
    const onCluster = (event: MapLayerMouseEvent) => {
      const cluster = event.features?.[0];
      const source = map.getSource<GeoJSONSource>(INCIDENTS_SOURCE);
      if (!cluster || !source || cluster.geometry.type !== 'Point') return;
      const [lng, lat] = cluster.geometry.coordinates as [number, number];
      void source
        .getClusterExpansionZoom(cluster.properties.cluster_id as number)
        .then((zoom) => map.easeTo({ center: [lng, lat], zoom }));
    };
    map.on('click', CLUSTER_LAYER, onCluster);
    if (localStorage.getItem('boc.e2e.map') === '1') window.borderMap = map;
    return () => {
      stopIcons();
      map.off('click', CLUSTER_LAYER, onCluster);
    };
  }, [map]);

  return (
    <>
      {view.heat && <Layer {...heatLayer} beforeId={CLUSTER_LAYER} />}
      {view.compare && <GrowthLayer view={view} />}
    </>
  );
}

/** Cells where more incidents happened in the filtered period than in the one just before it. */
function GrowthLayer({ view }: { view: ReturnType<typeof useMapView>[0] }) {
  const clock = useClock();
  const filter = filterOf(view);
  // The window as the map shows it, to the minute, so the previous period's query keeps its key.
  const minute = Math.floor(clock() / 60_000) * 60_000;
  const previous = useMemo(() => previousPeriod(filter, new Date(minute)), [JSON.stringify(filter), minute]);
  const current = useIncidentsMap(filter).data;
  const before = useIncidentsMap(previous ?? filter).data;
  const cells = useMemo(
    () => (current && before && previous ? growthCells(current.features, before.features) : null),
    [current, before, previous],
  );
  if (!cells) return null;
  return (
    <Source id={GROWTH_SOURCE} type="geojson" data={cells}>
      <Layer {...growthLayer} beforeId={CLUSTER_LAYER} />
    </Source>
  );
}
