import { useEffect, useMemo, useRef } from 'react';
import type { Map as MaplibreMap, MapLayerMouseEvent, MapSourceDataEvent } from 'maplibre-gl';
import { Layer, Source, useMap } from 'react-map-gl/maplibre';
import { useClock } from '@client/lib/clock.js';
import { firstLabelLayer } from '@client/lib/map/labels.js';
import { withSharedProgram } from '@client/lib/map/shared-programs.js';
import { CLUSTER_MAX_ZOOM, INCIDENT_TILE_LAYER, TILE_MAX_ZOOM } from '@shared/incidents/tiles.js';
import { useTileSet } from '../api/incident-tiles.js';
import { useIncidentsMap } from '../api/incidents-map.js';
import { filterOf, useMapView } from '../hooks/use-map-view.js';
import { growthCells, previousPeriod } from './growth.js';
import { provideIncidentIcons } from './icons.js';
import {
  CLUSTER_LAYER,
  GROWTH_SOURCE,
  HEAT_STATE,
  INCIDENTS_SOURCE,
  LIVE_SOURCE,
  LIVE_STATE,
  growthLayer,
  heatLayer,
} from './layers.js';

/** Browser tests read the map through this (set `localStorage['boc.e2e.map'] = '1'` before loading). */
declare global {
  interface Window {
    borderMap?: MaplibreMap;
  }
}

/** At the latest, a changed incident's tile copy gives way this long after the change. */
const LIVE_HIDE_WITHIN_MS = 300;

const round = (value: number, digits: number) => String(Number(value.toFixed(digits)));

/**
 * The incidents overlay's behaviour on the map (rendered inside it by the map host): a tile's
 * copy of an incident that changed since gives way to the live source's, the centre and zoom
 * kept in the URL both ways, clusters that zoom in when clicked, the marker images, and the
 * density and comparison layers when the URL asks for them.
 */
export function IncidentMapController() {
  const map = useMap().current?.getMap();
  const [view, setView] = useMapView();
  const filter = useMemo(() => filterOf(view), [view]);
  const tileSet = useTileSet(filter).data;
  // The setter reads the URL as of its render: listeners registered once call the latest one.
  const latestSetView = useRef(setView);
  latestSetView.current = setView;

  // Live changes: each changed incident's tile copy is hidden (its live copy is drawn, or none
  // once the filter no longer shows it); a new tile set starts from tiles that know them all.
  const hidden = useRef<{ url: string; ids: Set<string> }>({ url: '', ids: new Set() });
  useEffect(() => {
    if (!map?.getSource(INCIDENTS_SOURCE) || !tileSet) return;
    const tiles = { source: INCIDENTS_SOURCE, sourceLayer: INCIDENT_TILE_LAYER };
    const hide = () => {
      if (hidden.current.url !== tileSet.url) {
        map.removeFeatureState(tiles);
        hidden.current = { url: tileSet.url, ids: new Set() };
      }
      for (const id of tileSet.live.keys())
        if (!hidden.current.ids.has(id)) {
          map.setFeatureState({ ...tiles, id }, { [LIVE_STATE]: true });
          hidden.current.ids.add(id);
        }
    };
    if (hidden.current.url !== tileSet.url) return hide();
    // A new live copy is hidden on its tile once the live source's tiles hold it, so both change
    // in one frame. Set at once, the state starts a frame of its own (about 100 ms with software
    // WebGL) that holds up the live source's data: the incident drew twice as late. A change the
    // live source does not draw (the filter hides it, or it is out of view) is hidden shortly.
    const onData = (event: MapSourceDataEvent) => {
      if (event.sourceId === LIVE_SOURCE && event.tile && map.isSourceLoaded(LIVE_SOURCE)) hide();
    };
    map.on('sourcedata', onData);
    const fallback = setTimeout(hide, LIVE_HIDE_WITHIN_MS);
    return () => {
      map.off('sourcedata', onData);
      clearTimeout(fallback);
    };
  }, [map, tileSet]);

  // The map follows its URL: on opening, and when the URL changes under it (back/forward, a pasted link).
  const { lng, lat, zoom } = view;
  useEffect(() => {
    // Moving, the map is on its way elsewhere: what the URL holds is where it was (its last `moveend`).
    if (!map || map.isMoving() || lng === undefined || lat === undefined || zoom === undefined) return;
    const centre = map.getCenter();
    // The URL holds the map's own position rounded (below): within the rounding, it is already there.
    const there =
      Math.abs(centre.lng - Number(lng)) <= 1e-4 &&
      Math.abs(centre.lat - Number(lat)) <= 1e-4 &&
      Math.abs(map.getZoom() - Number(zoom)) <= 0.01;
    if (!there) map.jumpTo({ center: [Number(lng), Number(lat)], zoom: Number(zoom) });
  }, [map, lng, lat, zoom]);

  // …and the URL follows the map after every move (the setter writes nothing once the page is left).
  useEffect(() => {
    if (!map) return;
    const onMoveEnd = () => {
      const centre = map.getCenter();
      latestSetView.current({ lng: round(centre.lng, 4), lat: round(centre.lat, 4), zoom: round(map.getZoom(), 2) });
    };
    map.on('moveend', onMoveEnd);
    return () => void map.off('moveend', onMoveEnd);
  }, [map]);

  // Marker images, cluster clicks, and the handle browser tests use.
  useEffect(() => {
    if (!map) return;
    const stopIcons = provideIncidentIcons(map);
    // Two zooms in, a cell splits into sixteen; past the clustering zooms a cluster is one
    // place (incidents metres apart), which the deepest tiles draw one by one.
    const onCluster = (event: MapLayerMouseEvent) => {
      const cluster = event.features?.[0];
      if (!cluster || cluster.geometry.type !== 'Point') return;
      const [lng, lat] = cluster.geometry.coordinates as [number, number];
      const current = map.getZoom();
      const zoom = current >= CLUSTER_MAX_ZOOM + 1 ? Math.max(current + 2, TILE_MAX_ZOOM) : Math.floor(current) + 2;
      map.easeTo({ center: [lng, lat], zoom });
    };
    map.on('click', CLUSTER_LAYER, onCluster);
    if (localStorage.getItem('boc.e2e.map') === '1') window.borderMap = map;
    return () => {
      stopIcons();
      map.off('click', CLUSTER_LAYER, onCluster);
    };
  }, [map]);

  // The clusters' discs step aside for the density (layers.ts).
  const heat = view.heat === '1';
  useEffect(() => {
    // Unset reads as off (`heatShown`): setting it to false anyway reloads the incidents' tiles as they first load.
    if (map && (map.getGlobalState()[HEAT_STATE] === true) !== heat) map.setGlobalStateProperty(HEAT_STATE, heat);
  }, [map, heat]);

  // Density and growth are shapes: beneath the map's names, which they would cover.
  const beneathNames = (map && firstLabelLayer(map)) ?? CLUSTER_LAYER;
  return (
    <>
      {heat && <Layer {...heatLayer} beforeId={beneathNames} />}
      {view.compare && <GrowthLayer view={view} beforeId={beneathNames} />}
    </>
  );
}

/** Cells where more incidents happened in the filtered period than in the one just before it. */
function GrowthLayer({ view, beforeId }: { view: ReturnType<typeof useMapView>[0]; beforeId: string }) {
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
      <Layer {...withSharedProgram(growthLayer)} beforeId={beforeId} />
    </Source>
  );
}
