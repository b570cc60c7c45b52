import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { basemapPlugin } from './basemap/vite-plugin.js';

const clientRoot = fileURLToPath(new URL('.', import.meta.url));
// `npm run dev` runs the API on PORT (default 3000) beside Vite's dev server.
const apiServer = `http://localhost:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root: clientRoot,
  // The offline basemap is extracted from npm data packages at build time (client/basemap/).
  plugins: [react(), basemapPlugin()],
  // @shared/* and @client/* come from tsconfig.json `paths`: one definition for tsc, Vite and vitest.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    // MapLibre alone is ~800 kB minified; it is one cached file, not a warning.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/ws': { target: apiServer, ws: true },
    },
  },
});
