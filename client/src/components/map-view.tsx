import 'maplibre-gl/dist/maplibre-gl.css';
import type { StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useState } from 'react';
import { Map, type MapProps } from 'react-map-gl/maplibre';
import { loadBasemap, offlineStyle } from '@client/lib/map/basemap.js';
import { BORDER_BOUNDS } from '@client/lib/map/border-view.js';

type Props = Omit<MapProps, 'mapStyle' | 'initialViewState' | 'workerUrl' | 'attributionControl' | 'onError'> & {
  /** An online style; null draws the bundled offline basemap. */
  styleUrl: string | null;
  className?: string;
  testId?: string;
  /** Where it opens; the whole border by default. */
  view?: { longitude: number; latitude: number; zoom: number };
};

/**
 * A MapLibre map (react-map-gl) opened on the US–Mexico border. Owners put `Source`,
 * `Layer`, `Marker` and `Popup` children in it and pass event handlers through.
 */
export function MapView({ styleUrl, className, testId, view, children, ...mapProps }: Props) {
  const [offline, setOffline] = useState<StyleSpecification | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);

  useEffect(() => {
    if (styleUrl) return;
    let cancelled = false;
    loadBasemap()
      .then(offlineStyle)
      .then(
        (style) => cancelled || setOffline(style),
        (error: unknown) => setFailure(error instanceof Error ? error : new Error(String(error))),
      );
    return () => {
      cancelled = true;
    };
  }, [styleUrl]);

  // Surfaces failures to start (missing WebGL, unreachable assets) to the nearest error boundary.
  if (failure) throw failure;
  const style = styleUrl ?? offline;
  return (
    <div className={className} data-testid={testId}>
      {style && (
        <Map
          {...mapProps}
          mapStyle={style}
          // Without an explicit URL the worker 404s after `vite build`.
          workerUrl={workerUrl}
          initialViewState={view ?? { bounds: BORDER_BOUNDS, fitBoundsOptions: { padding: 24 } }}
          attributionControl={false}
          onError={(event) => {
            // No target: the map could not be created at all. Otherwise a tile or source failed; the map goes on.
            if (!event.target) setFailure(event.error);
            else console.error(event.error);
          }}
        >
          {children}
        </Map>
      )}
    </div>
  );
}
