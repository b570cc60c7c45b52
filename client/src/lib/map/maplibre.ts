import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/** Without an explicit URL the worker 404s after `vite build`. */
export { workerUrl };

let maplibre: Promise<typeof import('maplibre-gl')> | undefined;

/**
 * MapLibre's code (1 MB), loaded once per page, and its worker (another 1 MB to parse, on a
 * thread of its own) started as soon as it is: react-map-gl would import it only once a map's
 * style is ready. A tile waits for the worker, which took 0.6 s to answer its first message
 * when it was started with the map; started as the app opens on the map (app/map/early-start.ts)
 * it starts while the rest of the app's code runs.
 */
export function loadMapLibre(): Promise<typeof import('maplibre-gl')> {
  maplibre ??= import('maplibre-gl').then((lib) => {
    lib.setWorkerUrl(workerUrl);
    lib.prewarm();
    return lib;
  });
  return maplibre;
}
