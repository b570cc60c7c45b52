import 'maplibre-gl/dist/maplibre-gl.css';
import type { StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useMemo, useState, type Ref } from 'react';
import {
  AttributionControl,
  Map,
  NavigationControl,
  ScaleControl,
  type MapProps,
  type MapRef,
} from 'react-map-gl/maplibre';
import { loadBasemap, offlineStyle, type Basemap } from '@client/lib/map/basemap.js';
import { BORDER_BOUNDS } from '@client/lib/map/border-view.js';
import { useI18n } from '@client/lib/i18n.js';

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
  const [basemap, setBasemap] = useState<Basemap | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);

  useEffect(() => {
    if (styleUrl) return;
    let cancelled = false;
    loadBasemap().then(
      (data) => cancelled || setBasemap(data),
      (error: unknown) => cancelled || setFailure(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      cancelled = true;
    };
  }, [styleUrl]);

  // A language switch changes only the labels' text-field: react-map-gl diffs the style.
  const offline = useMemo(() => (basemap ? offlineStyle(basemap, language) : null), [basemap, language]);
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
    <div className={className} data-testid={testId}>
      {style && (
        <Map
          {...mapProps}
          ref={mapRef}
          mapStyle={style}
          locale={locale}
          // Without an explicit URL the worker 404s after `vite build`.
          workerUrl={workerUrl}
          initialViewState={view ?? { bounds: BORDER_BOUNDS, fitBoundsOptions: { padding: fitPadding ?? 24 } }}
          attributionControl={false}
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
          {children}
        </Map>
      )}
    </div>
  );
}
