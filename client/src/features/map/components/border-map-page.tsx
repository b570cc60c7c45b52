import { Popup, type GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useConfig } from '../../../app/config.js';
import { useI18n } from '../../../app/i18n.js';
import { ErrorBoundary } from '../../../components/error-boundary.js';
import { MapView } from '../../../components/map-view.js';
import type { BorderData } from '../api/reference.js';
import { useBorderData } from '../hooks/use-border-data.js';
import { clickableLayers, layerGroups, overlayLayers, overlaySources, recordOfLayer, sourceIds, type LayerGroup } from '../map/layers.js';
import { popupContent, type PopupText } from '../map/popups.js';
import { MapLegend } from './map-legend.js';

const allVisible = Object.fromEntries(layerGroups.map((group) => [group, true])) as Record<LayerGroup, boolean>;
const CLICK_TOLERANCE_PX = 4;

/** The border map: ports, Border Liaison Mechanisms, high-risk areas, stations and live incidents. */
export function BorderMapPage() {
  const { t, pick, describeError } = useI18n();
  const { mapStyleUrl } = useConfig();
  const { data, error, reload } = useBorderData();
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [visible, setVisible] = useState(allVisible);
  const sources = useMemo(() => data && overlaySources(data), [data]);

  // The click handler is registered once; it reads the latest data and language from refs.
  const latest = useRef<{ data: BorderData | null; text: PopupText }>({ data, text: { t, pick } });
  latest.current = { data, text: { t, pick } };
  const popup = useRef<Popup | null>(null);

  useEffect(() => {
    if (!map || !sources) return;
    for (const [id, collection] of Object.entries(sources)) map.getSource<GeoJSONSource>(id)?.setData(collection);
  }, [map, sources]);

  useEffect(() => {
    if (!map) return;
    for (const { group, spec } of overlayLayers) map.setLayoutProperty(spec.id, 'visibility', visible[group] ? 'visible' : 'none');
  }, [map, visible]);

  // An open popup was written in the previous language.
  useEffect(() => () => void popup.current?.remove(), [t]);

  function onReady(ready: MapLibreMap) {
    for (const id of sourceIds) ready.addSource(id, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    for (const { spec } of overlayLayers) ready.addLayer(spec);
    for (const id of clickableLayers) {
      ready.on('mouseenter', id, () => (ready.getCanvas().style.cursor = 'pointer'));
      ready.on('mouseleave', id, () => (ready.getCanvas().style.cursor = ''));
    }
    ready.on('click', (event) => {
      const { x, y } = event.point;
      const box: [[number, number], [number, number]] = [[x - CLICK_TOLERANCE_PX, y - CLICK_TOLERANCE_PX], [x + CLICK_TOLERANCE_PX, y + CLICK_TOLERANCE_PX]];
      const hits = ready.queryRenderedFeatures(box, { layers: clickableLayers });
      const hit = clickableLayers.map((layer) => hits.find((f) => f.layer.id === layer)).find(Boolean);
      const kind = hit && recordOfLayer.get(hit.layer.id);
      const { data: current, text } = latest.current;
      const content = kind && current && popupContent(kind, String(hit.properties.id), current, text);
      if (!content) return;
      popup.current?.remove();
      popup.current = new Popup({ maxWidth: '320px', className: `${kind}-popup-container` }).setLngLat(event.lngLat).setDOMContent(content).addTo(ready);
    });
    setMap(ready);
  }

  return (
    <section className="map-page">
      <h1 className="visually-hidden">{t('map.title')}</h1>
      <ErrorBoundary fallback={() => <p role="alert" className="error page-message">{t('error.mapFailed')}</p>}>
        <MapView styleUrl={mapStyleUrl} onReady={onReady} className="border-map" testId="border-map" />
      </ErrorBoundary>
      <aside className="map-side">
        <MapLegend visible={visible} onToggle={(group) => setVisible((v) => ({ ...v, [group]: !v[group] }))} />
        {error ? (
          <div role="alert" className="error">
            <p>{describeError(error)}</p>
            <button type="button" onClick={reload}>{t('common.retry')}</button>
          </div>
        ) : null}
      </aside>
    </section>
  );
}
