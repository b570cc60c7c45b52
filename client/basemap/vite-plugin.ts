import type { Plugin } from 'vite';
import { buildBasemap } from './build-basemap.js';

/** Where the client finds the basemap (lib/map/basemap.ts), relative to the app's base URL. */
export const BASEMAP_FILE = 'basemap/border.json';

/**
 * Extracts the offline basemap from the data packages on every `vite build` and bundles it
 * as one static file; `vite dev` serves the same from memory. Nothing is written to the
 * source tree.
 */
export function basemapPlugin(): Plugin {
  let json: string | undefined;
  const source = () => (json ??= JSON.stringify(buildBasemap()));
  return {
    name: 'boc-basemap',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: BASEMAP_FILE, source: source() });
    },
    configureServer(server) {
      server.middlewares.use(`/${BASEMAP_FILE}`, (_request, response) => {
        response.setHeader('Content-Type', 'application/json');
        response.end(source());
      });
    },
  };
}
