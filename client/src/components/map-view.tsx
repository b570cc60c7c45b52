import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { loadBasemap, offlineStyle } from '../lib/map/basemap.js';
import { BORDER_BOUNDS } from '../lib/map/border-view.js';

// Without an explicit URL the worker 404s after `vite build`.
setWorkerUrl(workerUrl);

interface Props {
  /** An online style; null draws the bundled offline basemap. */
  styleUrl: string | null;
  /** Called once the style has loaded; may add sources, layers and handlers. */
  onReady: (map: MapLibreMap) => void;
  className?: string;
  testId?: string;
}

/** A MapLibre map opened on the US–Mexico border. Owners add their own layers in `onReady`. */
export function MapView({ styleUrl, onReady, className, testId }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const ready = useRef(onReady);
  ready.current = onReady;
  const [failure, setFailure] = useState<Error | null>(null);

  useEffect(() => {
    let map: MapLibreMap | undefined;
    let cancelled = false;
    const style = styleUrl ? Promise.resolve(styleUrl) : loadBasemap().then(offlineStyle);
    style
      .then((resolved) => {
        if (cancelled || !container.current) return;
        map = new MapLibreMap({ container: container.current, style: resolved, bounds: BORDER_BOUNDS, fitBoundsOptions: { padding: 24 }, attributionControl: false });
        map.once('load', () => ready.current(map!));
      })
      .catch((error: unknown) => setFailure(error instanceof Error ? error : new Error(String(error))));
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [styleUrl]);

  // Surfaces async failures (missing WebGL, unreachable assets) to the nearest error boundary.
  if (failure) throw failure;
  return <div ref={container} className={className} data-testid={testId} />;
}
