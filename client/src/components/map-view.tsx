import 'maplibre-gl/dist/maplibre-gl.css';
import './map-view.css';
import type { Map as MaplibreMap, StyleSpecification } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState, type Ref } from 'react';
import {
  AttributionControl,
  Map,
  NavigationControl,
  ScaleControl,
  type MapProps,
  type MapRef,
} from 'react-map-gl/maplibre';
import { loadBasemap, loadLabelFonts, offlineStyle } from '@client/lib/map/basemap.js';
import { loadMapLibre, workerUrl } from '@client/lib/map/maplibre.js';
import { BORDER_BOUNDS } from '@client/lib/map/border-view.js';
import { LANGUAGE_STATE } from '@client/lib/map/labels.js';
import { useI18n } from '@client/lib/i18n.js';

/** MapLibre loads as soon as a page with a map does, alongside the basemap (if the app has not started it already). */
const maplibre = loadMapLibre();

type Props = Omit<MapProps, 'mapStyle' | 'initialViewState' | 'workerUrl' | 'attributionControl' | 'onError'> & {
  /** An online style; null draws the bundled offline basemap. */
  styleUrl: string | null;
  className?: string;
  testId?: string;
  /** Where it opens; the whole border by default. */
  view?: { longitude: number; latitude: number; zoom: number };
  /** Room to leave around the border when it opens on it: panels the owner floats over the map. */
  fitPadding?: { top: number; bottom: number; left: number; right: number };
  /** The react-map-gl map, for owners that move it (fly to a searched place). */
  mapRef?: Ref<MapRef>;
};

/**
 * A MapLibre map (react-map-gl) opened on the US–Mexico border, with zoom buttons, a scale
 * (km and mi: both countries read it) and the basemap's attribution. Owners put `Source`,
 * `Layer`, `Marker` and `Popup` children in it and pass event handlers through.
 */
export function MapView({ styleUrl, className, testId, view, fitPadding, mapRef, children, ...mapProps }: Props) {
  const { t, language } = useI18n();
  const [offline, setOffline] = useState<StyleSpecification | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const map = useRef<MaplibreMap | null>(null);
  const languageRef = useRef(language);
  languageRef.current = language;
  // The owner's sources and layers go in as soon as the style is loaded (its first `styledata`),
  // loading alongside the basemap's: they call style methods, which throw before then. Held back
  // until the basemap had been drawn, the map was idle 0.1–0.2 s later (software WebGL draws a
  // frame in 70–270 ms).
  const [styled, setStyled] = useState(false);

  useEffect(() => {
    if (styleUrl) return;
    let cancelled = false;
    loadBasemap().then(
      (data) => cancelled || setOffline(offlineStyle(data, languageRef.current)),
      (error: unknown) => cancelled || setFailure(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      cancelled = true;
    };
  }, [styleUrl]);

  // A language switch renames the places in place (labels.ts): a new style would drop the overlays' layers.
  useEffect(() => {
    map.current?.setGlobalStateProperty(LANGUAGE_STATE, language);
  }, [language]);
  // MapLibre reads its control titles once, when the map is created.
  const locale = useMemo(
    () => ({
      'Map.Title': t('map.title'),
      'NavigationControl.ZoomIn': t('map.zoomIn'),
      'NavigationControl.ZoomOut': t('map.zoomOut'),
      'AttributionControl.ToggleAttribution': t('map.attribution'),
    }),
    [t],
  );

  // Surfaces failures to start (missing WebGL, unreachable assets) to the nearest error boundary.
  if (failure) throw failure;
  const style: string | StyleSpecification | null = styleUrl ?? offline;
  return (
    <div className={className} data-testid={testId} ref={wrapper}>
      {style && (
        <Map
          {...mapProps}
          ref={mapRef}
          mapLib={maplibre}
          mapStyle={style}
          locale={locale}
          workerUrl={workerUrl}
          initialViewState={view ?? { bounds: BORDER_BOUNDS, fitBoundsOptions: { padding: fitPadding ?? 24 } }}
          attributionControl={false}
          // Symbols appear in the frame that draws them: a live incident shows without a 300 ms fade-in.
          fadeDuration={0}
          onLoad={(event) => {
            map.current = event.target;
            // Browser tests ask the map what it drew (queryRenderedFeatures) through its element.
            if (wrapper.current) Object.assign(wrapper.current, { maplibre: event.target });
            // The language may have changed while the map loaded (and an online style does not declare it).
            event.target.setGlobalStateProperty(LANGUAGE_STATE, languageRef.current);
            mapProps.onLoad?.(event);
          }}
          onStyleData={(event) => {
            if (!styled && !styleUrl) loadLabelFonts(event.target);
            setStyled(true);
            mapProps.onStyleData?.(event);
          }}
          dragRotate={false}
          touchPitch={false}
          onError={(event) => {
            // No target: the map could not be created at all. Otherwise a tile or source failed; the map goes on.
            if (!event.target) setFailure(event.error);
            else console.error(event.error);
          }}
        >
          <NavigationControl position="top-right" showCompass={false} />
          <ScaleControl position="bottom-left" unit="metric" />
          <ScaleControl position="bottom-left" unit="imperial" />
          {/* Open, not folded behind an (i): the sources' licences ask for it (the basemap's is in its source). */}
          <AttributionControl position="bottom-right" compact={false} />
          {styled && children}
        </Map>
      )}
    </div>
  );
}
