import { existsSync } from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

/**
 * Serves the built client (`npm run build`) and answers unknown non-API paths with
 * index.html so the client's own routes survive a reload.
 */
export default fp<{ clientDir: string }>(
  async (app, { clientDir }) => {
    const root = path.resolve(clientDir);
    if (!existsSync(path.join(root, 'index.html'))) {
      app.log.warn(`no built client in ${root}: run \`npm run build\` (the API still works)`);
      return;
    }
    await app.register(fastifyStatic, { root, wildcard: false, index: 'index.html' });
    app.get('/*', { schema: { hide: true }, config: { public: true } }, (request, reply) => {
      if (request.url.startsWith('/api/') || request.url.startsWith('/ws')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  },
  { name: 'client' },
);
