import { useCallback, useState } from 'react';
import type { Geometry } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { Popup, type MapLayerMouseEvent } from 'react-map-gl/maplibre';
import { ErrorBoundary } from '@client/components/error-boundary.js';
import { MapView } from '@client/components/map-view.js';
import { useConfig } from '@client/lib/config.js';
import { useI18n } from '@client/lib/i18n.js';
import { mapOverlays } from '../features.js';
import { FeaturesInView, type FeatureInView } from './features-in-view.js';
import { MapLegend } from './map-legend.js';
import { OverlayLayers, type OverlayFailure } from './overlay-layers.js';

const CLICK_TOLERANCE_PX = 4;

/** Layers that open a popup, topmost first, so the smallest thing under the pointer wins. */
const clickableLayers = mapOverlays
  .flatMap((overlay) => overlay.layers.filter((layer) => layer.opensPopup).map((layer) => layer.spec.id))
  .reverse();
const overlayOfLayer = new Map(mapOverlays.flatMap((o) => o.layers.map((layer) => [layer.spec.id, o] as const)));

type Selection = FeatureInView;

/** Where to open a listed feature's popup: the point itself, or the middle of a shape's extent. */
function anchorOf(geometry: Geometry): [number, number] | null {
  const positions: number[][] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') positions.push(value as number[]);
    else if (Array.isArray(value)) value.forEach(collect);
  };
  collect('coordinates' in geometry ? geometry.coordinates : []);
  if (positions.length === 0) return null;
  const lons = positions.map((p) => p[0]!);
  const lats = positions.map((p) => p[1]!);
  return [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}

const keyOf = (f: FeatureInView) => `${f.overlay.id}:${f.featureId}`;
const sameFeatures = (a: readonly FeatureInView[], b: readonly FeatureInView[]) =>
  a.length === b.length && a.every((f, i) => keyOf(f) === keyOf(b[i]!));

/** Every clickable feature drawn in the view, topmost layer first, each once. */
function featuresInView(map: MaplibreMap): FeatureInView[] {
  const layers = clickableLayers.filter((id) => map.getLayer(id));
  const seen = new Set<string>();
  const found: FeatureInView[] = [];
  for (const feature of map.queryRenderedFeatures({ layers })) {
    const overlay = overlayOfLayer.get(feature.layer.id);
    const featureId = String(feature.properties.id);
    const anchor = anchorOf(feature.geometry);
    if (!overlay || !anchor || seen.has(`${overlay.id}:${featureId}`)) continue;
    seen.add(`${overlay.id}:${featureId}`);
    found.push({ overlay, featureId, longitude: anchor[0], latitude: anchor[1] });
  }
  const rank = (f: FeatureInView) => clickableLayers.findIndex((id) => overlayOfLayer.get(id) === f.overlay);
  return found.sort((a, b) => rank(a) - rank(b));
}

/**
 * The border map: a host for the overlays features contribute (reference geography,
 * incidents, …). The legend, the clickable layers and the popups all come from them.
 */
export function MapHostPage() {
  const { t, describeError } = useI18n();
  const { mapStyleUrl } = useConfig();
  const [hidden, setHidden] = useState<Readonly<Record<string, boolean>>>({});
  const [selected, setSelected] = useState<Selection | null>(null);
  const [failures, setFailures] = useState<Readonly<Record<string, OverlayFailure>>>({});
  const [pointer, setPointer] = useState(false);
  const [inView, setInView] = useState<FeatureInView[]>([]);

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
  const SelectedPopup = selected?.overlay.Popup;

  function select(event: MapLayerMouseEvent) {
    const map = event.target;
    const { x, y } = event.point;
    const layers = clickableLayers.filter((id) => map.getLayer(id));
    const hits = map.queryRenderedFeatures(
      [
        [x - CLICK_TOLERANCE_PX, y - CLICK_TOLERANCE_PX],
        [x + CLICK_TOLERANCE_PX, y + CLICK_TOLERANCE_PX],
      ],
      { layers },
    );
    const hit = layers.map((layer) => hits.find((feature) => feature.layer.id === layer)).find(Boolean);
    const overlay = hit && overlayOfLayer.get(hit.layer.id);
    if (!hit || !overlay?.Popup) return;
    setSelected({
      overlay,
      featureId: String(hit.properties.id),
      longitude: event.lngLat.lng,
      latitude: event.lngLat.lat,
    });
  }

  return (
    <section className="map-page">
      <h1 className="visually-hidden">{t('map.title')}</h1>
      <ErrorBoundary
        fallback={() => (
          <p role="alert" className="error page-message">
            {t('error.mapFailed')}
          </p>
        )}
      >
        <MapView
          styleUrl={mapStyleUrl}
          className="border-map"
          testId="border-map"
          interactiveLayerIds={clickableLayers}
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
          {selected && SelectedPopup && (
            <Popup
              // A new selection is a new popup; closing an old one must not close it.
              key={`${selected.overlay.id}:${selected.featureId}:${selected.longitude},${selected.latitude}`}
              longitude={selected.longitude}
              latitude={selected.latitude}
              maxWidth="320px"
              className={`${selected.overlay.id}-popup-container`}
              onClose={() => setSelected((current) => (current === selected ? null : current))}
            >
              <SelectedPopup featureId={selected.featureId} />
            </Popup>
          )}
        </MapView>
      </ErrorBoundary>
      <aside className="map-side">
        <MapLegend
          overlays={mapOverlays}
          visible={Object.fromEntries(mapOverlays.map((o) => [o.id, !hidden[o.id]]))}
          onToggle={(id) => setHidden((current) => ({ ...current, [id]: !current[id] }))}
        />
        {mapOverlays.map(({ id, Panel }) => Panel && <Panel key={id} />)}
        <FeaturesInView features={inView} onOpen={setSelected} />
        {failure ? (
          <div role="alert" className="error">
            <p>{describeError(failure.error)}</p>
            <button type="button" onClick={() => Object.values(failures).forEach(({ retry }) => retry())}>
              {t('common.retry')}
            </button>
          </div>
        ) : null}
      </aside>
    </section>
  );
}
