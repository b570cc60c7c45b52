import { useCallback, useEffect, useRef, useState } from 'react';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { Popup, type MapLayerMouseEvent, type MapRef, type PopupInstance } from 'react-map-gl/maplibre';
import { ErrorBoundary } from '@client/components/error-boundary.js';
import { ErrorWithRetry } from '@client/components/error-with-retry.js';
import { MapView } from '@client/components/map-view.js';
import { PlaceSearchBox } from '@client/components/place-search-box.js';
import type { FeatureProperties, MapOverlay } from '@client/lib/feature.js';
import { useConfig } from '@client/lib/config.js';
import { useI18n } from '@client/lib/i18n.js';
import { boundsOf } from '@client/lib/map/geojson.js';
import { keepInView } from '@client/lib/map/keep-in-view.js';
import type { SearchEntry } from '@client/lib/place-search.js';
import { usePlaceSearchIndex } from '@client/lib/use-place-search-index.js';
import { mapOverlays } from '../features.js';
import { FeaturesInView, type FeatureInView } from './features-in-view.js';
import { MapLegend } from './map-legend.js';
import { LabelsAboveShapes, OverlayLayers, OverlayPrefetch, type OverlayFailure } from './overlay-layers.js';
import { defaultClickRank, pickFeature, type PickHit } from './pick.js';
import './map-host.css';

/** Points are hard to hit: a click this close counts. Shapes answer only where the pointer is inside them. */
const CLICK_TOLERANCE_PX = 4;

interface ClickableLayer {
  id: string;
  overlay: MapOverlay;
  rank: number;
  point: boolean;
}

/** Every layer that opens a popup, with its click rank. */
const clickable: readonly ClickableLayer[] = mapOverlays.flatMap((overlay) =>
  overlay.layers
    .filter((layer) => layer.opensPopup)
    .map(({ spec, clickRank }) => ({
      id: spec.id,
      overlay,
      rank: clickRank ?? defaultClickRank(spec.type),
      point: spec.type === 'circle' || spec.type === 'symbol',
    })),
);
const clickableIds = clickable.map((layer) => layer.id);
/** Layers whose overlay answers their clicks itself (a cluster zooms in). */
const ownClickIds = mapOverlays.flatMap((overlay) =>
  overlay.layers.filter((layer) => layer.ownsClick).map(({ spec }) => spec.id),
);
const interactiveIds = [...clickableIds, ...ownClickIds];
const clickableById = new Map(clickable.map((layer) => [layer.id, layer]));

interface Hit extends PickHit {
  overlay: MapOverlay;
  properties: FeatureProperties;
}

/** What the map shows over itself: one feature's popup, or a choice where several of one rank overlap. */
type Selection =
  | ({ kind: 'one' } & Omit<FeatureInView, 'properties'>)
  | { kind: 'choice'; hits: readonly Hit[]; longitude: number; latitude: number };

const keyOf = (f: { overlay: MapOverlay; featureId: string }) => `${f.overlay.id}:${f.featureId}`;
const sameFeatures = (a: readonly FeatureInView[], b: readonly FeatureInView[]) =>
  a.length === b.length && a.every((f, i) => keyOf(f) === keyOf(b[i]!));

/** Every clickable feature drawn in the view, the most specific kinds first, each once. */
function featuresInView(map: MaplibreMap): FeatureInView[] {
  const layers = clickableIds.filter((id) => map.getLayer(id));
  const found = new Map<string, FeatureInView & { rank: number }>();
  for (const feature of map.queryRenderedFeatures({ layers })) {
    const layer = clickableById.get(feature.layer.id);
    const bounds = boundsOf(feature.geometry);
    if (!layer || !bounds) continue;
    const entry = {
      overlay: layer.overlay,
      featureId: String(feature.properties.id),
      properties: feature.properties,
      longitude: (bounds[0] + bounds[2]) / 2,
      latitude: (bounds[1] + bounds[3]) / 2,
      rank: layer.rank,
    };
    if (!found.has(keyOf(entry))) found.set(keyOf(entry), entry);
  }
  return [...found.values()]
    .sort((a, b) => b.rank - a.rank || b.overlay.order - a.overlay.order)
    .map(({ rank: _rank, ...feature }) => feature);
}

/** What lies under a click: points within a few pixels, shapes that hold the point itself. */
function hitsAt(map: MaplibreMap, x: number, y: number): Hit[] {
  const present = clickable.filter((layer) => map.getLayer(layer.id));
  const points = present.filter((layer) => layer.point).map((layer) => layer.id);
  const shapes = present.filter((layer) => !layer.point).map((layer) => layer.id);
  const box: [[number, number], [number, number]] = [
    [x - CLICK_TOLERANCE_PX, y - CLICK_TOLERANCE_PX],
    [x + CLICK_TOLERANCE_PX, y + CLICK_TOLERANCE_PX],
  ];
  const features = [
    ...(points.length ? map.queryRenderedFeatures(box, { layers: points }) : []),
    ...(shapes.length ? map.queryRenderedFeatures([x, y], { layers: shapes }) : []),
  ];
  return features.flatMap((feature) => {
    const layer = clickableById.get(feature.layer.id);
    if (!layer?.overlay.Popup) return [];
    return [
      {
        overlay: layer.overlay,
        overlayId: layer.overlay.id,
        featureId: String(feature.properties.id),
        properties: feature.properties,
        rank: layer.rank,
        order: layer.overlay.order,
      },
    ];
  });
}

/** The panel floats over the map's left side (its top on a phone): the border opens beside it. */
function borderPadding() {
  const phone = window.matchMedia?.('(max-width: 700px)').matches;
  return phone ? { top: 150, bottom: 40, left: 12, right: 12 } : { top: 24, bottom: 24, left: 320, right: 56 };
}

/** Zoom a searched point opens at: the town's streets and the crossing's approaches. */
const PLACE_ZOOM = 10;

/**
 * The border map: a host for the overlays features contribute (reference geography,
 * incidents, …). The legend, the clickable layers, the place search and the popups all
 * come from them.
 */
export function MapHostPage() {
  const { t } = useI18n();
  const { mapStyleUrl } = useConfig();
  const mapRef = useRef<MapRef>(null);
  const [hidden, setHidden] = useState<Readonly<Record<string, boolean>>>({});
  const [selected, setSelected] = useState<Selection | null>(null);
  const [failures, setFailures] = useState<Readonly<Record<string, OverlayFailure>>>({});
  const [pointer, setPointer] = useState(false);
  const [inView, setInView] = useState<FeatureInView[]>([]);
  const searchIndex = usePlaceSearchIndex();
  const [fitPadding] = useState(borderPadding);
  const popupRef = useRef<PopupInstance>(null);

  // An open popup stays on screen, beside the panels, as its content loads and grows.
  useEffect(() => {
    const map = mapRef.current?.getMap();
    const element = popupRef.current?.getElement();
    return map && element ? keepInView(map, element, fitPadding) : undefined;
  }, [selected, fitPadding]);

  const onFailure = useCallback(
    (id: string, failure: OverlayFailure | null) =>
      setFailures((current) => {
        if (!failure && !(id in current)) return current;
        const { [id]: _previous, ...others } = current;
        return failure ? { ...others, [id]: failure } : others;
      }),
    [],
  );
  const failure = Object.values(failures)[0];

  function select(event: MapLayerMouseEvent) {
    // A click on a cluster zooms into it: the ports or areas beneath are not what was clicked.
    const owned = ownClickIds.filter((id) => event.target.getLayer(id));
    if (owned.length && event.target.queryRenderedFeatures(event.point, { layers: owned }).length) {
      setSelected(null);
      return;
    }
    const result = pickFeature(hitsAt(event.target, event.point.x, event.point.y));
    const at = { longitude: event.lngLat.lng, latitude: event.lngLat.lat };
    if (result.kind === 'none') setSelected(null);
    else if (result.kind === 'one') setSelected({ kind: 'one', ...at, ...result.hit });
    else setSelected({ kind: 'choice', hits: result.hits, ...at });
  }

  function goTo(entry: SearchEntry) {
    const map = mapRef.current;
    if (!map) return;
    if (entry.bounds) {
      const [west, south, east, north] = entry.bounds;
      map.fitBounds(
        [
          [west, south],
          [east, north],
        ],
        { padding: fitPadding, maxZoom: PLACE_ZOOM + 1 },
      );
    } else map.flyTo({ center: [entry.longitude, entry.latitude], zoom: PLACE_ZOOM, padding: fitPadding });
    const overlay = mapOverlays.find((o) => o.id === entry.overlayId);
    setSelected(
      overlay?.Popup && entry.featureId
        ? {
            kind: 'one',
            overlay,
            featureId: entry.featureId,
            longitude: entry.longitude,
            latitude: entry.latitude,
          }
        : null,
    );
  }

  const SelectedPopup = selected?.kind === 'one' ? selected.overlay.Popup : undefined;

  return (
    <section className="map-page">
      <h1 className="visually-hidden">{t('map.title')}</h1>
      {mapOverlays.map((overlay) => (
        <OverlayPrefetch key={overlay.id} overlay={overlay} />
      ))}
      <ErrorBoundary
        fallback={() => (
          <p role="alert" className="error page-message">
            {t('error.mapFailed')}
          </p>
        )}
      >
        <MapView
          styleUrl={mapStyleUrl}
          mapRef={mapRef}
          fitPadding={fitPadding}
          className="border-map"
          testId="border-map"
          interactiveLayerIds={interactiveIds}
          cursor={pointer ? 'pointer' : undefined}
          onMouseEnter={() => setPointer(true)}
          onMouseLeave={() => setPointer(false)}
          onClick={select}
          onIdle={(event) => {
            const found = featuresInView(event.target);
            // Idle fires after every frame that settles: keep the list (and skip a render) when nothing changed.
            setInView((current) => (sameFeatures(current, found) ? current : found));
          }}
        >
          {mapOverlays.map((overlay) => (
            <OverlayLayers key={overlay.id} overlay={overlay} visible={!hidden[overlay.id]} onFailure={onFailure} />
          ))}
          {mapOverlays.map(({ id, MapChild }) => MapChild && <MapChild key={id} />)}
          <LabelsAboveShapes overlays={mapOverlays} />
          {selected && (
            <Popup
              // A new selection is a new popup; closing an old one must not close it.
              key={
                selected.kind === 'one'
                  ? `${keyOf(selected)}:${selected.longitude},${selected.latitude}`
                  : `choice:${selected.longitude},${selected.latitude}`
              }
              longitude={selected.longitude}
              latitude={selected.latitude}
              ref={popupRef}
              // Narrower than a phone's screen: with its margins, a popup always fits beside its point.
              maxWidth="min(320px, calc(100vw - 24px))"
              className={selected.kind === 'one' ? `${selected.overlay.id}-popup-container` : 'choice-popup-container'}
              onClose={() => setSelected((current) => (current === selected ? null : current))}
            >
              {selected.kind === 'one' && SelectedPopup ? (
                <SelectedPopup featureId={selected.featureId} />
              ) : selected.kind === 'choice' ? (
                <ChoiceList
                  hits={selected.hits}
                  onChoose={(hit) =>
                    setSelected({
                      kind: 'one',
                      overlay: hit.overlay,
                      featureId: hit.featureId,
                      longitude: selected.longitude,
                      latitude: selected.latitude,
                    })
                  }
                />
              ) : null}
            </Popup>
          )}
        </MapView>
      </ErrorBoundary>
      <aside className="map-side">
        <PlaceSearchBox index={searchIndex} onChoose={goTo} />
        <MapLegend
          overlays={mapOverlays}
          visible={Object.fromEntries(mapOverlays.map((o) => [o.id, !hidden[o.id]]))}
          onToggle={(id) => setHidden((current) => ({ ...current, [id]: !current[id] }))}
        />
        {mapOverlays.map(({ id, Panel }) => Panel && <Panel key={id} />)}
        <FeaturesInView features={inView} onOpen={(feature) => setSelected({ kind: 'one', ...feature })} />
        {failure ? (
          <ErrorWithRetry
            error={failure.error}
            onRetry={() => Object.values(failures).forEach(({ retry }) => retry())}
          />
        ) : null}
      </aside>
    </section>
  );
}

/** Several features of one rank under the pointer: the user says which. */
function ChoiceList({ hits, onChoose }: { hits: readonly Hit[]; onChoose: (hit: Hit) => void }) {
  const { t } = useI18n();
  return (
    <div className="popup choice-popup" data-testid="map-choice">
      <p className="popup-kind">{t('map.choose')}</p>
      <ul>
        {hits.map((hit) => {
          const Label = hit.overlay.FeatureLabel;
          return (
            <li key={keyOf(hit)}>
              <button type="button" className="link-button" onClick={() => onChoose(hit)}>
                <span className="muted">{t(hit.overlay.legend.label)}: </span>
                {Label ? <Label featureId={hit.featureId} properties={hit.properties} /> : hit.featureId}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
