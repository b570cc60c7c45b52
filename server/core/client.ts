import { existsSync } from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

/**
 * Serves the built client (`npm run build`). The client routes with the URL hash, so
 * no server-side fallback to index.html is needed; files are looked up per request, so
 * a rebuild under a running server is served as it is.
 */
export const clientPlugin = fp<{ clientDir: string }>(
  async (app, { clientDir }) => {
    const root = path.resolve(clientDir);
    if (!existsSync(path.join(root, 'index.html'))) {
      app.log.warn(`no built client in ${root}: run \`npm run build\` (the API still works)`);
      return;
    }
    const assets = path.join(root, 'assets') + path.sep;
    await app.register(fastifyStatic, {
      root,
      index: 'index.html',
      schemaHide: true,
      cacheControl: false,
      // Vite names what it builds into assets/ by its content: kept for good, never asked again on
      // a reload (the map page is some forty files). The rest (index.html, the basemap) is revalidated.
      setHeaders: (reply, filePath) =>
        reply.header('cache-control', filePath.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  },
  { name: 'client' },
);
